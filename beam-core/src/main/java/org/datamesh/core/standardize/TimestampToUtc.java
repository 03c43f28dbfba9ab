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
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;
import org.datamesh.core.SupportedYears;
import org.datamesh.core.TemporalFormat;

/**
 * Text timestamps in the forms found in exports, turned into UTC instants (ISO-8601 when printed).
 *
 * <p>Accepted, in this order: ISO-8601 with an offset or zone ({@code 2024-03-05T10:15:30+01:00},
 * {@code 2024-03-05T09:15:30Z}, {@code 2024-03-05T10:15:30+01:00[Europe/Paris]}); ISO-8601
 * without one, with {@code T} or a space ({@code 2024-03-05 10:15:30}), and a bare date
 * ({@code 2024-03-05}, start of day), both read in the default zone (UTC unless {@link
 * #inZone}); then any extra patterns given with {@link #withPatterns}, also in the default zone.
 *
 * <p>A local time in a daylight-saving gap ({@code 2026-03-29 02:30} in Europe/Paris) is refused,
 * not moved an hour on; one in an overlap takes the earlier offset. An instant outside {@link
 * SupportedYears} is refused.
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
          .toFormatter()
          // strictly: the default (smart) resolver reads 2024-02-30 as 29 February
          .withResolverStyle(ResolverStyle.STRICT);

  private final String field;
  private final String zone;
  private final List<String> patterns;
  private transient @Nullable List<TemporalFormat> formats;

  private TimestampToUtc(String field, String zone, List<String> patterns) {
    this.field = field;
    this.zone = zone;
    this.patterns = List.copyOf(patterns);
    ZoneId.of(zone);
    patterns.forEach(p -> TemporalFormat.of(p, zone));
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
    return DataTypes.timestamp().withNullable(inputType.getNullable());
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row)
      throws StandardizationException {
    if (value == null) {
      return null;
    }
    if (value instanceof org.joda.time.ReadableInstant || value instanceof Instant) {
      return DataTypes.instant(value).truncatedTo(ChronoUnit.MICROS);
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
    if (!SupportedYears.contains(instant)) {
      throw new StandardizationException(
          "standardize.timestamp", field, field + " is outside " + SupportedYears.TEXT + " (in UTC)");
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  private @Nullable Instant parse(String text) throws StandardizationException {
    ZoneId zoneId = ZoneId.of(zone);
    IsoTimestampText.Parsed common = IsoTimestampText.parse(text);
    if (common != null) {
      return common.offset() != null
          ? common.local().toInstant(common.offset())
          : existing(common.local(), zoneId);
    }
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.withZone(zoneId).parse(text);
      ZonedDateTime zoned = ZonedDateTime.from(parsed);
      return parsed.query(TemporalQueries.offset()) != null
          ? zoned.toInstant()
          : existing(LocalDateTime.from(parsed), zoned.getZone());
    } catch (DateTimeException e) {
      // not ISO with an offset or zone; try the next form
    }
    try {
      return existing(LocalDateTime.parse(text, LOCAL_DATE_TIME), zoneId);
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return LocalDate.parse(text).atStartOfDay(zoneId).toInstant();
    } catch (DateTimeParseException e) {
      // next form
    }
    for (TemporalFormat format : formats()) {
      try {
        return format.instant(text);
      } catch (DateTimeException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("a local time")) {
          throw gap();
        }
        // next pattern
      }
    }
    return null;
  }

  /**
   * The instant {@code local} names in {@code zone}. Java moves a time in a daylight-saving gap
   * forward by the gap's length; a clock never showed it, so it is refused instead. In an overlap
   * (the hour that happens twice), the earlier offset is taken, as Java does.
   */
  private Instant existing(LocalDateTime local, ZoneId zone) throws StandardizationException {
    ZonedDateTime zoned = local.atZone(zone);
    if (!zoned.toLocalDateTime().equals(local)) {
      throw gap();
    }
    return zoned.toInstant();
  }

  private StandardizationException gap() {
    return new StandardizationException(
        "standardize.timestamp",
        field,
        field + " is a local time that does not exist in its time zone (clocks moved forward"
            + " over it)");
  }

  /** The patterns, read strictly and honouring an offset they hold ({@code Z}, {@code XXX}). */
  private List<TemporalFormat> formats() {
    if (formats == null) {
      formats = patterns.stream().map(p -> TemporalFormat.of(p, zone)).toList();
    }
    return formats;
  }

  @Override
  public String describe() {
    return field + ": timestamp to UTC (zone-less values in " + zone + ")";
  }
}
