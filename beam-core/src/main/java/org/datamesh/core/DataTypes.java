package org.datamesh.core;

import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.schemas.logicaltypes.FixedPrecisionNumeric;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.values.Row;

/**
 * The field types a data product's schema uses, by the names consumers know them: a decimal with
 * a precision and scale, a calendar date, a time of day, a UTC timestamp.
 *
 * <pre>{@code
 * Schema orders = Schema.builder()
 *     .addStringField("order_id")
 *     .addField("amount", DataTypes.decimal(18, 4))
 *     .addField("order_ts", DataTypes.timestamp())
 *     .build();
 * }</pre>
 */
public final class DataTypes {

  private DataTypes() {}

  /** A decimal with at most {@code precision} digits, {@code scale} of them after the point. */
  public static FieldType decimal(int precision, int scale) {
    return FieldType.logicalType(FixedPrecisionNumeric.of(precision, scale));
  }

  /** A calendar date without time or zone ({@link java.time.LocalDate}). */
  public static FieldType date() {
    return FieldType.logicalType(SqlTypes.DATE);
  }

  /**
   * An instant in UTC to the microsecond ({@link java.time.Instant}, Beam {@code
   * SqlTypes.TIMESTAMP}), the precision Parquet and DuckDB keep. Published as Parquet {@code
   * TIMESTAMP(MICROS)} adjusted to UTC. Beam's own {@link FieldType#DATETIME} (milliseconds) is
   * accepted everywhere a timestamp is; {@link #isTimestamp} and {@link #instant} read both.
   */
  public static FieldType timestamp() {
    return MICROS_INSTANT;
  }

  private static final FieldType MICROS_INSTANT = FieldType.logicalType(SqlTypes.TIMESTAMP);

  /**
   * A time of day without date or zone ({@link java.time.LocalTime}, Beam {@code SqlTypes.TIME}).
   * Published as Parquet {@code TIME} in microseconds, so values are read to the microsecond.
   */
  public static FieldType time() {
    return FieldType.logicalType(SqlTypes.TIME);
  }

  /** Whether {@code type} is a decimal with a declared precision and scale. */
  public static boolean isFixedDecimal(FieldType type) {
    return type.getTypeName() == TypeName.LOGICAL_TYPE
        && FixedPrecisionNumeric.IDENTIFIER.equals(type.getLogicalType().getIdentifier());
  }

  /** Whether {@code type} is a calendar date. */
  public static boolean isDate(FieldType type) {
    return type.getTypeName() == TypeName.LOGICAL_TYPE
        && SqlTypes.DATE.getIdentifier().equals(type.getLogicalType().getIdentifier());
  }

  /** Whether {@code type} is a microsecond {@link #timestamp} (not Beam's millisecond DATETIME). */
  public static boolean isMicrosTimestamp(FieldType type) {
    return type.getTypeName() == TypeName.LOGICAL_TYPE
        && SqlTypes.TIMESTAMP.getIdentifier().equals(type.getLogicalType().getIdentifier());
  }

  /** Whether {@code type} is an instant: a {@link #timestamp} or Beam's DATETIME. */
  public static boolean isTimestamp(FieldType type) {
    return type.getTypeName() == TypeName.DATETIME || isMicrosTimestamp(type);
  }

  /**
   * The instant a timestamp field holds, whichever of the two forms {@link #isTimestamp} accepts
   * it comes in ({@link java.time.Instant} or Joda's {@code ReadableInstant}).
   */
  public static java.time.Instant instant(Object value) {
    if (value instanceof java.time.Instant instant) {
      return instant;
    }
    return java.time.Instant.ofEpochMilli(((org.joda.time.ReadableInstant) value).getMillis());
  }

  /** Microseconds since the epoch of a timestamp value, in either form {@link #instant} reads. */
  public static long epochMicros(Object value) {
    java.time.Instant instant = instant(value);
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  /** The {@link #timestamp} value {@code micros} microseconds after the epoch. */
  public static java.time.Instant ofEpochMicros(long micros) {
    return java.time.Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /**
   * The text of an instant as the library writes it wherever a value becomes text (partition
   * folders, protected values, quarantined payloads): UTC, always three fraction digits, six when
   * it has microseconds, so a millisecond value reads as it did when timestamps were Joda's.
   */
  public static String instantText(java.time.Instant instant) {
    return (instant.getNano() % 1_000_000 == 0 ? MILLIS_TEXT : MICROS_TEXT).format(instant);
  }

  private static final java.time.format.DateTimeFormatter MILLIS_TEXT =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);
  private static final java.time.format.DateTimeFormatter MICROS_TEXT =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  /** Whether {@code type} is a time of day. */
  public static boolean isTime(FieldType type) {
    return type.getTypeName() == TypeName.LOGICAL_TYPE
        && SqlTypes.TIME.getIdentifier().equals(type.getLogicalType().getIdentifier());
  }

  /** The precision of a {@link #decimal} type. */
  public static int precision(FieldType fixedDecimal) {
    return argument(fixedDecimal).getInt32("precision");
  }

  /** The scale of a {@link #decimal} type. */
  public static int scale(FieldType fixedDecimal) {
    return argument(fixedDecimal).getInt32("scale");
  }

  private static Row argument(FieldType fixedDecimal) {
    if (!isFixedDecimal(fixedDecimal)) {
      throw new IllegalArgumentException(fixedDecimal + " is not a fixed-precision decimal");
    }
    return (Row) fixedDecimal.getLogicalType().getArgument();
  }
}
