package org.datamesh.rules.dataset;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.quality.FrequentValue;

/**
 * Every analyzer of a table in one combiner, so the rows are traversed once whatever the number
 * of metrics: each row goes to each distinct analyzer's state, partial states merge analyzer by
 * analyzer, and the output is every metric by name, with the most common values of the columns
 * asked about.
 *
 * <pre>{@code
 * PCollection<AnalyzeRows.Analysis> found =
 *     rows.apply(Combine.globally(AnalyzeRows.of(List.of(new RowCount(), ValueCount.nulls("email")))));
 * }</pre>
 */
final class AnalyzeRows extends CombineFn<Row, AnalyzeRows.States, AnalyzeRows.Analysis> {

  /** What the analyzers found: every metric by name, and the columns' most common values. */
  record Analysis(Map<String, Double> metrics, Map<String, List<FrequentValue>> topValues)
      implements Serializable {}

  /** Each analyzer's state, in the analyzers' order. */
  static final class States implements Serializable {
    private static final long serialVersionUID = 1L;
    final Serializable[] states;

    States(Serializable[] states) {
      this.states = states;
    }

    // Equal by content (every analyzer's state is: arrays, or sketches equal by their bytes), so
    // that the Direct runner's mutation check can tell a state handed on was not changed, and
    // SerializableCoder has an equals to rely on.
    @Override
    public boolean equals(Object other) {
      return other instanceof States that && Arrays.deepEquals(states, that.states);
    }

    @Override
    public int hashCode() {
      return Arrays.deepHashCode(states);
    }
  }

  private final List<Analyzer<Serializable>> analyzers;

  private AnalyzeRows(List<Analyzer<Serializable>> analyzers) {
    this.analyzers = analyzers;
  }

  /** A combiner of {@code analyzers}, equal ones run once. */
  @SuppressWarnings("unchecked")
  static AnalyzeRows of(List<? extends Analyzer<?>> analyzers) {
    List<Analyzer<Serializable>> distinct = new ArrayList<>();
    for (Analyzer<?> analyzer : new LinkedHashSet<>(analyzers)) {
      distinct.add((Analyzer<Serializable>) analyzer);
    }
    return new AnalyzeRows(List.copyOf(distinct));
  }

  List<Analyzer<Serializable>> analyzers() {
    return analyzers;
  }

  @Override
  public States createAccumulator() {
    Serializable[] states = new Serializable[analyzers.size()];
    for (int i = 0; i < states.length; i++) {
      states[i] = analyzers.get(i).create();
    }
    return new States(states);
  }

  @Override
  public States addInput(States accumulator, Row row) {
    Serializable[] states = accumulator.states;
    for (int i = 0; i < states.length; i++) {
      states[i] = analyzers.get(i).add(states[i], row);
    }
    return accumulator;
  }

  @Override
  public States mergeAccumulators(Iterable<States> accumulators) {
    States merged = createAccumulator();
    for (States next : accumulators) {
      for (int i = 0; i < merged.states.length; i++) {
        merged.states[i] = analyzers.get(i).merge(merged.states[i], next.states[i]);
      }
    }
    return merged;
  }

  @Override
  public Analysis extractOutput(States accumulator) {
    TreeMap<String, Double> metrics = new TreeMap<>();
    TreeMap<String, List<FrequentValue>> topValues = new TreeMap<>();
    for (int i = 0; i < accumulator.states.length; i++) {
      metrics.putAll(analyzers.get(i).metrics(accumulator.states[i]));
      // two analyzers of one column's values (a check asking for more): the longer list wins
      analyzers.get(i).topValues(accumulator.states[i]).forEach(
          (column, values) -> topValues.merge(column, List.copyOf(values),
              (a, b) -> a.size() >= b.size() ? a : b));
    }
    return new Analysis(metrics, topValues);
  }

  @Override
  public Coder<States> getAccumulatorCoder(CoderRegistry registry, Coder<Row> inputCoder) {
    return SerializableCoder.of(States.class);
  }

  @Override
  public Coder<Analysis> getDefaultOutputCoder(CoderRegistry registry, Coder<Row> inputCoder) {
    return SerializableCoder.of(Analysis.class);
  }
}
