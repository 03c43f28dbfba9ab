package org.datamesh.pipelines.supply;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeSet;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/** One inventory row and its shipments become its stock-out risk row (see {@link StockoutRisk}). */
final class AssessRisk extends DoFn<KV<KV<String, String>, CoGbkResult>, Row> {

  private final Schema schema;
  private final TupleTag<Row> stock;
  private final TupleTag<Row> shipped;
  private final PCollectionView<Map<String, Double>> demand;
  private final PCollectionView<Map<String, Long>> delivered;
  private final PCollectionView<Map<String, Long>> stocking;
  private final PCollectionView<Map<String, Double>> lanes;
  private final PCollectionView<Map<String, Iterable<String>>> warehouseLanes;
  private final PCollectionView<Map<String, Iterable<Long>>> severe;

  AssessRisk(
      Schema schema,
      TupleTag<Row> stock,
      TupleTag<Row> shipped,
      PCollectionView<Map<String, Double>> demand,
      PCollectionView<Map<String, Long>> delivered,
      PCollectionView<Map<String, Long>> stocking,
      PCollectionView<Map<String, Double>> lanes,
      PCollectionView<Map<String, Iterable<String>>> warehouseLanes,
      PCollectionView<Map<String, Iterable<Long>>> severe) {
    this.schema = schema;
    this.stock = stock;
    this.shipped = shipped;
    this.demand = demand;
    this.delivered = delivered;
    this.stocking = stocking;
    this.lanes = lanes;
    this.warehouseLanes = warehouseLanes;
    this.severe = severe;
  }

  @ProcessElement
  public void process(ProcessContext c) {
    String warehouse = c.element().getKey().getKey();
    String product = c.element().getKey().getValue();
    Iterable<Row> shipments = c.element().getValue().getAll(shipped);
    Map<String, Double> laneDelay = c.sideInput(lanes);
    for (Row inventory : c.element().getValue().getAll(stock)) {
      LocalDate snapshot = RiskInputs.date(inventory, "snapshot_date");
      long weekEnd = snapshot.toEpochDay() + RiskRule.WEEK;
      long deliveredHere = 0;
      long inbound = 0;
      for (Row s : shipments) {
        if (s.getValue("delivered_date") != null) {
          deliveredHere += RiskInputs.quantity(s);
        } else {
          long arrival =
              RiskInputs.date(s, "expected_date").toEpochDay()
                  + (long) Math.ceil(laneDelay.getOrDefault(s.getString("lane"), 0.0));
          if (arrival <= weekEnd) {
            inbound += RiskInputs.quantity(s);
          }
        }
      }
      long deliveredAll = c.sideInput(delivered).getOrDefault(product, 0L);
      double share =
          deliveredAll > 0
              ? (double) deliveredHere / deliveredAll
              : 1.0 / c.sideInput(stocking).getOrDefault(product, 1L);
      double dailyDemand = c.sideInput(demand).getOrDefault(product, 0.0) * share;
      double delay = meanDelay(c.sideInput(warehouseLanes).get(warehouse), laneDelay);
      String region = inventory.getString("region");
      int severeDays = severeDays(c.sideInput(severe).get(region), snapshot.toEpochDay(), weekEnd);
      int onHand = inventory.<Number>getValue("on_hand").intValue();
      int reorderPoint = inventory.<Number>getValue("reorder_point").intValue();
      int inboundUnits = Math.toIntExact(inbound);
      double cover = RiskRule.daysOfCover(onHand, inboundUnits, dailyDemand);
      String risk = RiskRule.risk(cover, delay, severeDays, onHand, reorderPoint);
      c.output(
          Row.withSchema(schema)
              .addValues(
                  warehouse,
                  product,
                  region,
                  onHand,
                  dailyDemand,
                  inboundUnits,
                  delay,
                  severeDays,
                  cover,
                  risk)
              .build());
    }
  }

  /** The mean of the lanes' delays, in lane order so the sum is the same on every runner. */
  private static double meanDelay(Iterable<String> lanesHere, Map<String, Double> laneDelay) {
    if (lanesHere == null) {
      return 0;
    }
    TreeSet<String> sorted = new TreeSet<>();
    lanesHere.forEach(sorted::add);
    if (sorted.isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (String lane : sorted) {
      sum += laneDelay.getOrDefault(lane, 0.0);
    }
    return sum / sorted.size();
  }

  /** Distinct severe days after the snapshot, up to the end of the week. */
  private static int severeDays(Iterable<Long> days, long snapshot, long weekEnd) {
    if (days == null) {
      return 0;
    }
    TreeSet<Long> within = new TreeSet<>();
    for (long day : days) {
      if (day > snapshot && day <= weekEnd) {
        within.add(day);
      }
    }
    return within.size();
  }
}
