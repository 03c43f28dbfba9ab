package org.datamesh.rules.dataset.anomaly;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.quality.CheckResult;
import org.junit.jupiter.api.Test;

/** An anomaly check judged on a run's metrics and constructed histories. */
class AnomalyCheckTest {

  private static AnomalyCheck rows(AnomalyStrategy strategy) {
    return new AnomalyCheck(
        "rowCount." + strategy.name(), Severity.ERROR, "rowCount", List.of("rowCount"), List.of(),
        false, "rows", strategy);
  }

  private static List<Map<String, Double>> runs(double... rowCounts) {
    return java.util.Arrays.stream(rowCounts).mapToObj(n -> Map.of("rowCount", n)).toList();
  }

  @Test
  void aValueOutsideTheRangeFailsWithTheRangeAsItsExpectation() {
    CheckResult result =
        rows(AnomalyStrategy.relativeRateOfChange(0.5, 2.0))
            .judge("orders", Map.of("rowCount", 3.0), runs(800, 1000));
    assertThat(result.passed(), is(false));
    assertThat(result.blocks(), is(true));
    assertThat(
        result.describe(),
        is("orders: check rowCount.relativeRateOfChange (ERROR) failed: rowCount measured 3 rows,"
            + " must be between 500 and 2000 rows"));
  }

  @Test
  void aValueInsideTheRangePasses() {
    CheckResult result =
        rows(AnomalyStrategy.relativeRateOfChange(0.5, 2.0))
            .judge("orders", Map.of("rowCount", 2000.0), runs(1000));
    assertThat(result.passed(), is(true));
  }

  @Test
  void beforeTheMinimumHistoryTheCheckPassesAndSaysWhatItWaitsFor() {
    CheckResult result =
        rows(AnomalyStrategy.zScore(3)).judge("orders", Map.of("rowCount", 1.0), runs(1000, 1000));
    assertThat(result.passed(), is(true));
    assertThat(
        result.describe(),
        is("orders: check rowCount.zScore (ERROR) passed: rowCount measured 1, must be any value"
            + " until 3 earlier published runs measured it (2 so far)"));
  }

  @Test
  void earlierRunsWithoutTheMetricAreSkipped() {
    List<Map<String, Double>> past =
        List.of(Map.of("rowCount", 10.0), Map.of("other", 1.0), Map.of("rowCount", 14.0),
            Map.of("rowCount", 12.0));
    CheckResult result =
        rows(AnomalyStrategy.zScore(2)).judge("orders", Map.of("rowCount", 16.5), past);
    assertThat(result.expectation(), is("between 8 and 16"));
    assertThat(result.passed(), is(false));
  }

  @Test
  void aPercentageIsMeasuredTheSameWayInEveryRun() {
    AnomalyCheck nullShare =
        new AnomalyCheck(
            "email.nulls", Severity.WARN, "nullValues(email)", List.of("nullValues(email)"),
            List.of("rowCount"), true, "percent", AnomalyStrategy.absoluteChange(5, 5));
    List<Map<String, Double>> past = List.of(Map.of("nullValues(email)", 10.0, "rowCount", 100.0));
    // 10% last run: 5% to 15% is normal; 30 of 200 rows is 15%, 31 of 200 is 15.5%
    assertThat(
        nullShare.judge("c", Map.of("nullValues(email)", 30.0, "rowCount", 200.0), past).passed(),
        is(true));
    CheckResult over = nullShare.judge("c", Map.of("nullValues(email)", 31.0, "rowCount", 200.0), past);
    assertThat(over.passed(), is(false));
    assertThat(over.blocks(), is(false));
    assertThat(over.measured(), is(15.5));
    assertThat(over.expectation(), is("between 5 and 15"));
  }

  @Test
  void aRunWithoutTheMetricFails() {
    CheckResult result =
        rows(AnomalyStrategy.absoluteChange(1, 1)).judge("orders", Map.of(), runs(10));
    assertThat(result.passed(), is(false));
    assertThat(result.measured(), is((Double) null));
  }
}
