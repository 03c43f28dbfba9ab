package org.datamesh.rules.dataset.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.core.quality.HistoryCheck;

/**
 * A metric of one run judged against the same metric in earlier published runs with an {@link
 * AnomalyStrategy}. Made by {@code Check.anomaly(...)}; the commit step judges it, since it holds
 * the history.
 *
 * <pre>{@code
 * // rowCount measured 3 rows; the last published run had 1000; relativeRateOfChange(0.5, 2)
 * // orders: check rowCount.relativeRateOfChange (ERROR) failed: rowCount measured 3 rows,
 * //   must be between 500 and 2000 rows
 * }</pre>
 *
 * <p>The measured value is computed from the run's metrics the way every check computes it: the
 * {@code counted} metrics summed, as a percentage of the {@code denominator} metrics when {@code
 * percent}. The same is done to each earlier run's metrics; runs that did not measure it are
 * skipped. A run whose metric has no value fails, as any check does.
 *
 * @param counted the metrics summed to give the measured value
 * @param denominator the metrics summed to give what a percentage is of
 * @param unit {@code rows}, {@code percent} or empty
 */
public record AnomalyCheck(
    String id,
    Severity severity,
    String metric,
    List<String> counted,
    List<String> denominator,
    boolean percent,
    String unit,
    AnomalyStrategy strategy)
    implements HistoryCheck {

  public AnomalyCheck {
    counted = List.copyOf(counted);
    denominator = List.copyOf(denominator);
  }

  @Override
  public String description() {
    return strategy.name() + ": " + metric + " " + strategy.describe();
  }

  @Override
  public CheckResult judge(
      String table, Map<String, Double> metrics, List<Map<String, Double>> past) {
    Double measured = measure(metrics);
    List<Double> earlier = new ArrayList<>();
    for (Map<String, Double> run : past) {
      Double value = measure(run);
      if (value != null) {
        earlier.add(value);
      }
    }
    Optional<ExpectedRange> range = strategy.expectedRange(earlier);
    if (range.isEmpty()) {
      // Not judged yet: too few earlier runs. The unit goes with the value, not the expectation.
      return new CheckResult(
          id, table, metric, severity, measured, "",
          "any value until " + strategy.minHistory() + " earlier published runs measured it ("
              + earlier.size() + " so far)",
          measured != null);
    }
    boolean passed = measured != null && range.get().contains(measured);
    return new CheckResult(
        id, table, metric, severity, measured, unit, range.get().expectation(), passed);
  }

  private @Nullable Double measure(Map<String, Double> metrics) {
    Double value = sum(counted, metrics);
    if (value == null || !percent) {
      return value;
    }
    Double of = sum(denominator, metrics);
    return of == null || of == 0 ? 0.0 : 100.0 * value / of;
  }

  private static @Nullable Double sum(List<String> names, Map<String, Double> metrics) {
    double sum = 0;
    for (String name : names) {
      Double value = metrics.get(name);
      if (value == null) {
        return null;
      }
      sum += value;
    }
    return sum;
  }
}
