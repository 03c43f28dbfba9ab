package org.datamesh.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.failure.Violation;
import org.junit.jupiter.api.Test;

class RulesTest {

  static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("id", FieldType.STRING)
          .addNullableField("amount", DataTypes.decimal(10, 2))
          .addNullableField("qty", FieldType.INT32)
          .addNullableField("status", FieldType.STRING)
          .build();

  static Row row(String id, String amount, Integer qty, String status) {
    return Row.withSchema(SCHEMA)
        .addValues(id, amount == null ? null : new BigDecimal(amount).setScale(2), qty, status)
        .build();
  }

  @Test
  void notNullRejectsMissingAndBlankText() {
    Rule rule = Rules.notNull("id");
    assertThat(rule.id(), equalTo("id.not_null"));
    assertThat(rule.evaluate(row("A", null, null, null)), nullValue());
    assertThat(rule.evaluate(row(null, null, null, null)).reason(), equalTo("id is required but missing"));
    assertThat(rule.evaluate(row("  ", null, null, null)).ruleId(), equalTo("id.not_null"));
  }

  @Test
  void rangeIsInclusiveAndPassesMissingValues() {
    Rule rule = Rules.between("qty", 1, 10);
    assertThat(rule.evaluate(row(null, null, 1, null)), nullValue());
    assertThat(rule.evaluate(row(null, null, 10, null)), nullValue());
    assertThat(rule.evaluate(row(null, null, null, null)), nullValue());
    Violation v = rule.evaluate(row(null, null, 11, null));
    assertThat(v.reason(), equalTo("qty must be between 1 and 10"));
    assertThat(Rules.atLeast("amount", 0).evaluate(row(null, "-0.01", null, null)).reason(),
        equalTo("amount must be at least 0"));
    assertThat(Rules.atMost("amount", new BigDecimal("99.99")).evaluate(row(null, "99.99", null, null)), nullValue());
  }

  @Test
  void lengthCountsCharactersNotBytes() {
    Rule rule = Rules.lengthBetween("id", 2, 3);
    assertThat(rule.evaluate(row("ééé", null, null, null)), nullValue());
    assertThat(rule.evaluate(row("a", null, null, null)).reason(),
        equalTo("id must be between 2 and 3 characters long"));
  }

  @Test
  void patternMustMatchTheWholeText() {
    Rule rule = Rules.matches("id", "ORD-[0-9]{3}");
    assertThat(rule.evaluate(row("ORD-123", null, null, null)), nullValue());
    assertThat(rule.evaluate(row("xORD-123", null, null, null)).ruleId(), equalTo("id.pattern"));
  }

  @Test
  void allowedValuesNeverQuoteTheOffendingValue() {
    Rule exact = Rules.oneOf("status", "PLACED", "SHIPPED");
    Rule loose = Rules.oneOfIgnoringCase("status", "PLACED", "SHIPPED");
    assertThat(exact.evaluate(row(null, null, null, " shipped ")).reason(),
        equalTo("status must be one of PLACED, SHIPPED"));
    assertThat(loose.evaluate(row(null, null, null, " shipped ")), nullValue());
    assertThat(loose.evaluate(row(null, null, null, "secret-value")).reason(),
        equalTo("status must be one of PLACED, SHIPPED (any case)"));
  }

  @Test
  void severityAndIdCanBeChangedWithoutTouchingTheOriginal() {
    Rule error = Rules.atMost("qty", 100);
    Rule warning = error.asWarning().withId("qty.bulk");
    assertThat(error.severity(), is(Severity.ERROR));
    assertThat(error.id(), equalTo("qty.range"));
    assertThat(warning.severity(), is(Severity.WARN));
    assertThat(warning.evaluate(row(null, null, 101, null)).ruleId(), equalTo("qty.bulk"));
  }

  @Test
  void ruleSetListsEveryViolationInOrder() {
    RuleSet rules =
        RuleSet.of(Rules.notNull("id"), Rules.atLeast("amount", 0), Rules.between("qty", 1, 5).asWarning());
    assertThat(rules.evaluate(row("A", "1", 1, null)), empty());
    assertThat(
        rules.evaluate(row(null, "-1", 9, null)).stream().map(Violation::ruleId).toList(),
        contains("id.not_null", "amount.range", "qty.range"));
  }

  @Test
  void ruleSetsRefuseDuplicateIdsAndRulesThatCannotApply() {
    assertThat(
        assertThrows(IllegalArgumentException.class,
            () -> RuleSet.of(Rules.notNull("id"), Rules.notNull("id"))).getMessage(),
        containsString("two rules share the id id.not_null"));
    assertThat(
        assertThrows(IllegalArgumentException.class,
            () -> RuleSet.of(Rules.atLeast("status", 0)).checkApplicable(SCHEMA)).getMessage(),
        containsString("a range rule needs a numeric field"));
    assertThat(
        assertThrows(IllegalArgumentException.class,
            () -> RuleSet.of(Rules.notNull("nope")).checkApplicable(SCHEMA)).getMessage(),
        containsString("rule nope.not_null is about nope, which the rows do not have"));
    assertThrows(IllegalArgumentException.class, () -> Rules.between("qty", 5, 1));
    assertThrows(java.util.regex.PatternSyntaxException.class, () -> Rules.matches("id", "("));
  }
}
