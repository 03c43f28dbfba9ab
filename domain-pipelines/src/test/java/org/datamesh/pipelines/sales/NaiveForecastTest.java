package org.datamesh.pipelines.sales;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NaiveForecastTest {

  @Test
  void repeatsTheLastWeek() {
    double[] series = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    assertThat(NaiveForecast.weekly(series, 9), equalTo(new double[] {3, 4, 5, 6, 7, 8, 9, 3, 4}));
  }

  @Test
  void needsAWeek() {
    assertThrows(IllegalArgumentException.class, () -> NaiveForecast.weekly(new double[6], 7));
  }
}
