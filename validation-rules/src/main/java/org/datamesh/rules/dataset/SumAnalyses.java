package org.datamesh.rules.dataset;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.datamesh.core.quality.FrequentValue;

/**
 * A table's metrics and its columns' most common values brought together for judging: the
 * metrics summed by name, the longer list of values kept for a column. Through the main path,
 * not a side input: a runner may hold back a window's element until a side input has data for
 * that window, and a window of a stream without a published row has no values at all.
 */
final class SumAnalyses
    extends CombineFn<AnalyzeRows.Analysis, SumAnalyses.Sums, AnalyzeRows.Analysis> {

  /** Metrics and values so far. */
  static final class Sums implements Serializable {
    private static final long serialVersionUID = 1L;
    final HashMap<String, Double> metrics = new HashMap<>();
    final HashMap<String, List<FrequentValue>> topValues = new HashMap<>();

    // equal by content, so the Direct runner can tell an accumulator was not mutated
    @Override
    public boolean equals(Object other) {
      return other instanceof Sums that
          && metrics.equals(that.metrics)
          && topValues.equals(that.topValues);
    }

    @Override
    public int hashCode() {
      return metrics.hashCode() * 31 + topValues.hashCode();
    }

    void add(Map<String, Double> moreMetrics, Map<String, List<FrequentValue>> moreValues) {
      moreMetrics.forEach((name, value) -> metrics.merge(name, value, Double::sum));
      moreValues.forEach(
          (column, values) ->
              topValues.merge(column, values, (a, b) -> a.size() >= b.size() ? a : b));
    }
  }

  @Override
  public Sums createAccumulator() {
    return new Sums();
  }

  @Override
  public Sums addInput(Sums sums, AnalyzeRows.Analysis analysis) {
    sums.add(analysis.metrics(), analysis.topValues());
    return sums;
  }

  @Override
  public Sums mergeAccumulators(Iterable<Sums> accumulators) {
    Sums merged = new Sums();
    accumulators.forEach(sums -> merged.add(sums.metrics, sums.topValues));
    return merged;
  }

  @Override
  public AnalyzeRows.Analysis extractOutput(Sums sums) {
    return new AnalyzeRows.Analysis(new TreeMap<>(sums.metrics), new TreeMap<>(sums.topValues));
  }

  @Override
  public Coder<Sums> getAccumulatorCoder(
      CoderRegistry registry, Coder<AnalyzeRows.Analysis> inputCoder) {
    return SerializableCoder.of(Sums.class);
  }

  @Override
  public Coder<AnalyzeRows.Analysis> getDefaultOutputCoder(
      CoderRegistry registry, Coder<AnalyzeRows.Analysis> inputCoder) {
    return SerializableCoder.of(AnalyzeRows.Analysis.class);
  }
}
