package org.datamesh.rules.dataset;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.rules.FieldPath;

/**
 * The values an analyzer measures: a top-level column's value, or every value at a nested path
 * ({@code customer.address.zip}, {@code lines[].quantity}; see {@link FieldPath#forEachValue}).
 * A name the rows have as a column is always that column, dots and all.
 */
final class ColumnValues {

  /** Parsed once per worker and path, not once per row. */
  private static final Map<String, FieldPath> PATHS = new ConcurrentHashMap<>();

  private ColumnValues() {}

  /** Gives {@code action} each value of {@code column} in {@code row}. */
  static void forEach(Row row, String column, Consumer<@Nullable Object> action) {
    Schema schema = row.getSchema();
    if (schema.hasField(column)) {
      action.accept(row.getValue(column));
    } else {
      path(column).forEachValue(row, action);
    }
  }

  /** Whether {@code column} is a column or a path in rows of {@code schema}. */
  static boolean exists(Schema schema, String column) {
    if (schema.hasField(column)) {
      return true;
    }
    try {
      path(column).typeIn(schema);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The type of {@code column}'s values (an array's items' type at a path through it). */
  static FieldType type(Schema schema, String column) {
    return schema.hasField(column)
        ? schema.getField(column).getType()
        : path(column).typeIn(schema);
  }

  private static FieldPath path(String column) {
    return PATHS.computeIfAbsent(column, FieldPath::parse);
  }
}
