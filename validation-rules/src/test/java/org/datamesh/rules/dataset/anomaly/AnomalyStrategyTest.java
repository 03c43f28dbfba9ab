package org.datamesh.rules.dataset.anomaly;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each strategy's range on constructed histories, at its exact bounds, and before its minimum history. */
class AnomalyStrategyTest {

  private static boolean normal(AnomalyStrategy strategy, List<Double> past, double value) {
    return strategy.expectedRange(past).orElseThrow().contains(value);
  }

  @Test
  void absoluteChangeAllowsTheAmountsAroundTheLastRunBoundsIncluded() {
    AnomalyStrategy strategy = AnomalyStrategy.absoluteChange(100, 50);
    List<Double> past = List.of(5000.0, 1000.0);
    assertThat(strategy.expectedRange(past), is(Optional.of(new ExpectedRange(900, 1050))));
    assertThat(normal(strategy, past, 900), is(true));
    assertThat(normal(strategy, past, 899.99), is(false));
    assertThat(normal(strategy, past, 1050), is(true));
    assertThat(normal(strategy, past, 1050.01), is(false));
    assertThat(strategy.expectedRange(List.of()), is(Optional.empty()));
    assertThat(strategy.minHistory(), is(1));
  }

  @Test
  void relativeRateOfChangeAllowsRatiosOfTheLastRunBoundsIncluded() {
    AnomalyStrategy strategy = AnomalyStrategy.relativeRateOfChange(0.5, 2.0);
    List<Double> past = List.of(10.0, 1000.0);
    assertThat(strategy.expectedRange(past), is(Optional.of(new ExpectedRange(500, 2000))));
    assertThat(normal(strategy, past, 500), is(true));
    assertThat(normal(strategy, past, 499), is(false));
    assertThat(normal(strategy, past, 2000), is(true));
    assertThat(normal(strategy, past, 2001), is(false));
    // nothing last time: only nothing is normal; a negative mean turns the bounds around
    assertThat(strategy.expectedRange(List.of(0.0)), is(Optional.of(new ExpectedRange(0, 0))));
    assertThat(strategy.expectedRange(List.of(-10.0)), is(Optional.of(new ExpectedRange(-20, -5))));
    assertThat(strategy.expectedRange(List.of()), is(Optional.empty()));
  }

  @Test
  void zScoreAllowsDeviationsAroundTheMeanOfEarlierRuns() {
    AnomalyStrategy strategy = AnomalyStrategy.zScore(2);
    List<Double> past = List.of(10.0, 12.0, 14.0); // mean 12, sample standard deviation 2
    assertThat(strategy.expectedRange(past), is(Optional.of(new ExpectedRange(8, 16))));
    assertThat(normal(strategy, past, 16), is(true));
    assertThat(normal(strategy, past, 16.001), is(false));
    assertThat(normal(strategy, past, 8), is(true));
    assertThat(normal(strategy, past, 7.999), is(false));
    // every earlier value the same: only that value is normal
    assertThat(
        strategy.expectedRange(List.of(7.0, 7.0, 7.0)), is(Optional.of(new ExpectedRange(7, 7))));
  }

  @Test
  void zScoreJudgesOnlyOnceItsMinimumHistoryIsThere() {
    ZScore strategy = AnomalyStrategy.zScore(3);
    assertThat(strategy.minHistory(), is(3));
    assertThat(strategy.expectedRange(List.of(1.0, 2.0)), is(Optional.empty()));
    assertThat(strategy.expectedRange(List.of(1.0, 2.0, 3.0)).isPresent(), is(true));
    ZScore patient = strategy.withMinHistory(5);
    assertThat(patient.expectedRange(List.of(1.0, 2.0, 3.0, 4.0)), is(Optional.empty()));
    assertThat(patient.expectedRange(List.of(1.0, 2.0, 3.0, 4.0, 5.0)).isPresent(), is(true));
  }

  @Test
  void zScoreOverAWindowReadsOnlyTheLatestRuns() {
    ZScore strategy = AnomalyStrategy.zScore(1).overLast(3);
    // the last three: 10, 12, 14 (mean 12, deviation 2); the 1000 before them is not read
    assertThat(
        strategy.expectedRange(List.of(1000.0, 10.0, 12.0, 14.0)),
        is(Optional.of(new ExpectedRange(10, 14))));
    assertThat(strategy.describe(), containsString("the last 3 published runs"));
  }

  @Test
  void nonsenseParametersAreRefusedSayingWhy() {
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> AnomalyStrategy.absoluteChange(-1, 5))
            .getMessage(),
        containsString("amounts of 0 or more"));
    assertThat(
        assertThrows(
                IllegalArgumentException.class, () -> AnomalyStrategy.relativeRateOfChange(2, 0.5))
            .getMessage(),
        containsString("0 <= min <= max"));
    assertThrows(IllegalArgumentException.class, () -> AnomalyStrategy.zScore(0));
    assertThrows(IllegalArgumentException.class, () -> AnomalyStrategy.zScore(3).withMinHistory(1));
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> AnomalyStrategy.zScore(3).overLast(2))
            .getMessage(),
        containsString("can never reach its minimum history of 3"));
  }
}
