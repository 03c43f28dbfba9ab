package org.datamesh.rules.dataset.anomaly;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * How a metric's earlier values decide the range its value in this run may take; outside it, the
 * run is an anomaly. After Deequ's anomaly strategies; each is a small immutable value.
 *
 * <pre>{@code
 * AnomalyStrategy.absoluteChange(100, 100);       // at most 100 less or 100 more than last run
 * AnomalyStrategy.relativeRateOfChange(0.5, 2.0); // between half and twice the last run
 * AnomalyStrategy.zScore(3);                      // within 3 standard deviations of the mean
 * AnomalyStrategy.zScore(3).withMinHistory(10).overLast(30);
 * }</pre>
 *
 * <p>Each needs a minimum number of earlier published runs ({@link #minHistory()}): one for the
 * change strategies, three by default for the z-score. Until the history is that long the
 * strategy gives no range and the check passes, saying how many runs it still waits for: a new
 * product is not refused for having no past.
 */
public sealed interface AnomalyStrategy extends Serializable
    permits AbsoluteChange, RelativeRateOfChange, ZScore {

  /**
   * At most {@code maxDecrease} below and {@code maxIncrease} above the last published run's
   * value (both amounts in the metric's unit, not negative).
   */
  static AbsoluteChange absoluteChange(double maxDecrease, double maxIncrease) {
    return new AbsoluteChange(maxDecrease, maxIncrease);
  }

  /**
   * Between {@code minRatio} and {@code maxRatio} times the last published run's value, both
   * included: {@code relativeRateOfChange(0.5, 2.0)} lets the value halve or double, no more.
   */
  static RelativeRateOfChange relativeRateOfChange(double minRatio, double maxRatio) {
    return new RelativeRateOfChange(minRatio, maxRatio);
  }

  /**
   * Within {@code maxDeviations} sample standard deviations of the mean of the earlier published
   * runs (all of them, or the last few with {@link ZScore#overLast}); needs three runs at first.
   */
  static ZScore zScore(double maxDeviations) {
    return new ZScore(maxDeviations, ZScore.DEFAULT_MIN_HISTORY, 0);
  }

  /** Its name in ids and contracts: {@code absoluteChange}, {@code relativeRateOfChange}, {@code zScore}. */
  String name();

  /** How many earlier published runs it needs before it judges. */
  int minHistory();

  /**
   * The range this run's value may take given the earlier values {@code past} (oldest first);
   * empty while there are fewer than {@link #minHistory()} of them.
   */
  Optional<ExpectedRange> expectedRange(List<Double> past);

  /** What it compares, for people: "between 0.5 and 2 times the last published run". */
  String describe();
}
