package org.datamesh.core.parse;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.SupportedYears;
import org.datamesh.core.TemporalFormat;

/**
 * Dates ({@code 2024-03-05}) and timestamps with an offset ({@code 2024-03-05T10:15:30+01:00}) of
 * a field's text, in ISO-8601 form, within {@link SupportedYears}.
 *
 * <p>The reason says which part is wrong, never the value: the form, a day or time that does not
 * exist on the calendar ({@code 2026-02-30}, {@code 2026-13-01}, hour 24), a leap second ({@code
 * 23:59:60}, which neither Java nor Beam time can hold), a missing offset, a zone region instead
 * of an offset, or a year out of range. Only offsets are read, so a local time in a daylight-saving
 * gap cannot occur here: {@code 2026-03-29T02:30:00+01:00} is one instant even though clocks in
 * Paris skipped that hour. A timestamp keeps microseconds, as Parquet and DuckDB do: finer digits
 * (nanoseconds) are dropped (rounded towards the past).
 */
final class TimeValues {

  private TimeValues() {}

  /** The date in {@code text}. */
  static LocalDate date(String name, String text) throws FieldValueException {
    LocalDate day;
    try {
      day = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      if (readsAs(DateTimeFormatter.ISO_LOCAL_DATE, text) != null) {
        throw new FieldValueException(
            "parse.date", name, name + " is not a calendar day (month 01-12, day within the month)");
      }
      throw new FieldValueException(
          "parse.date", name, name + " is not a date in ISO-8601 form (yyyy-MM-dd)");
    }
    if (!SupportedYears.contains(day)) {
      throw new FieldValueException(
          "parse.date", name, name + " is outside " + SupportedYears.TEXT);
    }
    return day;
  }

  /** The instant in {@code text}, as Beam holds it. */
  static java.time.Instant timestamp(String name, String text) throws FieldValueException {
    java.time.Instant instant;
    try {
      instant = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new FieldValueException("parse.timestamp", name, name + whyNotATimestamp(text));
    }
    if (!SupportedYears.contains(instant)) {
      throw new FieldValueException(
          "parse.timestamp", name, name + " is outside " + SupportedYears.TEXT + " (in UTC)");
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** The date in {@code text}, written in {@code format} (or ISO-8601). */
  static LocalDate date(String name, String text, TemporalFormat format)
      throws FieldValueException {
    LocalDate day;
    try {
      day = format.date(text);
    } catch (DateTimeException e) {
      throw new FieldValueException(
          "parse.date", name, name + " is not a date in " + format.describe());
    }
    if (!SupportedYears.contains(day)) {
      throw new FieldValueException(
          "parse.date", name, name + " is outside " + SupportedYears.TEXT);
    }
    return day;
  }

  /** The time of day in {@code text}, to the microsecond. */
  static LocalTime time(String name, String text, TemporalFormat format)
      throws FieldValueException {
    try {
      return format.time(text);
    } catch (DateTimeException e) {
      throw new FieldValueException(
          "parse.time",
          name,
          name + " is not a time of day in "
              + (format.pattern() == null ? "ISO-8601 form (HH:mm:ss[.ffffff])" : format.describe()));
    }
  }

  /** The instant in {@code text}, in {@code format} or ISO-8601, zone-less in its zone. */
  static java.time.Instant timestamp(String name, String text, TemporalFormat format)
      throws FieldValueException {
    java.time.Instant instant;
    try {
      instant = format.instant(text);
    } catch (DateTimeException e) {
      String gap = e.getMessage() != null && e.getMessage().startsWith("a local time") ? e.getMessage() : null;
      throw new FieldValueException(
          "parse.timestamp",
          name,
          name + (gap != null ? " is " + gap : " is not a timestamp in " + format.describe()));
    }
    if (!SupportedYears.contains(instant)) {
      throw new FieldValueException(
          "parse.timestamp", name, name + " is outside " + SupportedYears.TEXT + " (in UTC)");
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  private static String whyNotATimestamp(String text) {
    TemporalAccessor fields = readsAs(DateTimeFormatter.ISO_OFFSET_DATE_TIME, text);
    if (fields != null) {
      return fields.isSupported(ChronoField.SECOND_OF_MINUTE)
              && fields.getLong(ChronoField.SECOND_OF_MINUTE) == 60
          ? " is a leap second (second 60), which a timestamp cannot hold"
          : " is not a calendar date and time (month 01-12, day within the month, hour 00-23,"
              + " minute and second 00-59)";
    }
    int bracket = text.indexOf('[');
    String beforeZone = bracket < 0 || !text.endsWith("]") ? "" : text.substring(0, bracket);
    if (readsAs(DateTimeFormatter.ISO_OFFSET_DATE_TIME, beforeZone) != null
        || readsAs(DateTimeFormatter.ISO_LOCAL_DATE_TIME, beforeZone) != null) {
      return " names a zone region; give its offset instead (2024-03-05T10:15:30+01:00)";
    }
    if (readsAs(DateTimeFormatter.ISO_LOCAL_DATE_TIME, text) != null) {
      return " has no zone offset; add Z or one such as +01:00 (2024-03-05T10:15:30Z)";
    }
    return " is not an ISO-8601 timestamp with a zone offset (2024-03-05T10:15:30Z)";
  }

  /** The fields of {@code text} in {@code format}, unchecked; null when its form is not that. */
  private static @Nullable TemporalAccessor readsAs(DateTimeFormatter format, String text) {
    ParsePosition position = new ParsePosition(0);
    TemporalAccessor fields = format.parseUnresolved(text, position);
    return fields != null && position.getErrorIndex() < 0 && position.getIndex() == text.length()
        ? fields
        : null;
  }
}
