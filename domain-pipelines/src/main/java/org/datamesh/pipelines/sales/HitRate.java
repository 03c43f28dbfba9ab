package org.datamesh.pipelines.sales;

import java.io.Serializable;

/**
 * Hit-rate tallies over backtest rows: rows, hits of each list, and customers. Tallies add up, so
 * they combine per customer first and then globally, and no step holds the set of customers.
 *
 * <pre>{@code
 * HitRate one = HitRate.of(true, false);        // a row the model hit and popular missed
 * HitRate all = one.plus(HitRate.of(false, false)).asOneCustomer();
 * all.modelRate();                               // 0.5
 * }</pre>
 */
record HitRate(long rows, long modelHits, long popularHits, long customers)
    implements Serializable {

  static final HitRate NONE = new HitRate(0, 0, 0, 0);

  /** One backtest row. */
  static HitRate of(boolean modelHit, boolean popularHit) {
    return new HitRate(1, modelHit ? 1 : 0, popularHit ? 1 : 0, 0);
  }

  HitRate plus(HitRate other) {
    return new HitRate(
        rows + other.rows,
        modelHits + other.modelHits,
        popularHits + other.popularHits,
        customers + other.customers);
  }

  /** The same rows, counted as one customer's. */
  HitRate asOneCustomer() {
    return new HitRate(rows, modelHits, popularHits, 1);
  }

  static HitRate sum(Iterable<HitRate> rates) {
    HitRate total = NONE;
    for (HitRate rate : rates) {
      total = total.plus(rate);
    }
    return total;
  }

  /** Share of rows the model hit; 0 without rows. */
  double modelRate() {
    return rows == 0 ? 0.0 : (double) modelHits / rows;
  }

  /** Share of rows the popular list hit; 0 without rows. */
  double popularRate() {
    return rows == 0 ? 0.0 : (double) popularHits / rows;
  }
}
