package org.datamesh.pipelines.sales;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One product's daily demand: {@code demand.get(i)} units on {@code firstDay + i} (UTC days), zero
 * on days without sales.
 *
 * <pre>{@code
 * DemandSeries s = new DemandSeries("PRD-0001", LocalDate.of(2026, 1, 5), List.of(3L, 0L, 5L));
 * s.lastDay();   // 2026-01-07
 * s.values();    // {3.0, 0.0, 5.0}
 * }</pre>
 */
public record DemandSeries(String productId, LocalDate firstDay, List<Long> demand)
    implements Serializable {

  public DemandSeries {
    demand = List.copyOf(demand);
  }

  /** The last day of the series. */
  public LocalDate lastDay() {
    return firstDay.plusDays(demand.size() - 1L);
  }

  /** The number of days. */
  public int length() {
    return demand.size();
  }

  /** The demand as doubles, for the models. */
  public double[] values() {
    double[] out = new double[demand.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = demand.get(i);
    }
    return out;
  }
}
