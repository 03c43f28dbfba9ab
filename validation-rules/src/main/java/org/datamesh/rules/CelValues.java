package org.datamesh.rules;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;
import dev.cel.common.types.CelType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.SimpleType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

/**
 * How a record's Beam values appear in a CEL expression. Each column is a variable of its name:
 *
 * <table>
 *   <tr><th>Beam</th><th>CEL</th></tr>
 *   <tr><td>BYTE, INT16, INT32, INT64</td><td>{@code int}</td></tr>
 *   <tr><td>FLOAT, DOUBLE, DECIMAL (any precision)</td><td>{@code double}</td></tr>
 *   <tr><td>STRING (and other logical types, as text)</td><td>{@code string}</td></tr>
 *   <tr><td>BOOLEAN</td><td>{@code bool}</td></tr>
 *   <tr><td>BYTES</td><td>{@code bytes}</td></tr>
 *   <tr><td>timestamp (microseconds, or Beam's DATETIME)</td><td>{@code timestamp}</td></tr>
 *   <tr><td>date</td><td>{@code timestamp}, the start of the day in UTC</td></tr>
 *   <tr><td>time of day</td><td>{@code duration} since midnight</td></tr>
 *   <tr><td>ROW (object)</td><td>{@code map(string, dyn)}, reached as {@code customer.zip}</td></tr>
 *   <tr><td>ARRAY, ITERABLE</td><td>{@code list}</td></tr>
 * </table>
 *
 * <p>A missing value is CEL {@code null}; scalar columns are declared nullable, so {@code
 * ship_date != null} type-checks, and an expression that uses a null value where a value is
 * needed cannot be evaluated (a violation, see {@link CelExpression}). Decimals are doubles so
 * that {@code amount > 0} and {@code amount >= 0.5 * total} read as written; a double has 15 to
 * 17 significant digits, enough for comparisons of amounts up to 10^15 at cent precision.
 */
final class CelValues {

  private CelValues() {}

  /** The CEL type a column of {@code type} is declared as. */
  static CelType declaredType(FieldType type) {
    CelType scalar = scalarType(type);
    return scalar == null ? SimpleType.DYN : NullableType.create(scalar);
  }

  private static @Nullable CelType scalarType(FieldType type) {
    if (DataTypes.isFixedDecimal(type)) {
      return SimpleType.DOUBLE;
    }
    if (DataTypes.isDate(type) || DataTypes.isTimestamp(type)) {
      return SimpleType.TIMESTAMP;
    }
    if (DataTypes.isTime(type)) {
      return SimpleType.DURATION;
    }
    switch (type.getTypeName()) {
      case BYTE:
      case INT16:
      case INT32:
      case INT64:
        return SimpleType.INT;
      case FLOAT:
      case DOUBLE:
      case DECIMAL:
        return SimpleType.DOUBLE;
      case STRING:
        return SimpleType.STRING;
      case BOOLEAN:
        return SimpleType.BOOL;
      case BYTES:
        return SimpleType.BYTES;
      case ROW:
      case ARRAY:
      case ITERABLE:
      case MAP:
        return null; // dyn: a nested value may be null, and its shape is read at run time
      default:
        return SimpleType.STRING;
    }
  }

  /** {@code value}, of a column of {@code type}, as CEL sees it. */
  static Object celValue(FieldType type, @Nullable Object value) {
    if (value == null) {
      return NullValue.NULL_VALUE;
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double) {
      return value;
    }
    if (value instanceof Float || value instanceof BigDecimal) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof org.joda.time.ReadableInstant || value instanceof java.time.Instant) {
      java.time.Instant instant = DataTypes.instant(value);
      return Timestamp.newBuilder()
          .setSeconds(instant.getEpochSecond())
          .setNanos(instant.getNano())
          .build();
    }
    if (value instanceof LocalDate date) {
      return Timestamp.newBuilder().setSeconds(date.toEpochDay() * 86_400L).build();
    }
    if (value instanceof LocalTime time) {
      long nanos = time.toNanoOfDay();
      return Duration.newBuilder()
          .setSeconds(nanos / 1_000_000_000L)
          .setNanos((int) (nanos % 1_000_000_000L))
          .build();
    }
    if (value instanceof byte[] bytes) {
      return ByteString.copyFrom(bytes);
    }
    if (value instanceof Row row) {
      Map<String, Object> map = new HashMap<>();
      Schema schema = row.getSchema();
      for (int i = 0; i < schema.getFieldCount(); i++) {
        map.put(schema.getField(i).getName(), celValue(schema.getField(i).getType(), row.getValue(i)));
      }
      return map;
    }
    if (value instanceof Map<?, ?> entries) {
      Map<Object, Object> map = new HashMap<>();
      FieldType keys = type.getMapKeyType();
      FieldType values = type.getMapValueType();
      entries.forEach((k, v) -> map.put(celValue(keys, k), celValue(values, v)));
      return map;
    }
    if (value instanceof Iterable<?> items) {
      FieldType element = type.getCollectionElementType();
      List<Object> list = new ArrayList<>();
      for (Object item : items) {
        list.add(celValue(element, item));
      }
      return list;
    }
    return value.toString();
  }
}
