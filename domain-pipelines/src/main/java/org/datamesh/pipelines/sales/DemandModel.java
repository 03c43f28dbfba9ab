package org.datamesh.pipelines.sales;

import java.util.Arrays;

/**
 * The forecast the product publishes for one series: {@link HoltWinters} with a weekly season when
 * there are two weeks to fit it on, else the {@link NaiveForecast} when there is one week, else the
 * mean; always clipped at 0, since demand is never negative.
 *
 * <pre>{@code
 * double[] nextWeek = DemandModel.forecast(series.values(), 7);
 * }</pre>
 */
public final class DemandModel {

  /** Days forecast, and days held out by the backtest. */
  public static final int HORIZON = 7;

  private static final HoltWinters.Search SEARCH = HoltWinters.weekly();

  private DemandModel() {}

  /** The next {@code horizon} days after {@code history}. */
  public static double[] forecast(double[] history, int horizon) {
    double[] raw;
    if (history.length >= SEARCH.minimumLength()) {
      raw = SEARCH.fit(history).forecast(horizon);
    } else if (history.length >= NaiveForecast.WEEK) {
      raw = NaiveForecast.weekly(history, horizon);
    } else {
      raw = new double[horizon];
      Arrays.fill(raw, mean(history));
    }
    return clip(raw);
  }

  /** Whether {@code length} days are enough for a backtest: a week to fit and one held out. */
  public static boolean canBacktest(int length) {
    return length >= NaiveForecast.WEEK + HORIZON;
  }

  static double[] clip(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.max(0, values[i]);
    }
    return out;
  }

  private static double mean(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
