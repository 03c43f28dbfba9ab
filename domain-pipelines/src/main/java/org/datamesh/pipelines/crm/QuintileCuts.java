package org.datamesh.pipelines.crm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.BigDecimalCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SortedMapCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * The four cut points dividing a metric's values over all customers into quintiles, exactly: an
 * accumulator counts each distinct value (so its size is the number of distinct values, not of
 * customers), and the cut points are read off the sorted counts.
 *
 * <pre>{@code
 * PCollectionView<List<BigDecimal>> cuts =
 *     frequencies.apply(Combine.globally(QuintileCuts.create()).asSingletonView());
 * int score = QuintileCuts.score(cuts, value);   // 1..5
 * }</pre>
 *
 * <p>With the {@code n} values sorted, cut point {@code k} (1..4) is the value at position {@code
 * ceil(k * n / 5)} (from 1). A value's score is 1 plus the number of cut points it exceeds, so
 * equal values always share a score and the result does not depend on input order. Values
 * compare by {@link BigDecimal#compareTo}: {@code 1.0} and {@code 1.00} are one value.
 */
final class QuintileCuts
    extends Combine.CombineFn<BigDecimal, SortedMap<BigDecimal, Long>, List<BigDecimal>> {

  static final int QUINTILES = 5;

  private QuintileCuts() {}

  static QuintileCuts create() {
    return new QuintileCuts();
  }

  /** The quintile score, 1..5, of {@code value} given the cut points: the higher, the better. */
  static int score(List<BigDecimal> cuts, BigDecimal value) {
    int score = 1;
    for (BigDecimal cut : cuts) {
      if (value.compareTo(cut) > 0) {
        score++;
      }
    }
    return score;
  }

  @Override
  public SortedMap<BigDecimal, Long> createAccumulator() {
    return new TreeMap<>();
  }

  @Override
  public SortedMap<BigDecimal, Long> addInput(
      SortedMap<BigDecimal, Long> counts, BigDecimal value) {
    counts.merge(value, 1L, Long::sum);
    return counts;
  }

  @Override
  public SortedMap<BigDecimal, Long> mergeAccumulators(Iterable<SortedMap<BigDecimal, Long>> all) {
    SortedMap<BigDecimal, Long> merged = new TreeMap<>();
    for (SortedMap<BigDecimal, Long> counts : all) {
      counts.forEach((value, n) -> merged.merge(value, n, Long::sum));
    }
    return merged;
  }

  @Override
  public List<BigDecimal> extractOutput(SortedMap<BigDecimal, Long> counts) {
    long n = 0;
    for (long count : counts.values()) {
      n += count;
    }
    List<BigDecimal> cuts = new ArrayList<>();
    if (n == 0) {
      return cuts;
    }
    long seen = 0;
    int k = 1;
    for (Map.Entry<BigDecimal, Long> value : counts.entrySet()) {
      seen += value.getValue();
      // The value at position ceil(k*n/5) is the first whose running count reaches it.
      while (k < QUINTILES && seen >= (k * n + QUINTILES - 1) / QUINTILES) {
        cuts.add(value.getKey());
        k++;
      }
    }
    return cuts;
  }

  @Override
  public Coder<SortedMap<BigDecimal, Long>> getAccumulatorCoder(
      CoderRegistry registry, Coder<BigDecimal> input) {
    return SortedMapCoder.of(BigDecimalCoder.of(), VarLongCoder.of());
  }

  @Override
  public Coder<List<BigDecimal>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<BigDecimal> input) {
    return ListCoder.of(BigDecimalCoder.of());
  }
}
