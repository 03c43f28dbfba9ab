package org.datamesh.pipelines.crm;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Exact quintile cut points and the scores they give, ties included. */
class QuintileCutsTest {

  private static List<BigDecimal> cutsOf(List<Integer> values) {
    QuintileCuts fn = QuintileCuts.create();
    // Two accumulators merged, as a runner combining two bundles would.
    SortedMap<BigDecimal, Long> left = fn.createAccumulator();
    SortedMap<BigDecimal, Long> right = fn.createAccumulator();
    for (int i = 0; i < values.size(); i++) {
      fn.addInput(i % 2 == 0 ? left : right, BigDecimal.valueOf(values.get(i)));
    }
    return fn.extractOutput(fn.mergeAccumulators(List.of(left, right)));
  }

  private static List<Integer> scores(List<Integer> values) {
    List<BigDecimal> cuts = cutsOf(values);
    return values.stream().map(v -> QuintileCuts.score(cuts, BigDecimal.valueOf(v))).toList();
  }

  @Test
  void tenDistinctValuesMakeFivePairs() {
    List<Integer> values = IntStream.rangeClosed(1, 10).boxed().toList();
    assertThat(cutsOf(values), contains(bd(2), bd(4), bd(6), bd(8)));
    assertThat(scores(values), equalTo(List.of(1, 1, 2, 2, 3, 3, 4, 4, 5, 5)));
  }

  @Test
  void equalValuesShareAScoreWhateverTheirOrder() {
    List<Integer> values = List.of(3, 1, 1, 1, 1, 1, 2, 5, 1, 1);
    // Sorted: 1 x7, 2, 3, 5; positions 2, 4, 6 hold 1, position 8 holds 2.
    assertThat(cutsOf(values), contains(bd(1), bd(1), bd(1), bd(2)));
    assertThat(scores(values), equalTo(List.of(5, 1, 1, 1, 1, 1, 4, 5, 1, 1)));
  }

  @Test
  void fewerCustomersThanQuintilesSkipScores() {
    // Positions ceil(3k/5) = 1, 2, 2, 3.
    assertThat(cutsOf(List.of(30, 10, 20)), contains(bd(10), bd(20), bd(20), bd(30)));
    assertThat(scores(List.of(10, 20, 30)), equalTo(List.of(1, 2, 4)));
  }

  @Test
  void decimalsCompareByValueNotScale() {
    QuintileCuts fn = QuintileCuts.create();
    SortedMap<BigDecimal, Long> counts = fn.createAccumulator();
    fn.addInput(counts, new BigDecimal("1.0"));
    fn.addInput(counts, new BigDecimal("1.0000"));
    assertThat(counts.size(), equalTo(1));
    assertThat(QuintileCuts.score(fn.extractOutput(counts), new BigDecimal("1.00")), equalTo(1));
  }

  @Test
  void noValuesNoCuts() {
    assertThat(cutsOf(List.of()), empty());
  }

  private static BigDecimal bd(int value) {
    return BigDecimal.valueOf(value);
  }
}
