package org.datamesh.core.relate;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.protect.ProtectedText;

/**
 * A row's key for a relationship: the canonical text of each column's value, the text protection
 * tokenizes, so equal values compare equal whatever their type on either side, and tokens made
 * with the same keys compare as their clear values would.
 */
final class RelationshipKeys {

  private RelationshipKeys() {}

  /** The key of {@code row} in {@code columns}; null when one of them is null (not checked). */
  static @Nullable List<String> of(Row row, List<String> columns) {
    List<String> key = new ArrayList<>(columns.size());
    for (String column : columns) {
      Object value = row.getValue(column);
      if (value == null) {
        return null;
      }
      key.add(ProtectedText.canonical(value));
    }
    return key;
  }
}
