package org.datamesh.rules.dataset.anomaly;

import java.util.List;
import java.util.Optional;
import org.datamesh.core.quality.CheckResult;

/**
 * Within {@code maxDeviations} sample standard deviations of the mean of earlier published runs
 * (a z-score of at most {@code maxDeviations}, bounds included). When every earlier value is the
 * same, only that value is normal.
 *
 * <pre>{@code
 * // past 10, 12, 14: mean 12, standard deviation 2; with 2 deviations, 8 to 16 is normal
 * AnomalyStrategy.zScore(2).expectedRange(List.of(10.0, 12.0, 14.0));  // [8, 16]
 * }</pre>
 *
 * @param maxDeviations the largest distance from the mean, in standard deviations
 * @param minHistory earlier published runs needed before it judges, at least 2
 * @param window how many of the latest earlier runs it reads; 0 for all
 */
public record ZScore(double maxDeviations, int minHistory, int window) implements AnomalyStrategy {

  static final int DEFAULT_MIN_HISTORY = 3;

  public ZScore {
    if (!(maxDeviations > 0) || Double.isInfinite(maxDeviations)) {
      throw new IllegalArgumentException(
          "zScore takes a finite number of standard deviations above 0, found " + maxDeviations);
    }
    if (minHistory < 2) {
      throw new IllegalArgumentException(
          "zScore needs at least 2 earlier runs for a standard deviation, asked for " + minHistory);
    }
    if (window != 0 && window < minHistory) {
      throw new IllegalArgumentException(
          "zScore over the last " + window + " runs can never reach its minimum history of "
              + minHistory);
    }
  }

  /** Returns a strategy like this one but judging only once {@code runs} earlier runs exist. */
  public ZScore withMinHistory(int runs) {
    return new ZScore(maxDeviations, runs, window);
  }

  /** Returns a strategy like this one but reading only the latest {@code runs} earlier runs. */
  public ZScore overLast(int runs) {
    return new ZScore(maxDeviations, minHistory, runs);
  }

  @Override
  public String name() {
    return "zScore";
  }

  @Override
  public Optional<ExpectedRange> expectedRange(List<Double> past) {
    if (past.size() < minHistory) {
      return Optional.empty();
    }
    List<Double> read = window == 0 ? past : past.subList(Math.max(0, past.size() - window), past.size());
    double mean = 0;
    for (double value : read) {
      mean += value;
    }
    mean /= read.size();
    double squares = 0;
    for (double value : read) {
      squares += (value - mean) * (value - mean);
    }
    double deviation = Math.sqrt(squares / (read.size() - 1));
    return Optional.of(
        new ExpectedRange(mean - maxDeviations * deviation, mean + maxDeviations * deviation));
  }

  @Override
  public String describe() {
    return "within " + CheckResult.format(maxDeviations) + " standard deviations of the mean of "
        + (window == 0 ? "every earlier" : "the last " + window) + " published run"
        + (window == 1 ? "" : "s");
  }
}
