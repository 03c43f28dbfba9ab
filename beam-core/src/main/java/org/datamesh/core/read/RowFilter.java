package org.datamesh.core.read;

import java.io.Serializable;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;

/**
 * Which rows a role reads. A contract's filters are CEL expressions ({@code
 * org.datamesh.rules.access}); Java code may give any predicate.
 *
 * <pre>{@code
 * RowFilter eu = RowFilter.of("region == EU", Set.of("region"), row -> "EU".equals(row.getString("region")));
 * }</pre>
 */
public interface RowFilter extends Serializable {

  /** The columns the filter reads: read from disk even when the role may not see them. */
  Set<String> columns();

  /**
   * The filter as a predicate over rows of {@code schema}, built once per worker; throws {@link
   * IllegalArgumentException} when it cannot apply to such rows.
   */
  Predicate<Row> compile(Schema schema);

  /** The filter as its author wrote it, for display data and messages. */
  String describe();

  /** A filter reading {@code columns}, keeping the rows {@code keep} says yes to. */
  static RowFilter of(
      String description, Set<String> columns, SerializableFunction<Row, Boolean> keep) {
    Set<String> read = Set.copyOf(columns);
    return new RowFilter() {
      @Override
      public Set<String> columns() {
        return read;
      }

      @Override
      public Predicate<Row> compile(Schema schema) {
        for (String column : read) {
          if (!schema.hasField(column)) {
            throw new IllegalArgumentException("the row filter reads " + column + ", which the table does not have");
          }
        }
        return row -> Boolean.TRUE.equals(keep.apply(row));
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }
}
