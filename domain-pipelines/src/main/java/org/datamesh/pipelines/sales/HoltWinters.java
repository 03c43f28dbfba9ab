package org.datamesh.pipelines.sales;

import java.io.Serializable;

/**
 * Additive Holt-Winters exponential smoothing: a level, a linear trend and a season of fixed
 * length, each updated by its own smoothing parameter.
 *
 * <pre>{@code
 * HoltWinters model = HoltWinters.weekly().fit(dailyDemand);   // parameters from a grid search
 * double[] nextWeek = model.forecast(7);
 * model.alpha();   // the level's smoothing parameter the search chose
 * }</pre>
 *
 * <p>The first two seasons initialise the state: the trend is the difference of their means per
 * day, the level is the trend line's value at the end of the first season, and each season index is
 * the mean deviation of its two days from the trend line (normalised to sum to zero). From the
 * start of the second season on, each day updates the state:
 *
 * <pre>
 * level    = alpha (y - season[t-m]) + (1 - alpha) (level + trend)
 * trend    = beta (level - previous level) + (1 - beta) trend
 * season_t = gamma (y - level) + (1 - gamma) season[t-m]
 * </pre>
 *
 * and the forecast {@code h} days ahead is {@code level + h trend + season[t-m+h]}. A series that
 * is exactly a line plus a repeating season is reproduced exactly, whatever the parameters.
 *
 * <p>{@link Search#fit(double[])} chooses the parameters by grid search: alpha in {0.05, 0.1, 0.2,
 * ..., 0.9}, beta in {0, 0.01, 0.02, 0.05, 0.1, 0.2}, gamma in {0.05, 0.1, 0.2, 0.3, 0.4, 0.5}; the
 * combination with the smallest sum of squared one-step-ahead errors over the days it updates on
 * wins (the first one found, in that order, among equals).
 */
public final class HoltWinters implements Serializable {

  /** The level's candidate smoothing parameters. */
  static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

  /** The trend's: small values keep a noisy week from bending the trend. */
  static final double[] BETAS = {0.0, 0.01, 0.02, 0.05, 0.1, 0.2};

  /** The season's. */
  static final double[] GAMMAS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5};

  private final int period;
  private final double alpha;
  private final double beta;
  private final double gamma;
  private final double level;
  private final double trend;
  private final double[] season; // season[i] is the index of the day (n + i) mod period ahead

  private HoltWinters(
      int period,
      double alpha,
      double beta,
      double gamma,
      double level,
      double trend,
      double[] season) {
    this.period = period;
    this.alpha = alpha;
    this.beta = beta;
    this.gamma = gamma;
    this.level = level;
    this.trend = trend;
    this.season = season;
  }

  /** A search for a model with a weekly season (period 7), as daily demand has. */
  public static Search weekly() {
    return new Search(7);
  }

  /** A search for a model with a season of {@code period} observations. */
  public static Search withPeriod(int period) {
    if (period < 2) {
      throw new IllegalArgumentException("a season has at least 2 observations");
    }
    return new Search(period);
  }

  /** Chooses the parameters, fits them, and returns the model at the end of {@code series}. */
  public static final class Search implements Serializable {
    private final int period;

    private Search(int period) {
      this.period = period;
    }

    /** The shortest series it fits: two whole seasons. */
    public int minimumLength() {
      return 2 * period;
    }

    /** The best model over the grid; the series must hold {@link #minimumLength()} values. */
    public HoltWinters fit(double[] series) {
      if (series.length < minimumLength()) {
        throw new IllegalArgumentException(
            "Holt-Winters needs " + minimumLength() + " observations, got " + series.length);
      }
      HoltWinters best = null;
      double bestError = Double.POSITIVE_INFINITY;
      for (double a : ALPHAS) {
        for (double b : BETAS) {
          for (double g : GAMMAS) {
            double[] error = new double[1];
            HoltWinters model = run(series, period, a, b, g, error);
            if (best == null || error[0] < bestError) {
              best = model;
              bestError = error[0];
            }
          }
        }
      }
      return best;
    }

    /** The model with the given parameters, not searched. */
    public HoltWinters fit(double[] series, double alpha, double beta, double gamma) {
      if (series.length < minimumLength()) {
        throw new IllegalArgumentException(
            "Holt-Winters needs " + minimumLength() + " observations, got " + series.length);
      }
      return run(series, period, alpha, beta, gamma, new double[1]);
    }
  }

  /** Runs the recursions over the series; {@code error[0]} receives the squared-error sum. */
  private static HoltWinters run(
      double[] y, int m, double alpha, double beta, double gamma, double[] error) {
    double first = mean(y, 0, m);
    double second = mean(y, m, 2 * m);
    double trend = (second - first) / m;
    // The trend line through the first season's middle, at day t: first + (t - (m-1)/2) trend.
    double middle = (m - 1) / 2.0;
    double level = first + (m - 1 - middle) * trend;
    double[] season = new double[m];
    for (int i = 0; i < m; i++) {
      double deviation = 0;
      for (int k = 0; k < 2; k++) {
        int t = k * m + i;
        deviation += y[t] - (first + (t - middle) * trend);
      }
      season[i] = deviation / 2;
    }
    double shift = mean(season, 0, m);
    for (int i = 0; i < m; i++) {
      season[i] -= shift;
    }
    double sse = 0;
    for (int t = m; t < y.length; t++) {
      int s = t % m;
      double predicted = level + trend + season[s];
      double e = y[t] - predicted;
      sse += e * e;
      double previous = level;
      level = alpha * (y[t] - season[s]) + (1 - alpha) * (level + trend);
      trend = beta * (level - previous) + (1 - beta) * trend;
      season[s] = gamma * (y[t] - level) + (1 - gamma) * season[s];
    }
    error[0] = sse;
    double[] ahead = new double[m];
    for (int i = 0; i < m; i++) {
      ahead[i] = season[(y.length + i) % m];
    }
    return new HoltWinters(m, alpha, beta, gamma, level, trend, ahead);
  }

  private static double mean(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum / (to - from);
  }

  /** The next {@code horizon} values after the series it was fitted on. */
  public double[] forecast(int horizon) {
    double[] out = new double[horizon];
    for (int h = 1; h <= horizon; h++) {
      out[h - 1] = level + h * trend + season[(h - 1) % period];
    }
    return out;
  }

  public double alpha() {
    return alpha;
  }

  public double beta() {
    return beta;
  }

  public double gamma() {
    return gamma;
  }
}
