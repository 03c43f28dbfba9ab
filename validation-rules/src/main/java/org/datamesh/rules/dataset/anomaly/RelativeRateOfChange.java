package org.datamesh.rules.dataset.anomaly;

import java.util.List;
import java.util.Optional;
import org.datamesh.core.quality.CheckResult;

/**
 * Between {@code minRatio} and {@code maxRatio} times the last published run's value, both
 * included. A last value of 0 allows only 0 (any change from nothing is infinitely large).
 *
 * <pre>{@code
 * // last run 1000: 500 to 2000 is normal
 * AnomalyStrategy.relativeRateOfChange(0.5, 2.0).expectedRange(List.of(1000.0));  // [500, 2000]
 * }</pre>
 */
public record RelativeRateOfChange(double minRatio, double maxRatio) implements AnomalyStrategy {

  public RelativeRateOfChange {
    if (!(minRatio >= 0) || !(maxRatio >= minRatio) || Double.isInfinite(maxRatio)) {
      throw new IllegalArgumentException(
          "relativeRateOfChange takes two finite ratios with 0 <= min <= max, found " + minRatio
              + " and " + maxRatio);
    }
  }

  @Override
  public String name() {
    return "relativeRateOfChange";
  }

  @Override
  public int minHistory() {
    return 1;
  }

  @Override
  public Optional<ExpectedRange> expectedRange(List<Double> past) {
    if (past.size() < minHistory()) {
      return Optional.empty();
    }
    double last = past.get(past.size() - 1);
    // A negative last value (a mean, say) turns the bounds around.
    return Optional.of(ExpectedRange.between(last * minRatio, last * maxRatio));
  }

  @Override
  public String describe() {
    return "between " + CheckResult.format(minRatio) + " and " + CheckResult.format(maxRatio)
        + " times the last published run";
  }
}
