package org.datamesh.rules.dataset;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.protect.ProtectedText;
import org.datamesh.core.quality.FrequentValue;

/**
 * The most common non-null values of a column ({@link FrequentItems}): reported as the table's
 * top {@code k} values, and the metric {@code mostCommon(<column>)}, the rows holding the most
 * common value. Values are compared by their text; the rows are the published ones, so a
 * protected column is measured on its tokens or masks.
 */
record TopValues(String column, int k) implements Analyzer<FrequentItems> {

  /** How many values a report lists unless a check asks for more. */
  static final int REPORTED = 10;

  TopValues {
    if (k < 1 || k > FrequentItems.MAX_VALUES / 4) {
      throw new IllegalArgumentException(
          "top values are 1 to " + FrequentItems.MAX_VALUES / 4 + " values, not " + k);
    }
  }

  static String mostCommonMetric(String column) {
    return "mostCommon(" + column + ")";
  }

  @Override
  public FrequentItems create() {
    return new FrequentItems();
  }

  @Override
  public FrequentItems add(FrequentItems state, Row row) {
    ColumnValues.forEach(
        row,
        column,
        value -> {
          if (value != null) {
            state.add(ProtectedText.canonical(value));
          }
        });
    return state;
  }

  @Override
  public FrequentItems merge(FrequentItems first, FrequentItems second) {
    return first.merge(second);
  }

  @Override
  public Map<String, Double> metrics(FrequentItems state) {
    List<FrequentValue> top = state.top(1);
    // a column without values has no common value: 0 rows hold it
    return Map.of(mostCommonMetric(column), top.isEmpty() ? 0.0 : (double) top.get(0).count());
  }

  @Override
  public Map<String, List<FrequentValue>> topValues(FrequentItems state) {
    return Map.of(column, state.top(k));
  }

  @Override
  public List<String> columns() {
    return List.of(column);
  }
}
