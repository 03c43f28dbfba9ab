package org.datamesh.core;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a contract writes dates, times and timestamps as text: an optional {@link
 * DateTimeFormatter} pattern (ODCS {@code logicalTypeOptions.format}) and the zone of timestamps
 * written without an offset ({@code defaultTimezone}, UTC when absent).
 *
 * <pre>{@code
 * TemporalFormat format = TemporalFormat.of("dd/MM/yyyy HH:mm", "Europe/Paris");
 * format.instant("05/03/2024 10:15");            // 2024-03-05T09:15:00Z
 * format.instant("2024-03-05T10:15:00+01:00");   // ISO-8601 is read too
 * TemporalFormat.ISO.time("10:15:30.123456");    // 10:15:30.123456
 * }</pre>
 *
 * <p>A value is read in the declared pattern first, then in ISO-8601 (with {@code T} or a space
 * between date and time, with or without an offset), so exports that switch to ISO keep working.
 * Patterns resolve strictly: {@code 2026-02-30} is refused rather than moved to the 28th, as
 * Java's default would. A local time in a daylight-saving gap is refused; in an overlap the
 * earlier offset is taken. Times keep microseconds (the precision Parquet {@code TIME} and the
 * published files hold); finer digits are dropped.
 */
public final class TemporalFormat implements Serializable {

  /** ISO-8601 only, zone-less timestamps in UTC. */
  public static final TemporalFormat ISO = new TemporalFormat(null, "UTC");

  private static final DateTimeFormatter ISO_TIMESTAMP =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart().appendLiteral('T').optionalEnd()
          .optionalStart().appendLiteral(' ').optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart().appendOffsetId().optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT);

  /**
   * The field option (Beam {@link Schema.Options}) holding a field's pattern, so a schema carries
   * how its values are read; on an array field it applies to the array's innermost items.
   */
  public static final String PATTERN_OPTION = "datamesh.temporal.pattern";

  /** The field option holding the zone of a timestamp field's zone-less values. */
  public static final String ZONE_OPTION = "datamesh.temporal.zone";

  private static final ConcurrentHashMap<String, TemporalFormat> FROM_OPTIONS =
      new ConcurrentHashMap<>();

  private final @Nullable String pattern;
  private final String zone;
  private transient @Nullable DateTimeFormatter formatter;

  private TemporalFormat(@Nullable String pattern, String zone) {
    this.pattern = pattern;
    this.zone = zone;
  }

  /**
   * The format of {@code pattern} (null: ISO-8601 only) with zone-less timestamps in {@code zone}
   * (null: UTC). Throws {@link IllegalArgumentException} for a bad pattern or an unknown zone.
   */
  public static TemporalFormat of(@Nullable String pattern, @Nullable String zone) {
    TemporalFormat format = new TemporalFormat(pattern, zone == null ? "UTC" : zone);
    try {
      ZoneId.of(format.zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a time zone: " + e.getMessage(), e);
    }
    format.formatter();
    return format;
  }

  /**
   * The format {@code field}'s options declare (see {@link #asOptions}), or null when they
   * declare none: then values are read by the parsers' strict ISO-8601 rules.
   */
  public static @Nullable TemporalFormat ofField(Schema.Field field) {
    Schema.Options options = field.getOptions();
    if (!options.hasOptions() || !options.hasOption(ZONE_OPTION)) {
      return null;
    }
    String pattern = options.hasOption(PATTERN_OPTION) ? options.getValue(PATTERN_OPTION) : null;
    String zone = options.getValue(ZONE_OPTION);
    // Read once per distinct format: this runs for every value of such a field.
    return FROM_OPTIONS.computeIfAbsent(
        (pattern == null ? "" : "p" + pattern) + "\u0000" + zone, k -> of(pattern, zone));
  }

  /** Field options declaring this format, for {@link #ofField}. */
  public Schema.Options asOptions() {
    Schema.Options.Builder options = Schema.Options.builder();
    if (pattern != null) {
      options.setOption(PATTERN_OPTION, Schema.FieldType.STRING, pattern);
    }
    return options.setOption(ZONE_OPTION, Schema.FieldType.STRING, zone).build();
  }

  public @Nullable String pattern() {
    return pattern;
  }

  public String zone() {
    return zone;
  }

  /** The forms accepted, for reasons: {@code "dd/MM/yyyy or ISO-8601"}. */
  public String describe() {
    return pattern == null ? "ISO-8601" : pattern + " or ISO-8601";
  }

  /** The date {@code text} writes; throws {@link DateTimeException} when it is not one. */
  public LocalDate date(String text) {
    TemporalAccessor parsed = parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    return LocalDate.from(parsed);
  }

  /** The time of day {@code text} writes, to the microsecond. */
  public LocalTime time(String text) {
    TemporalAccessor parsed = parse(text, DateTimeFormatter.ISO_LOCAL_TIME);
    return LocalTime.from(parsed).truncatedTo(ChronoUnit.MICROS);
  }

  /** The instant {@code text} writes: at its offset, else in this format's zone. */
  public Instant instant(String text) {
    TemporalAccessor parsed = parse(text, ISO_TIMESTAMP);
    ZoneId offset = parsed.query(TemporalQueries.zone());
    ZoneId in = offset != null ? offset : ZoneId.of(zone);
    LocalDateTime local =
        parsed.isSupported(ChronoField.HOUR_OF_DAY)
            ? LocalDateTime.from(parsed)
            : LocalDate.from(parsed).atStartOfDay();
    ZonedDateTime zoned = local.atZone(in);
    if (!zoned.toLocalDateTime().equals(local)) {
      throw new DateTimeException(
          "a local time that does not exist in " + in + " (clocks moved forward over it)");
    }
    return zoned.toInstant();
  }

  private TemporalAccessor parse(String text, DateTimeFormatter iso) {
    if (pattern != null) {
      try {
        return formatter().parse(text);
      } catch (DateTimeException e) {
        // not in the declared pattern; ISO-8601 is accepted too
      }
    }
    return iso.withResolverStyle(ResolverStyle.STRICT).parse(text);
  }

  private DateTimeFormatter formatter() {
    if (formatter == null && pattern != null) {
      // STRICT refuses 30 February; with it, "yyyy" (year of era) needs an era, defaulted to AD.
      formatter =
          new DateTimeFormatterBuilder()
              .appendPattern(pattern)
              .parseDefaulting(ChronoField.ERA, 1)
              .toFormatter()
              .withResolverStyle(ResolverStyle.STRICT);
    }
    return formatter;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof TemporalFormat that
        && java.util.Objects.equals(pattern, that.pattern)
        && zone.equals(that.zone);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(pattern, zone);
  }

  @Override
  public String toString() {
    return describe() + (zone.equals("UTC") ? "" : ", zone-less in " + zone);
  }
}
