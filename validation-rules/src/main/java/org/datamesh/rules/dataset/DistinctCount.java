package org.datamesh.rules.dataset;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/**
 * Estimates the distinct non-null values of a column with a {@link HyperLogLog} sketch: the
 * metric {@code approxDistinct(<column>)}, within about 1.6%, in 4 KiB per column whatever the
 * row count. Values are compared by their text.
 */
record DistinctCount(String column) implements Analyzer<HyperLogLog> {

  String metric() {
    return "approxDistinct(" + column + ")";
  }

  @Override
  public HyperLogLog create() {
    return new HyperLogLog();
  }

  @Override
  public HyperLogLog add(HyperLogLog state, Row row) {
    ColumnValues.forEach(
        row,
        column,
        value -> {
          if (value != null) {
            state.add(value);
          }
        });
    return state;
  }

  @Override
  public HyperLogLog merge(HyperLogLog first, HyperLogLog second) {
    return first.merge(second);
  }

  @Override
  public List<String> columns() {
    return List.of(column);
  }

  @Override
  public Map<String, Double> metrics(HyperLogLog state) {
    return Map.of(metric(), (double) state.estimate());
  }
}
