package org.datamesh.core.parse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;
import org.datamesh.core.failure.Failure;
import org.joda.time.Instant;

/**
 * The bad-value catalogue: one field's text per record and exactly what parsing makes of it, the
 * published value or the failure's "rule: reason". Record {@code i} (1-based) is case {@code i}.
 */
final class ValueCases {

  static final Schema SCHEMA =
      Schema.builder()
          .addStringField("id")
          .addNullableField("n16", FieldType.INT16)
          .addNullableField("n32", FieldType.INT32)
          .addNullableField("n64", FieldType.INT64)
          .addNullableField("dbl", FieldType.DOUBLE)
          .addNullableField("flt", FieldType.FLOAT)
          .addNullableField("dec", DataTypes.decimal(10, 2))
          .addNullableField("big", FieldType.DECIMAL)
          .addNullableField("day", DataTypes.date())
          .addNullableField("at", FieldType.DATETIME)
          .build();

  /** One field's text and what it becomes: {@code value}, or the failure {@code "rule: reason"}. */
  record Case(String column, String text, @Nullable Object value, @Nullable String failure) {}

  static final List<Case> ALL =
      List.of(
          ok("n32", "2147483647", 2147483647),
          no("n32", "2147483648", "parse.number_range: n32 is outside the 32-bit integer range (-2147483648 to 2147483647)"),
          no("n32", "-2147483649", "parse.number_range: n32 is outside the 32-bit integer range (-2147483648 to 2147483647)"),
          no("n64", "9223372036854775808", "parse.number_range: n64 is outside the 64-bit integer range (-9223372036854775808 to 9223372036854775807)"),
          no("n16", "32768", "parse.number_range: n16 is outside the 16-bit integer range (-32768 to 32767)"),
          no("n64", "9".repeat(500), "parse.number_range: n64 is outside the 64-bit integer range (-9223372036854775808 to 9223372036854775807)"),
          no("n64", "9".repeat(1001), "parse.number: n64 is longer than 1000 characters for a number"),
          ok("n32", "-0", 0),
          ok("n64", "+0000000000000000000000042", 42L),
          no("n32", "1e3", "parse.number: n32 is not a 32-bit integer (digits only, no point or exponent)"),
          no("n32", "1.0", "parse.number: n32 is not a 32-bit integer (digits only, no point or exponent)"),
          no("n32", "١٢", "parse.number: n32 is not a 32-bit integer (digits only, no point or exponent)"),
          no("dbl", "NaN", "parse.number: dbl is NaN or infinite; only finite numbers are accepted"),
          no("dbl", "Infinity", "parse.number: dbl is NaN or infinite; only finite numbers are accepted"),
          no("dbl", "-Infinity", "parse.number: dbl is NaN or infinite; only finite numbers are accepted"),
          no("flt", "nan", "parse.number: flt is NaN or infinite; only finite numbers are accepted"),
          ok("dbl", "-0", 0.0),
          ok("dbl", "-0.0", 0.0),
          ok("flt", "-0.0", 0.0f),
          ok("dbl", "1e3", 1000.0),
          ok("dbl", "1E-400", 0.0),
          no("dbl", "1e400", "parse.number_range: dbl is beyond the range of a 64-bit float (1.7976931348623157E308)"),
          no("flt", "1e39", "parse.number_range: flt is beyond the range of a 32-bit float (3.4028235E38)"),
          no("dbl", "0x1p3", "parse.number: dbl is not a valid number"),
          no("dbl", "1d", "parse.number: dbl is not a valid number"),
          no("dec", "NaN", "parse.number: dec is NaN or infinite, which a decimal cannot hold"),
          no("dec", "-Infinity", "parse.number: dec is NaN or infinite, which a decimal cannot hold"),
          no("big", "Infinity", "parse.number: big is NaN or infinite, which a decimal cannot hold"),
          ok("dec", "-0", new BigDecimal("0.00")),
          ok("dec", "-0.00", new BigDecimal("0.00")),
          ok("dec", "1E+3", new BigDecimal("1000.00")),
          ok("dec", "1.5e1", new BigDecimal("15.00")),
          ok("big", "1E+3", new BigDecimal("1E+3")),
          ok("big", "-0", BigDecimal.ZERO),
          no("dec", "1E+999999999", "parse.decimal_precision: dec has more than 10 digits"),
          no("dec", "1E-999999999", "parse.decimal_scale: dec has more than 2 decimal places"),
          no("big", "1E+9999999999", "parse.number_range: big has an exponent beyond the range of a decimal"),
          no("big", "1".repeat(1001), "parse.number: big is longer than 1000 characters for a number"),
          no("day", "2026-02-30", "parse.date: day is not a calendar day (month 01-12, day within the month)"),
          no("day", "2026-13-01", "parse.date: day is not a calendar day (month 01-12, day within the month)"),
          no("day", "2026-00-10", "parse.date: day is not a calendar day (month 01-12, day within the month)"),
          ok("day", "2024-02-29", LocalDate.of(2024, 2, 29)),
          ok("day", "0001-01-01", LocalDate.of(1, 1, 1)),
          ok("day", "9999-12-31", LocalDate.of(9999, 12, 31)),
          no("day", "+10000-01-01", "parse.date: day is outside the years 0001 to 9999"),
          no("day", "0000-01-01", "parse.date: day is outside the years 0001 to 9999"),
          no("day", "-0001-01-01", "parse.date: day is outside the years 0001 to 9999"),
          no("day", "2026/02/03", "parse.date: day is not a date in ISO-8601 form (yyyy-MM-dd)"),
          no("at", "2016-12-31T23:59:60Z", "parse.timestamp: at is a leap second (second 60), which a timestamp cannot hold"),
          no("at", "2026-02-30T10:00:00Z", "parse.timestamp: at is not a calendar date and time (month 01-12, day within the month, hour 00-23, minute and second 00-59)"),
          no("at", "2026-03-29T02:30:00", "parse.timestamp: at has no zone offset; add Z or one such as +01:00 (2024-03-05T10:15:30Z)"),
          no("at", "2026-03-29T02:30:00[Europe/Paris]", "parse.timestamp: at names a zone region; give its offset instead (2024-03-05T10:15:30+01:00)"),
          no("at", "2026-03-29T02:30:00+01:00[Europe/Paris]", "parse.timestamp: at names a zone region; give its offset instead (2024-03-05T10:15:30+01:00)"),
          ok("at", "2026-03-29T02:30:00+01:00", Instant.parse("2026-03-29T01:30:00Z")),
          ok("at", "9999-12-31T23:59:59.999Z", Instant.parse("9999-12-31T23:59:59.999Z")),
          ok("at", "0001-01-01T00:00:00Z", Instant.parse("0001-01-01T00:00:00Z")),
          no("at", "9999-12-31T23:00:00-01:00", "parse.timestamp: at is outside the years 0001 to 9999 (in UTC)"),
          no("at", "+10000-01-01T00:00:00Z", "parse.timestamp: at is outside the years 0001 to 9999 (in UTC)"),
          no("at", "-0001-01-01T00:00:00Z", "parse.timestamp: at is outside the years 0001 to 9999 (in UTC)"),
          no("at", "+999999999-12-31T23:59:59Z", "parse.timestamp: at is outside the years 0001 to 9999 (in UTC)"),
          ok("at", "2024-03-05T10:15:30.123999999Z", Instant.parse("2024-03-05T10:15:30.123Z")),
          ok("at", "1969-12-31T23:59:59.9999Z", Instant.parse("1969-12-31T23:59:59.999Z")));

  private ValueCases() {}

  private static Case ok(String column, String text, Object value) {
    return new Case(column, text, value, null);
  }

  private static Case no(String column, String text, String failure) {
    return new Case(column, text, null, failure);
  }

  /** The id of case {@code index} (0-based): its record number. */
  static String id(int index) {
    return "r" + (index + 1);
  }

  /** The rows the accepted cases publish. */
  static List<Row> publishedRows() {
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < ALL.size(); i++) {
      Case c = ALL.get(i);
      if (c.value() != null) {
        Row.FieldValueBuilder row =
            Row.withSchema(SCHEMA).withFieldValue("id", id(i)).withFieldValue(c.column(), c.value());
        rows.add(row.build());
      }
    }
    return rows;
  }

  /** The refused cases by record number: "rule: reason". */
  static Map<Long, String> expectedFailures() {
    Map<Long, String> failures = new TreeMap<>();
    for (int i = 0; i < ALL.size(); i++) {
      if (ALL.get(i).failure() != null) {
        failures.put(i + 1L, ALL.get(i).failure());
      }
    }
    return failures;
  }

  /** What {@code failures} say, by record number: "rule: reason", several joined by " | ". */
  static Map<Long, String> outcomes(Iterable<Failure> failures) {
    Map<Long, String> byRecord = new TreeMap<>();
    for (Failure f : failures) {
      byRecord.put(
          f.source().offset(),
          f.violations().stream()
              .map(v -> v.ruleId() + ": " + v.reason())
              .collect(Collectors.joining(" | ")));
    }
    return byRecord;
  }
}
