package org.datamesh.core.standardize;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Text timestamps in the forms found in exports, turned into UTC instants (ISO-8601 when printed).
 *
 * <p>Accepted, in this order: ISO-8601 with an offset or zone ({@code 2024-03-05T10:15:30+01:00},
 * {@code 2024-03-05T09:15:30Z}, {@code 2024-03-05T10:15:30+01:00[Europe/Paris]}); ISO-8601
 * without one, with {@code T} or a space ({@code 2024-03-05 10:15:30}), and a bare date
 * ({@code 2024-03-05}, start of day), both read in the default zone (UTC unless {@link
 * #inZone}); then any extra patterns given with {@link #withPatterns}, also in the default zone.
 */
public final class TimestampToUtc implements FieldStandardizer {

  private static final DateTimeFormatter LOCAL_DATE_TIME =
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

  private final String field;
  private final String zone;
  private final List<String> patterns;
  private transient @Nullable List<DateTimeFormatter> formatters;

  private TimestampToUtc(String field, String zone, List<String> patterns) {
    this.field = field;
    this.zone = zone;
    this.patterns = List.copyOf(patterns);
    ZoneId.of(zone);
    patterns.forEach(DateTimeFormatter::ofPattern);
  }

  static TimestampToUtc of(String field) {
    return new TimestampToUtc(field, "UTC", List.of());
  }

  /** Returns a standardizer like this one but reading timestamps without a zone in {@code zone}. */
  public TimestampToUtc inZone(String zone) {
    return new TimestampToUtc(field, zone, patterns);
  }

  /**
   * Returns a standardizer like this one but also accepting {@link DateTimeFormatter} patterns
   * such as {@code dd/MM/yyyy HH:mm}, tried in order after the ISO forms.
   */
  public TimestampToUtc withPatterns(String... patterns) {
    List<String> all = new ArrayList<>(this.patterns);
    all.addAll(List.of(patterns));
    return new TimestampToUtc(field, zone, all);
  }

  @Override
  public String field() {
    return field;
  }

  @Override
  public FieldType outputType(FieldType inputType) {
    return FieldType.DATETIME.withNullable(inputType.getNullable());
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row)
      throws StandardizationException {
    if (value == null) {
      return null;
    }
    if (value instanceof org.joda.time.ReadableInstant) {
      return value;
    }
    String text = value.toString().trim();
    Instant instant = parse(text);
    if (instant == null) {
      throw new StandardizationException(
          "standardize.timestamp",
          field,
          field + " is not a timestamp in a known format (ISO-8601"
              + (patterns.isEmpty() ? "" : " or " + String.join(", ", patterns))
              + ")");
    }
    return new org.joda.time.Instant(instant.toEpochMilli());
  }

  private @Nullable Instant parse(String text) {
    ZoneId zoneId = ZoneId.of(zone);
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME.withZone(zoneId)).toInstant();
    } catch (DateTimeParseException e) {
      // not ISO with an offset or zone; try the next form
    }
    try {
      return LocalDateTime.parse(text, LOCAL_DATE_TIME).atZone(zoneId).toInstant();
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return LocalDate.parse(text).atStartOfDay(zoneId).toInstant();
    } catch (DateTimeParseException e) {
      // next form
    }
    for (DateTimeFormatter formatter : formatters()) {
      try {
        return LocalDateTime.parse(text, formatter).atZone(zoneId).toInstant();
      } catch (DateTimeException e) {
        // next pattern
      }
    }
    return null;
  }

  private List<DateTimeFormatter> formatters() {
    if (formatters == null) {
      formatters = patterns.stream().map(DateTimeFormatter::ofPattern).toList();
    }
    return formatters;
  }

  @Override
  public String describe() {
    return field + ": timestamp to UTC (zone-less values in " + zone + ")";
  }
}
