package org.datamesh.core.publish;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

/**
 * The Hive-style folder of a row: one {@code key=value} segment per partition key, in order.
 *
 * <pre>{@code
 * HivePartitions.of(schema, List.of("country", "day")).folderOf(row);
 * // "country=DE/day=2024-03-05"
 * HivePartitions.escape("a/b: c");    // "a%2Fb%3A c"
 * HivePartitions.escape(null);        // "__HIVE_DEFAULT_PARTITION__"
 * }</pre>
 *
 * <p>Values are escaped the way Hive escapes them ({@code %XX} for '/', '\', '=', ':', '%', control
 * characters and a few others), so a value can never add a folder level or leave the run's folder:
 * each segment starts with {@code key=}, so it is never {@code .} or {@code ..} either. Readers that
 * know Hive partitioning (DuckDB, Spark, Arrow) decode the escapes. A null or empty value goes to
 * Hive's default partition, as Hive and Spark write it.
 */
final class HivePartitions implements Serializable {

  /** The folder value Hive, Spark and Arrow use for a null partition value. */
  static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private final List<String> keys;

  private HivePartitions(List<String> keys) {
    this.keys = List.copyOf(keys);
  }

  /**
   * Partitions of rows of {@code schema} by {@code keys}; fails when a key is missing, repeated or
   * of a type without an exact text form (floating point, rows, arrays, bytes).
   */
  static HivePartitions of(Schema schema, List<String> keys) {
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (!schema.hasField(key)) {
        throw new IllegalArgumentException(
            "partition key " + key + " is not a published field (fields: " + schema.getFieldNames()
                + ")");
      }
      if (keys.subList(0, i).contains(key)) {
        throw new IllegalArgumentException("partition key " + key + " is named twice");
      }
      if (!partitionable(schema.getField(key).getType())) {
        throw new IllegalArgumentException(
            "partition key " + key + " has type " + schema.getField(key).getType()
                + "; partition by text, integers, booleans, decimals, dates or timestamps");
      }
    }
    return new HivePartitions(keys);
  }

  boolean isEmpty() {
    return keys.isEmpty();
  }

  /** The row's folder relative to the run's folder, without a trailing '/'; "" when unpartitioned. */
  String folderOf(Row row) {
    StringBuilder folder = new StringBuilder();
    for (String key : keys) {
      if (folder.length() > 0) {
        folder.append('/');
      }
      folder.append(escape(key)).append('=').append(escape(text(row.getValue(key))));
    }
    return folder.toString();
  }

  /** A value's folder form: Hive's escapes, or the default partition for null and "". */
  static String escape(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_PARTITION;
    }
    StringBuilder escaped = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (needsEscape(c)) {
        escaped.append('%').append(String.format("%02X", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }

  // Hive's own list (FileUtils.escapePathName), which its readers and Spark's decode.
  private static boolean needsEscape(char c) {
    return c < ' ' || c == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0;
  }

  private static @Nullable String text(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      // 1E+3 would read back as a different text than the column holds
      return decimal.toPlainString();
    }
    if (value instanceof org.joda.time.ReadableInstant instant) {
      return new org.joda.time.Instant(instant.getMillis()).toString();
    }
    if (value instanceof java.time.Instant instant) {
      return DataTypes.instantText(instant);
    }
    return value.toString();
  }

  private static boolean partitionable(FieldType type) {
    if (DataTypes.isFixedDecimal(type) || DataTypes.isDate(type) || DataTypes.isTimestamp(type)) {
      return true;
    }
    switch (type.getTypeName()) {
      case STRING:
      case BYTE:
      case INT16:
      case INT32:
      case INT64:
      case BOOLEAN:
      case DATETIME:
        return true;
      default:
        return false;
    }
  }
}
