package org.datamesh.core;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The years a published date or timestamp may fall in: 0001 to 9999, as in SQL's DATE and
 * TIMESTAMP and in ISO-8601 without the expanded form.
 *
 * <pre>{@code
 * if (!SupportedYears.contains(day)) {
 *   throw new FieldValueException("parse.date", "day", "day is outside " + SupportedYears.TEXT);
 * }
 * }</pre>
 *
 * <p>Why a limit at all: Java reads years up to 999,999,999 and before year 1, but many readers of
 * the published Parquet do not (Python's {@code datetime} stops at 1 and 9999, Spark and Hive
 * write 4-digit years), and Beam's timestamps are milliseconds in a {@code long}, which a year in
 * the hundreds of millions overflows. A year outside this range in an export is a typo or a
 * sentinel ("infinity"), so the record is quarantined rather than published as something some
 * consumers cannot read.
 */
public final class SupportedYears {

  /** How reasons name the range. */
  public static final String TEXT = "the years 0001 to 9999";

  private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
  private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

  private SupportedYears() {}

  /** Whether {@code day} falls in the years 0001 to 9999. */
  public static boolean contains(LocalDate day) {
    return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
  }

  /** Whether {@code instant} falls in the years 0001 to 9999 in UTC. */
  public static boolean contains(Instant instant) {
    return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END);
  }
}
