package org.datamesh.pipelines.sales;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MapeTest {

  private static final double[] ACTUAL = {10, 0, 20, 40};
  private static final double[] FORECAST = {12, 3, 15, 40};

  @Test
  void averagesThePercentageErrorsOfDaysWithDemand() {
    // (2/10 + 5/20 + 0/40) / 3, the day without demand left out.
    assertThat(Mape.of(ACTUAL, FORECAST).getAsDouble(), closeTo(15.0, 1e-12));
  }

  @Test
  void poolsTheErrorsOverTheDemand() {
    // (2 + 5 + 0) / (10 + 20 + 40)
    assertThat(Mape.pooled(ACTUAL, FORECAST).getAsDouble(), closeTo(10.0, 1e-12));
  }

  @Test
  void isUndefinedWithoutDemand() {
    assertThat(Mape.of(new double[] {0, 0}, new double[] {1, 2}).isPresent(), is(false));
    assertThat(Mape.pooled(new double[] {0, 0}, new double[] {1, 2}).isPresent(), is(false));
  }

  @Test
  void refusesSeriesOfDifferentLengths() {
    assertThrows(IllegalArgumentException.class, () -> Mape.of(new double[2], new double[3]));
  }
}
