package org.datamesh.pipelines.supply;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class RiskRuleTest {

  @Test
  void coverIsStockAndInboundOverDemandCapped() {
    assertThat(RiskRule.daysOfCover(40, 10, 5.0), closeTo(10.0, 1e-12));
    assertThat(RiskRule.daysOfCover(40, 0, 0.0), equalTo(999.0));
    assertThat(RiskRule.daysOfCover(100_000, 0, 1.0), equalTo(999.0));
  }

  @Test
  void aWeekOfCoverIsTheLineBetweenHighAndMedium() {
    assertThat(RiskRule.risk(6.99, 0, 0, 100, 0), equalTo("high"));
    assertThat(RiskRule.risk(7.0, 0, 0, 100, 0), equalTo("medium"));
    assertThat(RiskRule.risk(13.99, 0, 0, 100, 0), equalTo("medium"));
    assertThat(RiskRule.risk(14.0, 0, 0, 100, 0), equalTo("low"));
  }

  @Test
  void lateLanesAndSevereWeatherRaiseTheRisk() {
    assertThat(RiskRule.risk(8.0, 1.5, 0, 100, 0), equalTo("high"));
    assertThat(RiskRule.risk(8.0, 0, 2, 100, 0), equalTo("high"));
    assertThat(RiskRule.risk(15.0, 0.5, 1, 100, 0), equalTo("medium"));
  }

  @Test
  void stockBelowItsReorderPointIsAtLeastMedium() {
    assertThat(RiskRule.risk(30.0, 0, 0, 19, 20), equalTo("medium"));
    assertThat(RiskRule.risk(30.0, 0, 0, 20, 20), equalTo("low"));
  }
}
