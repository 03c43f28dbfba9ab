package org.datamesh.core.contract.odcs;

import static org.datamesh.core.contract.odcs.OdcsChecks.problems;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import org.junit.jupiter.api.Test;

/** {@code logicalTypeOptions}: the options each logical type allows. */
class LogicalTypeOptionsCheckTest {

  /** A contract whose one property has {@code logicalType} and {@code options} (line 11). */
  private static String property(String logicalType, String options) {
    return "schema:\n  - name: t\n    properties:\n      - name: p\n"
        + "        logicalType: " + logicalType + "\n"
        + "        logicalTypeOptions: " + options + "\n";
  }

  @Test
  void eachTypeAcceptsItsOwnOptions() {
    assertThat(problems(property("string", "{minLength: 1, maxLength: 3, pattern: x, format: y}")), empty());
    assertThat(problems(property("date", "{format: d, minimum: '2020-01-01', exclusiveMaximum: x}")), empty());
    assertThat(problems(property("timestamp", "{timezone: true, defaultTimezone: UTC, maximum: x}")), empty());
    assertThat(problems(property("time", "{format: 'HH:mm'}")), empty());
    assertThat(problems(property("integer", "{minimum: -1, maximum: 9, multipleOf: 2, format: u64}")), empty());
    assertThat(problems(property("number", "{exclusiveMinimum: 0, multipleOf: 0.5, format: f32}")), empty());
    assertThat(problems(property("object", "{minProperties: 0, maxProperties: 3, required: [a]}")), empty());
    assertThat(problems(property("array", "{minItems: 1, maxItems: 2, uniqueItems: true}")), empty());
    assertThat(problems(property("boolean", "{anything: [goes]}")), empty());
  }

  @Test
  void anOptionOfAnotherTypeIsRefused() {
    assertThat(
        problems(property("string", "{minItems: 1}")),
        contains(
            "schema[0].properties[0].logicalTypeOptions.minItems (line 11): not a key ODCS allows"
                + " in options of a string; allowed: minLength, maxLength, pattern, format"));
  }

  @Test
  void optionValuesHaveTheirTypesAndRanges() {
    assertThat(
        problems(property("string", "{minLength: -1, maxLength: 2.5, pattern: 7}")),
        contains(
            "schema[0].properties[0].logicalTypeOptions.minLength (line 11): must be 0 or more",
            "schema[0].properties[0].logicalTypeOptions.maxLength (line 11): must be a whole"
                + " number, without a fraction",
            "schema[0].properties[0].logicalTypeOptions.pattern (line 11): must be a string, not"
                + " a number"));
    assertThat(
        problems(property("integer", "{multipleOf: 0, format: i7, minimum: '1'}")),
        contains(
            "schema[0].properties[0].logicalTypeOptions.multipleOf (line 11): must be greater"
                + " than 0",
            "schema[0].properties[0].logicalTypeOptions.format (line 11): must be one of: i8,"
                + " i16, i32, i64, i128, u8, u16, u32, u64, u128",
            "schema[0].properties[0].logicalTypeOptions.minimum (line 11): must be a number, not"
                + " a string"));
    assertThat(
        problems(property("date", "{minimum: 2020}")),
        contains(
            "schema[0].properties[0].logicalTypeOptions.minimum (line 11): must be a string, not"
                + " a number"));
  }

  @Test
  void anObjectsRequiredNamesAreDistinctAndNotEmpty() {
    assertThat(
        problems(property("object", "{required: []}")),
        contains(
            "schema[0].properties[0].logicalTypeOptions.required (line 11): must list at least one"
                + " name"));
    assertThat(
        problems(property("object", "{required: [a, a]}")),
        contains(
            "schema[0].properties[0].logicalTypeOptions.required[1] (line 11): repeats an earlier"
                + " entry; each may appear once"));
  }
}
