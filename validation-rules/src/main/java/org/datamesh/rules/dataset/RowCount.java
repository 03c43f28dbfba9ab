package org.datamesh.rules.dataset;

import java.util.Map;
import org.apache.beam.sdk.values.Row;

/** Counts rows: the metric {@code rowCount}. */
record RowCount() implements Analyzer<long[]> {

  static final String METRIC = "rowCount";

  @Override
  public long[] create() {
    return new long[1];
  }

  @Override
  public long[] add(long[] state, Row row) {
    state[0]++;
    return state;
  }

  @Override
  public long[] merge(long[] first, long[] second) {
    first[0] += second[0];
    return first;
  }

  @Override
  public Map<String, Double> metrics(long[] state) {
    return Map.of(METRIC, (double) state[0]);
  }
}
