package org.datamesh.pipelines.supply;

/**
 * How much a warehouse's stock of a product is at risk of running out within the week, from its
 * days of cover and what may slow its replenishment.
 *
 * <pre>{@code
 * RiskRule.daysOfCover(40, 10, 5.0);               // 10.0
 * RiskRule.risk(10.0, 0.0, 0, 20, 5);              // "medium": 10 < 14
 * RiskRule.risk(10.0, 2.0, 2, 20, 5);              // "high": 10 < 7 + 2 + 2
 * }</pre>
 *
 * <p>The pressure is {@code laneDelayDays + severeWeatherDays}: each day a lane is usually late and
 * each forecast day of severe weather is a day the stock must last longer. Risk is {@code high}
 * when the cover is shorter than the week plus the pressure, {@code medium} when it is shorter than
 * two weeks plus the pressure or the stock is below its reorder point, {@code low} otherwise.
 */
public final class RiskRule {

  public static final String HIGH = "high";
  public static final String MEDIUM = "medium";
  public static final String LOW = "low";

  /** The longest cover reported: stock without demand. */
  public static final double MAX_COVER = 999;

  /** The days the forecast and the risk look ahead. */
  public static final int WEEK = 7;

  private RiskRule() {}

  /** {@code (onHand + inbound) / dailyDemand}, capped at {@link #MAX_COVER}. */
  public static double daysOfCover(int onHand, int inbound, double dailyDemand) {
    if (dailyDemand <= 0) {
      return MAX_COVER;
    }
    return Math.min(MAX_COVER, (onHand + (double) inbound) / dailyDemand);
  }

  /** The risk level: {@link #HIGH}, {@link #MEDIUM} or {@link #LOW}. */
  public static String risk(
      double daysOfCover,
      double laneDelayDays,
      int severeWeatherDays,
      int onHand,
      int reorderPoint) {
    double pressure = laneDelayDays + severeWeatherDays;
    if (daysOfCover < WEEK + pressure) {
      return HIGH;
    }
    if (daysOfCover < 2 * WEEK + pressure || onHand < reorderPoint) {
      return MEDIUM;
    }
    return LOW;
  }
}
