package org.datamesh.core.contract.odcs;

import static org.datamesh.core.contract.odcs.OdcsChecks.problems;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import org.junit.jupiter.api.Test;

/** {@code quality} rules: their types, metrics and thresholds. */
class QualityRulesCheckTest {

  /** A contract whose schema object has the rule {@code rule} (a flow mapping, line 9). */
  private static String rule(String rule) {
    return "schema:\n  - name: orders\n    quality:\n      - " + rule + "\n";
  }

  private static final String OPERATORS =
      "mustBe, mustNotBe, mustBeGreaterThan, mustBeGreaterOrEqualTo, mustBeLessThan,"
          + " mustBeLessOrEqualTo, mustBeBetween, mustNotBeBetween";

  @Test
  void eachTypeOfRuleIsValid() {
    assertThat(problems(rule("{metric: rowCount, mustBeGreaterThan: 0}")), empty());
    assertThat(problems(rule("{type: library, metric: nullValues, mustBe: 0, unit: rows}")), empty());
    assertThat(problems(rule("{type: sql, query: SELECT 1, mustBeBetween: [0, 5]}")), empty());
    assertThat(problems(rule("{type: custom, engine: soda, implementation: {a: 1}}")), empty());
    assertThat(problems(rule("{type: text, description: every order is paid}")), empty());
    assertThat(
        problems(rule("{metric: invalidValues, arguments: {validValues: [a]}, mustNotBe: 3,"
            + " dimension: conformity, severity: error, rule: oldName}")),
        empty());
  }

  @Test
  void aLibraryOrSqlRuleHasExactlyOneThreshold() {
    assertThat(
        problems(rule("{metric: rowCount}")),
        contains("schema[0].quality[0] (line 9): a library rule needs one threshold, one of: " + OPERATORS));
    assertThat(
        problems(rule("{type: sql, query: q, mustBe: 0, mustBeLessThan: 3}")),
        contains(
            "schema[0].quality[0].mustBeLessThan (line 9): a second threshold; a rule has exactly"
                + " one (this one has mustBe)"));
  }

  @Test
  void thresholdsHaveValuesOfTheirKind() {
    assertThat(
        problems(rule("{metric: rowCount, mustBeGreaterThan: many}")),
        contains("schema[0].quality[0].mustBeGreaterThan (line 9): must be a number, not a string"));
    assertThat(
        problems(rule("{metric: rowCount, mustBeBetween: [1]}")),
        contains(
            "schema[0].quality[0].mustBeBetween (line 9): must be a list of two numbers, such as"
                + " [0, 5]"));
    assertThat(
        problems(rule("{metric: rowCount, mustNotBeBetween: [2, 2.0]}")),
        contains("schema[0].quality[0].mustNotBeBetween (line 9): must be two different numbers"));
  }

  @Test
  void eachTypeHasItsOwnKeys() {
    assertThat(
        problems(rule("{type: text, mustBe: 0, query: q}")),
        contains(
            "schema[0].quality[0].mustBe (line 9): a threshold belongs to library and sql rules"
                + " (type: library or sql, or a metric)",
            "schema[0].quality[0].query (line 9): belongs to rules of type sql"));
    assertThat(
        problems(rule("{type: sql, mustBe: 0}")),
        contains("schema[0].quality[0].query (line 9): missing; ODCS requires it in a quality rule"));
    assertThat(
        problems(rule("{type: custom, engine: e}")),
        contains(
            "schema[0].quality[0].implementation (line 9): missing; ODCS requires it in a quality"
                + " rule"));
    assertThat(
        problems(rule("{type: library, mustBe: 0}")),
        contains("schema[0].quality[0].metric (line 9): missing; ODCS requires it in a quality rule"));
  }

  @Test
  void metricsTypesAndDimensionsAreOdcsOwn() {
    assertThat(
        problems(rule("{metric: freshness, mustBe: 0, dimension: speed, type: great}")),
        contains(
            "schema[0].quality[0].metric (line 9): must be one of: nullValues, missingValues,"
                + " invalidValues, duplicateValues, rowCount",
            "schema[0].quality[0].dimension (line 9): must be one of: accuracy, completeness,"
                + " conformity, consistency, coverage, timeliness, uniqueness",
            "schema[0].quality[0].type (line 9): must be one of: text, library, sql, custom"));
  }

  @Test
  void propertyRulesAreCheckedToo() {
    assertThat(
        problems(
            "schema:\n  - name: orders\n    properties:\n      - name: id\n        quality:\n"
                + "          - {metric: nullValues}\n"),
        contains(
            "schema[0].properties[0].quality[0] (line 11): a library rule needs one threshold,"
                + " one of: " + OPERATORS));
  }
}
