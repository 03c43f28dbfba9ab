package org.datamesh.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.util.SerializableUtils;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.record.RecordPath;
import org.junit.jupiter.api.Test;

/** CEL rules and Java predicates over whole records, and how Beam values look in CEL. */
class ExpressionRulesTest {

  static final Schema ADDRESS = Schema.builder().addNullableField("zip", FieldType.STRING).build();

  static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("status", FieldType.STRING)
          .addNullableField("order_date", DataTypes.date())
          .addNullableField("ship_date", DataTypes.date())
          .addNullableField("paid_at", FieldType.DATETIME)
          .addNullableField("amount", DataTypes.decimal(12, 2))
          .addNullableField("quantity", FieldType.INT64)
          .addNullableField("cutoff", DataTypes.time())
          .addNullableField("address", FieldType.row(ADDRESS))
          .addNullableField("tags", FieldType.array(FieldType.STRING))
          .build();

  static Row order(String status, String orderDate, String shipDate, String amount, Long quantity) {
    return Row.withSchema(SCHEMA)
        .addValues(
            status,
            orderDate == null ? null : LocalDate.parse(orderDate),
            shipDate == null ? null : LocalDate.parse(shipDate),
            org.joda.time.Instant.parse("2024-03-05T10:00:00Z"),
            amount == null ? null : new BigDecimal(amount),
            quantity,
            LocalTime.of(17, 30),
            Row.withSchema(ADDRESS).addValue("75001").build(),
            List.of("gift", "express"))
        .build();
  }

  @Test
  void crossFieldAndConditionalRulesJudgeTheWholeRecord() {
    Rule after = Rules.expression("ship_after_order", "ship_date == null || ship_date >= order_date");
    Rule shipped =
        Rules.expression("shipped_has_date", "status == 'SHIPPED' ? ship_date != null : true").asWarning();
    assertThat(after.evaluate(order("SHIPPED", "2024-03-01", "2024-03-02", "1", 1L)), nullValue());
    assertThat(after.evaluate(order("PLACED", "2024-03-01", null, "1", 1L)), nullValue());
    Violation early = after.evaluate(order("SHIPPED", "2024-03-02", "2024-03-01", "1", 1L));
    assertThat(early.ruleId(), equalTo("ship_after_order"));
    assertThat(early.field(), nullValue());
    assertThat(early.reason(), equalTo("the record must satisfy ship_date == null || ship_date >= order_date"));
    assertThat(shipped.evaluate(order("PLACED", "2024-03-01", null, "1", 1L)), nullValue());
    Violation noDate = shipped.evaluate(order("SHIPPED", "2024-03-01", null, "1", 1L));
    assertThat(noDate.severity(), equalTo(Severity.WARN));
    assertThat(noDate.ruleId(), equalTo("shipped_has_date"));
  }

  @Test
  void beamValuesHaveTheDocumentedCelTypes() {
    Row row = order("SHIPPED", "2024-03-01", "2024-03-02", "1000.50", 3L);
    List<String> holds =
        List.of(
            "amount > 1000 && amount == 1000.5",                       // decimal -> double
            "quantity == 3 && quantity + 1 == 4",                      // int64 -> int
            "order_date == timestamp('2024-03-01T00:00:00Z')",         // date -> timestamp, UTC midnight
            "paid_at == timestamp('2024-03-05T10:00:00Z')",            // DATETIME -> timestamp
            "paid_at - order_date == duration('106h')",
            "cutoff == duration('17h30m')",                            // time -> duration since midnight
            "address.zip == '75001'",                                  // row -> map
            "size(tags) == 2 && 'gift' in tags",                       // array -> list
            "now > paid_at");
    for (String expression : holds) {
      assertThat(expression, Rules.expression("e", expression).evaluate(row), nullValue());
    }
    assertThat(Rules.expression("e", "amount > 2000").evaluate(row).reason(),
        equalTo("the record must satisfy amount > 2000"));
  }

  @Test
  void aNullUsedAsAValueOrAnAbsentKeyIsAViolationNamingTheCodeNotTheValue() {
    Row noAmount = order("PLACED", "2024-03-01", null, null, 1L);
    Violation missing = Rules.expression("positive", "amount", "amount > 0").evaluate(noAmount);
    assertThat(missing.field(), equalTo("amount"));
    assertThat(
        missing.reason(),
        equalTo("amount: could not evaluate amount > 0 (OVERLOAD_NOT_FOUND: a value it uses is"
            + " missing (null) or of another type)"));
    Violation absent =
        Rules.expression("zip", "address.city == 'Paris'").evaluate(order("PLACED", "2024-03-01", null, "1", 1L));
    assertThat(absent.reason(), containsString("ATTRIBUTE_NOT_FOUND: a field it reads is absent"));
    Violation divided =
        Rules.expression("ratio", "quantity / (quantity - 1) > 0").evaluate(order("PLACED", "2024-03-01", null, "1", 1L));
    assertThat(divided.reason(), containsString("DIVIDE_BY_ZERO"));
    assertThat(divided.reason(), not(containsString("75001")));
  }

  @Test
  void anExpressionThatDoesNotCompileOrIsNotABoolIsRefusedWhenThePipelineIsBuilt() {
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> ValidationStep.of(RuleSet.of(Rules.expression("bad", "shipdate > order_date"))).outputSchema(SCHEMA));
    assertThat(unknown.getMessage(), containsString("rule bad: the CEL expression shipdate > order_date does not compile"));
    IllegalArgumentException notBool =
        assertThrows(
            IllegalArgumentException.class,
            () -> ValidationStep.of(RuleSet.of(Rules.expression("sum", "quantity + 1"))).outputSchema(SCHEMA));
    assertThat(notBool.getMessage(), containsString("gives a int, not a bool"));
  }

  @Test
  void predicatesSeeTheRecordAsARowAndAThrowingOneIsAViolation() {
    Rule bigOrder =
        Rules.predicate(
            "amount_per_item",
            List.of("amount", "quantity"),
            row -> row.getDecimal("amount").compareTo(BigDecimal.valueOf(row.getInt64("quantity"))) >= 0,
            "cost at least 1 per item");
    assertThat(bigOrder.evaluate(order("PLACED", "2024-03-01", null, "5", 5L)), nullValue());
    Violation cheap = bigOrder.evaluate(order("PLACED", "2024-03-01", null, "4", 5L));
    assertThat(cheap.field(), equalTo("amount, quantity"));
    assertThat(cheap.reason(), equalTo("amount, quantity must cost at least 1 per item"));
    Violation thrown = bigOrder.evaluate(order("PLACED", "2024-03-01", null, null, 5L));
    assertThat(
        thrown.reason(),
        equalTo("amount, quantity: could not evaluate the predicate that it must cost at least 1"
            + " per item (NullPointerException)"));
    assertThrows(
        IllegalArgumentException.class,
        () -> RuleSet.of(Rules.predicate("p", List.of("nope"), r -> true, "x")).checkApplicable(SCHEMA));
  }

  @Test
  void theStepTravelsAsTextAndCompilesOncePerWorkerListingEveryBrokenRule() {
    ValidationStep step =
        ValidationStep.of(
            RuleSet.of(
                Rules.atLeast("amount", 0),
                Rules.expression("ship_after_order", "ship_date == null || ship_date >= order_date"),
                Rules.expression("recent", "now - paid_at < duration('24h')",
                    Clock.fixed(Instant.parse("2024-03-05T12:00:00Z"), ZoneOffset.UTC))));
    ValidationStep copy = SerializableUtils.ensureSerializable(step);
    RecordPath.Compiled path = RecordPath.of(copy).compile(SCHEMA);
    Row bad = order("SHIPPED", "2024-03-02", "2024-03-01", "-1", 1L);
    var failure = path.run(bad.getValues().toArray(), id -> {});
    assertThat(
        failure.violations().stream().map(Violation::ruleId).toList(),
        contains("amount.range", "ship_after_order"));
    assertThat(path.run(order("SHIPPED", "2024-03-01", "2024-03-02", "1", 1L).getValues().toArray(), id -> {}), nullValue());
    assertThat(RuleSet.of(Rules.expression("e", "true")).rules(), not(empty()));
  }
}
