package org.datamesh.core.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The key a row is deduplicated on, equal for equal values whatever their representation. */
final class RowKeys {

  private RowKeys() {}

  /** The value rows are deduplicated on; null when a key part is missing (never merged). */
  static @Nullable Object keyOf(Row row, int[] keyIndices) {
    if (keyIndices.length == 1) {
      Object value = row.getValue(keyIndices[0]);
      return value == null ? null : keyText(value);
    }
    List<String> parts = new ArrayList<>(keyIndices.length);
    for (int index : keyIndices) {
      Object value = row.getValue(index);
      if (value == null) {
        return null;
      }
      parts.add(keyText(value));
    }
    return parts;
  }

  /**
   * A key part as text equal for equal values: decimals without trailing zeros (1.0 and 1.00 are
   * one key), instants as their point in time whatever their zone, bytes by content.
   */
  static String keyText(Object value) {
    if (value instanceof java.math.BigDecimal decimal) {
      return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof org.joda.time.ReadableInstant instant) {
      return Long.toString(instant.getMillis());
    }
    if (value instanceof java.time.Instant instant) {
      return instant.getEpochSecond() + "." + instant.getNano();
    }
    if (value instanceof byte[] bytes) {
      return java.util.Base64.getEncoder().encodeToString(bytes);
    }
    return value.toString();
  }

  static int[] indicesOf(Schema schema, List<String> fields) {
    int[] indices = new int[fields.size()];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = schema.indexOf(fields.get(i));
    }
    return indices;
  }

}
