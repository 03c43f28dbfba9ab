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

  /** An instant in UTC, millisecond precision. */
  public static FieldType timestamp() {
    return FieldType.DATETIME;
  }

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
