package org.datamesh.pipelines.sales;

import java.util.OptionalDouble;

/**
 * Mean absolute percentage error, in percent, over the days whose actual value is above zero (a day
 * without demand has no percentage error).
 *
 * <pre>{@code
 * Mape.of(new double[] {10, 0, 20}, new double[] {12, 3, 15});   // (20% + 25%) / 2 = 22.5
 * Mape.pooled(new double[] {10, 0, 20}, new double[] {12, 3, 15}); // 100 * (2 + 5) / 30
 * }</pre>
 */
public final class Mape {

  private Mape() {}

  /**
   * 100 times the mean of |actual - forecast| / actual over days with actual > 0; empty if none.
   */
  public static OptionalDouble of(double[] actual, double[] forecast) {
    check(actual, forecast);
    double sum = 0;
    int days = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] > 0) {
        sum += Math.abs(actual[i] - forecast[i]) / actual[i];
        days++;
      }
    }
    return days == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * sum / days);
  }

  /**
   * 100 times sum |actual - forecast| / sum actual over days with actual > 0; empty if none. Pooled
   * over many series, small actual values weigh by their size instead of dominating the mean.
   */
  public static OptionalDouble pooled(double[] actual, double[] forecast) {
    check(actual, forecast);
    double error = 0;
    double total = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] > 0) {
        error += Math.abs(actual[i] - forecast[i]);
        total += actual[i];
      }
    }
    return total == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * error / total);
  }

  private static void check(double[] actual, double[] forecast) {
    if (actual.length != forecast.length) {
      throw new IllegalArgumentException(
          actual.length + " actual values but " + forecast.length + " forecasts");
    }
  }
}
