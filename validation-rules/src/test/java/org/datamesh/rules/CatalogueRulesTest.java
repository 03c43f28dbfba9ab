package org.datamesh.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.junit.jupiter.api.Test;

/** The rules added to complete the catalogue, each on valid and failing values. */
class CatalogueRulesTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC);

  private static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("note", FieldType.STRING)
          .addNullableField("price", FieldType.DOUBLE)
          .addNullableField("amount", FieldType.DECIMAL)
          .addNullableField("at", FieldType.DATETIME)
          .addNullableField("day", DataTypes.date())
          .build();

  private static Row row(String note, Double price, BigDecimal amount, String at, LocalDate day) {
    return Row.withSchema(SCHEMA)
        .addValues(note, price, amount, at == null ? null : org.joda.time.Instant.parse(at), day)
        .build();
  }

  @Test
  void notBlankRefusesSpacesButLetsAMissingValuePass() {
    Rule rule = Rules.notBlank("note");
    assertThat(rule.id(), equalTo("note.not_blank"));
    assertThat(rule.evaluate(row("x", null, null, null, null)), nullValue());
    assertThat(rule.evaluate(row(null, null, null, null, null)), nullValue());
    assertThat(rule.evaluate(row(" \t", null, null, null, null)).reason(), equalTo("note must not be blank"));
    assertThrows(IllegalArgumentException.class, () -> RuleSet.of(Rules.notBlank("price")).checkApplicable(SCHEMA));
  }

  @Test
  void forbiddenValuesNameTheListNeverTheValue() {
    Rule rule = Rules.noneOf("note", "N/A", "UNKNOWN");
    assertThat(rule.evaluate(row("ok", null, null, null, null)), nullValue());
    assertThat(
        rule.evaluate(row("N/A", null, null, null, null)).reason(),
        equalTo("note must be none of N/A, UNKNOWN"));
    assertThat(rule.evaluate(row("UNKNOWN", null, null, null, null)).ruleId(), equalTo("note.forbidden_values"));
  }

  @Test
  void fitsDecimalCountsDigitsBeforeAndAfterThePoint() {
    Rule amount = Rules.fitsDecimal("amount", 5, 2);
    assertThat(amount.id(), equalTo("amount.precision"));
    assertThat(amount.evaluate(row(null, null, new BigDecimal("999.99"), null, null)), nullValue());
    assertThat(amount.evaluate(row(null, null, new BigDecimal("10.500"), null, null)), nullValue());
    assertThat(
        amount.evaluate(row(null, null, new BigDecimal("1.234"), null, null)).reason(),
        equalTo("amount must fit decimal(5,2): at most 3 digits before the point and 2 after"));
    assertThat(amount.evaluate(row(null, null, new BigDecimal("1000"), null, null)).ruleId(), equalTo("amount.precision"));
    Rule price = Rules.fitsDecimal("price", 4, 1);
    assertThat(price.evaluate(row(null, 0.1, null, null, null)), nullValue());
    assertThat(price.evaluate(row(null, 0.15, null, null, null)).ruleId(), equalTo("price.precision"));
  }

  @Test
  void countryAndCurrencyCodesAreTheJdksIsoLists() {
    Schema codes = Schema.builder().addNullableField("c", FieldType.STRING).build();
    Rule country = Rules.countryCode("c");
    Rule currency = Rules.currencyCode("c");
    assertThat(country.evaluate(Row.withSchema(codes).addValue("FR").build()), nullValue());
    assertThat(
        country.evaluate(Row.withSchema(codes).addValue("fr").build()).reason(),
        equalTo("c must be an ISO 3166-1 alpha-2 country code (upper case)"));
    assertThat(country.evaluate(Row.withSchema(codes).addValue("XX").build()).ruleId(), equalTo("c.format"));
    assertThat(currency.evaluate(Row.withSchema(codes).addValue("EUR").build()), nullValue());
    assertThat(currency.evaluate(Row.withSchema(codes).addValue("JPY").build()), nullValue());
    assertThat(
        currency.evaluate(Row.withSchema(codes).addValue("XYZ").build()).reason(),
        equalTo("c must be an ISO 4217 currency code (upper case)"));
  }

  @Test
  void notInFutureAndMaxAgeJudgeTimestampsAndDatesAgainstTheClock() {
    Rule future = Rules.notInFuture("at", NOW);
    assertThat(future.id(), equalTo("at.not_future"));
    assertThat(future.evaluate(row(null, null, null, "2024-06-15T12:00:00Z", null)), nullValue());
    assertThat(
        future.evaluate(row(null, null, null, "2024-06-15T12:00:01Z", null)).reason(),
        equalTo("at must not be in the future"));
    Rule futureDay = Rules.notInFuture("day", NOW);
    assertThat(futureDay.evaluate(row(null, null, null, null, LocalDate.of(2024, 6, 15))), nullValue());
    assertThat(futureDay.evaluate(row(null, null, null, null, LocalDate.of(2024, 6, 16))).ruleId(), equalTo("day.not_future"));

    Rule recent = Rules.notOlderThan("at", Duration.ofDays(30), NOW);
    assertThat(recent.id(), equalTo("at.max_age"));
    assertThat(recent.evaluate(row(null, null, null, "2024-05-16T12:00:00Z", null)), nullValue());
    assertThat(
        recent.evaluate(row(null, null, null, "2024-05-16T11:59:59Z", null)).reason(),
        equalTo("at must be at most 30 days old"));
    Rule recentDay = Rules.notOlderThan("day", Duration.ofDays(30), NOW);
    assertThat(recentDay.evaluate(row(null, null, null, null, LocalDate.of(2024, 5, 16))), nullValue());
    assertThat(recentDay.evaluate(row(null, null, null, null, LocalDate.of(2024, 5, 15))).ruleId(), equalTo("day.max_age"));
    assertThat(recent.evaluate(row(null, null, null, null, null)), nullValue());
    assertThrows(IllegalArgumentException.class, () -> RuleSet.of(Rules.notInFuture("note")).checkApplicable(SCHEMA));
  }
}
