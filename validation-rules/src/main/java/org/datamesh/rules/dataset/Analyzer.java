package org.datamesh.rules.dataset;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.quality.FrequentValue;

/**
 * Computes metrics over rows, one row at a time, with a state that partial results merge into:
 * what a Beam combiner needs. Analyzers are values: two checks needing the same metric declare
 * equal analyzers, and {@link AnalyzeRows} runs each distinct analyzer once.
 *
 * <pre>{@code
 * Analyzer<long[]> nulls = ValueCount.nulls("email");
 * long[] state = nulls.add(nulls.create(), row);
 * nulls.metrics(state);  // {nullValues(email)=1.0}
 * }</pre>
 *
 * @param <S> the mutable state; {@link #add} and {@link #merge} may change and return it
 */
public interface Analyzer<S extends Serializable> extends Serializable {

  /** A fresh state, before any row. */
  S create();

  /** The state with {@code row} counted in. */
  S add(S state, Row row);

  /** Both states together. */
  S merge(S first, S second);

  /** The metrics by name; a metric without a value (the minimum of no values) is left out. */
  Map<String, Double> metrics(S state);

  /**
   * Values the analyzer reports beside its metrics: per column, its most common values ({@link
   * TopValues}); none by default.
   */
  default Map<String, List<FrequentValue>> topValues(S state) {
    return Map.of();
  }

  /** The columns the analyzer reads. */
  default List<String> columns() {
    return List.of();
  }

  /**
   * Throws {@link IllegalArgumentException}, when the pipeline is built, if a column it reads
   * has a type it cannot measure (the schema has every column {@link #columns} names).
   */
  default void checkTypes(Schema schema) {}
}
