package org.datamesh.rules.dataset.anomaly;

import java.util.List;
import java.util.Optional;
import org.datamesh.core.quality.CheckResult;

/**
 * At most {@code maxDecrease} below and {@code maxIncrease} above the last published run's value.
 *
 * <pre>{@code
 * // last run 1000: 900 to 1100 is normal, 899 and 1101 are anomalies
 * AnomalyStrategy.absoluteChange(100, 100).expectedRange(List.of(1000.0));  // [900, 1100]
 * }</pre>
 */
public record AbsoluteChange(double maxDecrease, double maxIncrease) implements AnomalyStrategy {

  public AbsoluteChange {
    if (!(maxDecrease >= 0) || !(maxIncrease >= 0)) {
      throw new IllegalArgumentException(
          "absoluteChange takes the largest decrease and increase as amounts of 0 or more, found "
              + maxDecrease + " and " + maxIncrease);
    }
  }

  @Override
  public String name() {
    return "absoluteChange";
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
    return Optional.of(new ExpectedRange(last - maxDecrease, last + maxIncrease));
  }

  @Override
  public String describe() {
    return "at most " + CheckResult.format(maxDecrease) + " less or "
        + CheckResult.format(maxIncrease) + " more than the last published run";
  }
}
