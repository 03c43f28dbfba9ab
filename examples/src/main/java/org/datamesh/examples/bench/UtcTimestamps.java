package org.datamesh.examples.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Text timestamps to UTC milliseconds, accepting what the library's {@code TimestampToUtc} accepts
 * (its Javadoc is the spec): ISO-8601 with an offset or zone, or without one (read as UTC), with
 * {@code T} or a space between date and time; then a bare date, at the start of the day.
 *
 * <pre>{@code
 * UtcTimestamps.parse("2024-03-05 10:15:30");  // 1709633730000L
 * UtcTimestamps.parse("31/31/2024");           // null
 * }</pre>
 */
final class UtcTimestamps {

  private static final DateTimeFormatter WITH_ZONE =
      DateTimeFormatter.ISO_DATE_TIME.withZone(ZoneOffset.UTC);

  /** A date, an optional {@code T}, an optional space, a time. */
  private static final DateTimeFormatter WITHOUT_ZONE =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .toFormatter();

  private UtcTimestamps() {}

  /** The instant in milliseconds, or null when the text is in none of the accepted forms. */
  static Long parse(String text) {
    String trimmed = text.trim();
    try {
      return ZonedDateTime.parse(trimmed, WITH_ZONE).toInstant().toEpochMilli();
    } catch (DateTimeParseException notZoned) {
      // the forms are tried in the library's order, so the same text gives the same instant
    }
    try {
      return LocalDateTime.parse(trimmed, WITHOUT_ZONE).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException notLocal) {
      // next form
    }
    try {
      return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }
}
