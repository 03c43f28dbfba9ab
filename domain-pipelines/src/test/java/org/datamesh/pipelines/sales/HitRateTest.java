package org.datamesh.pipelines.sales;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tallies add up per customer, then globally; rates are hits over rows. */
class HitRateTest {

  @Test
  void countsRowsHitsAndCustomers() {
    HitRate first = HitRate.sum(List.of(HitRate.of(true, false), HitRate.of(true, true)));
    HitRate second = HitRate.of(false, false);
    HitRate all = HitRate.sum(List.of(first.asOneCustomer(), second.asOneCustomer()));

    assertThat(all, equalTo(new HitRate(3, 2, 1, 2)));
    assertThat(all.modelRate(), closeTo(2.0 / 3, 1e-12));
    assertThat(all.popularRate(), closeTo(1.0 / 3, 1e-12));
  }

  @Test
  void noRowsMeansRatesOfZero() {
    HitRate none = HitRate.sum(List.of());
    assertThat(none, equalTo(HitRate.NONE));
    assertThat(none.modelRate(), equalTo(0.0));
    assertThat(none.popularRate(), equalTo(0.0));
  }
}
