package org.datamesh.core.publish;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.quality.FailureSample;

/**
 * A few quarantined records of each rule, for the quality report: per first broken rule (a
 * record breaking several is sampled under the first it broke), the
 * {@value #PER_RULE} earliest by source position (file or topic, partition, then record number or
 * offset), so a retried or repeated run shows the same samples. Bounded memory: at most {@value
 * #PER_RULE} failures per rule are held, however many fail.
 */
final class FailureSamples
    extends CombineFn<Failure, FailureSamples.Kept, List<FailureSample>> {

  /** How many samples of each rule a report shows. */
  static final int PER_RULE = 3;

  /**
   * By source, partition and record number or offset; failures without a position come last,
   * ordered by reason and payload, so that the choice never depends on the order they arrive.
   */
  private static final Comparator<SourcePosition> POSITION =
      Comparator.comparing(SourcePosition::source)
          .thenComparing(p -> p.partition() == null ? -1 : p.partition())
          .thenComparingLong(SourcePosition::offset);

  private static final Comparator<Held> EARLIEST =
      Comparator.comparing(Held::source, Comparator.nullsLast(POSITION))
          .thenComparing(h -> h.sample.reason())
          .thenComparing(h -> h.sample.payload() == null ? "" : h.sample.payload());

  /** A sample and the position it is ordered by. */
  record Held(@Nullable SourcePosition source, FailureSample sample) implements Serializable {}

  /** The samples kept so far, per rule id. */
  static final class Kept implements Serializable {
    private static final long serialVersionUID = 1L;
    final TreeMap<String, List<Held>> byRule = new TreeMap<>();

    // equal by content, so the Direct runner can tell an accumulator was not mutated
    @Override
    public boolean equals(Object other) {
      return other instanceof Kept that && byRule.equals(that.byRule);
    }

    @Override
    public int hashCode() {
      return byRule.hashCode();
    }

    void add(String rule, Held held) {
      List<Held> kept = byRule.computeIfAbsent(rule, r -> new ArrayList<>(PER_RULE + 1));
      kept.add(held);
      kept.sort(EARLIEST);
      if (kept.size() > PER_RULE) {
        kept.remove(kept.size() - 1);
      }
    }
  }

  @Override
  public Kept createAccumulator() {
    return new Kept();
  }

  @Override
  public Kept addInput(Kept kept, Failure failure) {
    List<Held> held = kept.byRule.get(failure.ruleId());
    if (held != null && held.size() == PER_RULE && failure.source() != null) {
      SourcePosition last = held.get(PER_RULE - 1).source();
      if (last != null && POSITION.compare(failure.source(), last) > 0) {
        return kept; // later than every sample kept: no sample to build
      }
    }
    kept.add(failure.ruleId(), new Held(failure.source(), FailureSample.of(failure)));
    return kept;
  }

  @Override
  public Kept mergeAccumulators(Iterable<Kept> accumulators) {
    Kept merged = new Kept();
    for (Kept kept : accumulators) {
      for (Map.Entry<String, List<Held>> rule : kept.byRule.entrySet()) {
        rule.getValue().forEach(held -> merged.add(rule.getKey(), held));
      }
    }
    return merged;
  }

  @Override
  public List<FailureSample> extractOutput(Kept kept) {
    List<FailureSample> samples = new ArrayList<>();
    kept.byRule.values().forEach(held -> held.forEach(h -> samples.add(h.sample())));
    return samples;
  }

  @Override
  public Coder<Kept> getAccumulatorCoder(CoderRegistry registry, Coder<Failure> inputCoder) {
    return SerializableCoder.of(Kept.class);
  }

  @Override
  public Coder<List<FailureSample>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<Failure> inputCoder) {
    return ListCoder.of(SerializableCoder.of(FailureSample.class));
  }
}
