package org.datamesh.pipelines.sales;

/**
 * The seasonal naive forecast, the baseline a model must beat: each day is forecast as the same
 * weekday one week earlier, so the next week repeats the last one.
 *
 * <pre>{@code
 * double[] nextWeek = NaiveForecast.weekly(dailyDemand, 7);   // the last 7 values, in order
 * }</pre>
 */
public final class NaiveForecast {

  /** Days in the season it repeats. */
  public static final int WEEK = 7;

  private NaiveForecast() {}

  /** The next {@code horizon} days: day {@code n + h} takes the value of day {@code n + h - 7k}. */
  public static double[] weekly(double[] series, int horizon) {
    if (series.length < WEEK) {
      throw new IllegalArgumentException(
          "the naive forecast needs a week of history, got " + series.length + " days");
    }
    double[] out = new double[horizon];
    int start = series.length - WEEK;
    for (int h = 0; h < horizon; h++) {
      out[h] = series[start + h % WEEK];
    }
    return out;
  }
}
