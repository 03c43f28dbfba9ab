package org.datamesh.pipelines.sales;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

class DemandModelTest {

  @Test
  void clipsAFallingTrendAtZero() {
    double[] falling = new double[14];
    for (int t = 0; t < falling.length; t++) {
      falling[t] = 100 - 10 * t; // -40 .. -100 ahead
    }
    assertThat(DemandModel.forecast(falling, 7), equalTo(new double[7]));
  }

  @Test
  void repeatsTheLastWeekWithLessThanTwoWeeks() {
    double[] tenDays = {9, 9, 9, 1, 2, 3, 4, 5, 6, 7};
    assertThat(DemandModel.forecast(tenDays, 7), equalTo(new double[] {1, 2, 3, 4, 5, 6, 7}));
  }

  @Test
  void usesTheMeanWithLessThanAWeek() {
    assertThat(DemandModel.forecast(new double[] {1, 2, 6}, 3), equalTo(new double[] {3, 3, 3}));
    assertThat(DemandModel.forecast(new double[0], 2), equalTo(new double[] {0, 0}));
  }

  @Test
  void backtestsFromTwoWeeks() {
    assertThat(DemandModel.canBacktest(13), is(false));
    assertThat(DemandModel.canBacktest(14), is(true));
  }
}
