package org.datamesh.core.standardize;

import static org.datamesh.core.standardize.Outcomes.outcome;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;
import org.junit.jupiter.api.Test;

/** Units to a canonical unit, dates from several formats, amounts at their currency's scale. */
class QuantityStandardizersTest {

  private static final String LONG = "9".repeat(1_000_000);

  @Test
  void massesInAnyUnitBecomeKilograms() {
    UnitConversion kg = Standardizers.unit("weight", "kg");
    assertThat(kg.outputType(FieldType.STRING), equalTo(FieldType.DOUBLE.withNullable(true)));
    assertThat(outcome(kg, "2.5 kg"), equalTo("2.5"));
    assertThat(outcome(kg, "2500g"), equalTo("2.5"));
    assertThat(outcome(kg, " 5 LB "), equalTo("2.26796185"));
    assertThat(outcome(kg, "16 oz"), equalTo("0.45359237"));
    assertThat(outcome(kg, "1.5 Tonnes"), equalTo("1500.0"));
    assertThat(outcome(kg, "-.5 kilograms"), equalTo("-0.5"));
    assertThat(outcome(kg, "250\u00A0mg"), equalTo("2.5E-4"));
    assertThat(outcome(kg, null), equalTo("null"));
    assertThat(kg.describe(), equalTo("weight: mass in kg"));
  }

  @Test
  void lengthsStoredAsTheColumnsDecimal() {
    UnitConversion m = Standardizers.unit("height", "cm").storedAs(8, 2);
    assertThat(m.outputType(FieldType.STRING), equalTo(DataTypes.decimal(8, 2).withNullable(true)));
    assertThat(outcome(m, "6 ft"), equalTo("182.88"));
    assertThat(outcome(m, "1 in"), equalTo("2.54"));
    assertThat(outcome(m, "1.2345 m"), equalTo("123.45"));
    assertThat(outcome(m, "1.23455 m"), equalTo("123.46"));
    assertThat(outcome(m, "1 mi"), equalTo("160934.40"));
    assertThat(
        outcome(m, "1 km").startsWith("standardize.unit"), equalTo(false));
    assertThat(
        outcome(m, "10 km"),
        equalTo("standardize.unit: height has more than 6 digits before the point in cm"));
  }

  @Test
  void quantitiesWithoutAKnownUnitOfTheDimensionFail() {
    UnitConversion kg = Standardizers.unit("weight", "kg");
    String invalid =
        "standardize.unit: weight is not a mass (a number and one of mg, g, kg, t, oz, lb)";
    for (String text :
        new String[] {"2.5", "kg", "5 m", "1,5 kg", "1,500 g", "1e3 kg", "2.5 kg.", "", "5 stone",
          "٥ kg", LONG + " kg"}) {
      assertThat("[" + text + "]", outcome(kg, text), equalTo(invalid));
    }
    assertThat(
        outcome(Standardizers.unit("len", "m"), "5 kg"),
        equalTo("standardize.unit: len is not a length (a number and one of mm, cm, m, km, in, ft,"
            + " yd, mi)"));
    assertThrows(IllegalArgumentException.class, () -> Standardizers.unit("w", "parsec"));
    assertThrows(IllegalArgumentException.class, () -> Standardizers.unit("w", "kg").storedAs(2, 3));
    assertThrows(IllegalArgumentException.class, () -> kg.outputType(FieldType.DOUBLE));
  }

  @Test
  void datesFromIsoThenEachPatternInOrder() {
    DateFromText day = Standardizers.date("day").withPatterns("dd.MM.yyyy", "yyyyMMdd");
    assertThat(day.outputType(FieldType.STRING), equalTo(DataTypes.date().withNullable(true)));
    assertThat(outcome(day, "2024-03-05"), equalTo("2024-03-05"));
    assertThat(outcome(day, " 05.03.2024 "), equalTo("2024-03-05"));
    assertThat(outcome(day, "20240305"), equalTo("2024-03-05"));
    assertThat(outcome(day, "29.02.2024"), equalTo("2024-02-29"));
    assertThat(outcome(day, null), equalTo("null"));
    String invalid =
        "standardize.date: day is not a date in a known format (ISO-8601 or dd.MM.yyyy, yyyyMMdd)";
    for (String text : new String[] {"30.02.2024", "2023-02-29", "5 March", "", "2024-03-05T10:00",
        LONG}) {
      assertThat("[" + text + "]", outcome(day, text), equalTo(invalid));
    }
    assertThat(
        outcome(Standardizers.date("day"), "05.03.2024"),
        equalTo("standardize.date: day is not a date in a known format (ISO-8601)"));
    assertThat(
        outcome(day, "0000-12-31"),
        equalTo("standardize.date: day is outside the years 0001 to 9999"));
    assertThrows(IllegalArgumentException.class, () -> day.withPatterns("not a pattern {"));
  }

  @Test
  void timestampsTryEachPatternInOrderInTheirZone() {
    TimestampToUtc at =
        Standardizers.timestampUtc("at")
            .inZone("Europe/Berlin")
            .withPatterns("dd.MM.yyyy HH:mm", "MM/dd/yyyy h:mm a", "yyyyMMddHHmmss");
    assertThat(outcome(at, "05.03.2024 10:15"), equalTo("2024-03-05T09:15:00Z"));
    assertThat(outcome(at, "03/05/2024 10:15 PM"), equalTo("2024-03-05T21:15:00Z"));
    assertThat(outcome(at, "20240705101500"), equalTo("2024-07-05T08:15:00Z"));
    assertThat(outcome(at, "2024-03-05T10:15:00Z"), equalTo("2024-03-05T10:15:00Z"));
    // A pattern can read each value's own zone or offset; the default zone is for those without.
    TimestampToUtc zoned =
        Standardizers.timestampUtc("at").withPatterns("dd.MM.yyyy HH:mm VV", "dd.MM.yyyy HH:mm XXX");
    assertThat(outcome(zoned, "05.03.2024 10:15 Asia/Tokyo"), equalTo("2024-03-05T01:15:00Z"));
    assertThat(outcome(zoned, "05.03.2024 10:15 -05:00"), equalTo("2024-03-05T15:15:00Z"));
    assertThat(
        outcome(at, LONG),
        equalTo(
            "standardize.timestamp: at is not a timestamp in a known format (ISO-8601 or"
                + " dd.MM.yyyy HH:mm, MM/dd/yyyy h:mm a, yyyyMMddHHmmss)"));
  }

  @Test
  void amountsTooLargeForTheColumnFailBeforeRounding() {
    CurrencyScale amount = Standardizers.currencyAmount("amount", "currency").storedAs(12, 2);
    FieldStandardizer.FieldLookup eur = field -> "EUR";
    assertThat(apply(amount, new BigDecimal("10.005"), eur), equalTo("10.00"));
    assertThat(apply(amount, new BigDecimal("-0.015"), eur), equalTo("-0.02"));
    String tooLarge = "standardize.amount: amount has more than 10 digits before the point";
    assertThat(apply(amount, new BigDecimal("1E+999999999"), eur), equalTo(tooLarge));
    assertThat(apply(amount, new BigDecimal("9999999999.995"), eur), equalTo(tooLarge));
    assertThat(apply(amount, "1e999999999", eur), equalTo(tooLarge));
    assertThat(
        apply(amount, LONG, eur), equalTo("standardize.amount: amount is not a decimal amount"));
    assertThat(
        apply(amount, new BigDecimal("1"), field -> "eur"),
        equalTo("standardize.currency: currency is not an ISO 4217 currency code"));
  }

  private static String apply(
      FieldStandardizer standardizer, Object value, FieldStandardizer.FieldLookup row) {
    try {
      return String.valueOf(standardizer.apply(value, row));
    } catch (StandardizationException e) {
      return e.violation().ruleId() + ": " + e.violation().reason();
    }
  }
}
