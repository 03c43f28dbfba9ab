package org.datamesh.pipelines.sales;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HoltWintersTest {

  private static final double[] WEEK = {-3, -2, -1, 0, 1, 2, 3};

  @Test
  void reproducesALinePlusAWeeklySeasonExactly() {
    double[] series = new double[28];
    for (int t = 0; t < series.length; t++) {
      series[t] = 20 + 0.5 * t + WEEK[t % 7];
    }
    double[] ahead = HoltWinters.weekly().fit(series).forecast(7);
    for (int h = 0; h < 7; h++) {
      int t = 28 + h;
      assertThat(ahead[h], closeTo(20 + 0.5 * t + WEEK[t % 7], 1e-9));
    }
  }

  @Test
  void followsTheRecursionsByHand() {
    // Period 2: trend (4 - 2) / 2 = 1, level 2.5, season [-0.5, 0.5]; the first two updates
    // predict exactly, the 9 is 4 above its forecast of 5: level 7.5, trend 2, season [0.5, 0.5].
    HoltWinters model = HoltWinters.withPeriod(2).fit(new double[] {1, 3, 3, 5, 9}, 0.5, 0.5, 0.5);
    double[] ahead = model.forecast(2);
    assertThat(ahead[0], closeTo(10, 1e-12));
    assertThat(ahead[1], closeTo(12, 1e-12));
  }

  @Test
  void beatsTheNaiveForecastOnANoisySeasonalSeries() {
    Random random = new Random(20260629L);
    double[] series = new double[26 * 7];
    double[] weekend = {0, 0, 0, 0, 2, 8, 10};
    for (int t = 0; t < series.length; t++) {
      series[t] = Math.max(0, 30 + 0.05 * t + weekend[t % 7] + 4 * random.nextGaussian());
    }
    // One week is a small sample: compare over the last 10 weeks, each forecast from the days
    // before it (a rolling origin).
    double modelMape = 0;
    double naiveMape = 0;
    HoltWinters last = null;
    for (int weeks = 10; weeks >= 1; weeks--) {
      int split = series.length - 7 * weeks;
      double[] training = Arrays.copyOfRange(series, 0, split);
      double[] actual = Arrays.copyOfRange(series, split, split + 7);
      last = HoltWinters.weekly().fit(training);
      modelMape += Mape.of(actual, last.forecast(7)).getAsDouble();
      naiveMape += Mape.of(actual, NaiveForecast.weekly(training, 7)).getAsDouble();
    }
    assertThat(modelMape, lessThan(naiveMape));
    // Noise this strong is smoothed: the level's parameter stays small.
    assertThat(last.alpha(), lessThan(0.5));
  }

  @Test
  void refusesLessThanTwoSeasons() {
    assertThrows(IllegalArgumentException.class, () -> HoltWinters.weekly().fit(new double[13]));
  }
}
