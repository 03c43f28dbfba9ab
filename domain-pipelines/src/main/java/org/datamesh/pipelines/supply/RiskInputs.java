package org.datamesh.pipelines.supply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The small per-product, per-lane and per-region facts the risk of each inventory row needs, as
 * side inputs. Sums of doubles are taken in a fixed order, so values never depend on the runner.
 */
final class RiskInputs {

  private RiskInputs() {}

  /** Product to its forecast over the week divided by 7 (forecast rows summed by day). */
  static PCollectionView<Map<String, Double>> dailyForecast(PCollection<Row> forecast) {
    return forecast
        .apply(
            "ForecastByProduct",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.strings(),
                        TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptors.doubles())))
                .via(
                    r ->
                        KV.of(
                            r.getString("product_id"),
                            KV.of(date(r, "day").toEpochDay(), r.getDouble("forecast")))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), DoubleCoder.of())))
        .apply("GroupForecast", GroupByKey.create())
        .apply(
            "WeekOverSeven",
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.doubles()))
                .via(kv -> KV.of(kv.getKey(), sumByDay(kv.getValue()) / RiskRule.WEEK)))
        .apply("DailyForecastView", View.asMap());
  }

  /** Product to the quantity of its delivered shipments, to any warehouse. */
  static PCollectionView<Map<String, Long>> deliveredByProduct(PCollection<Row> shipments) {
    return delivered(shipments, "Delivered")
        .apply(
            "DeliveredQuantity",
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via(r -> KV.of(r.getString("product_id"), quantity(r))))
        .apply("SumDelivered", Sum.longsPerKey())
        .apply("DeliveredView", View.asMap());
  }

  /** Product to the number of inventory rows (warehouses) listing it. */
  static PCollectionView<Map<String, Long>> stockingWarehouses(PCollection<Row> inventory) {
    return inventory
        .apply(
            "StockedProduct",
            MapElements.into(TypeDescriptors.strings()).via(r -> r.getString("product_id")))
        .apply("CountWarehouses", Count.perElement())
        .apply("StockingView", View.asMap());
  }

  /** Lane to the mean of max(0, delivered_date - expected_date) over its delivered shipments. */
  static PCollectionView<Map<String, Double>> laneDelays(PCollection<Row> shipments) {
    return delivered(shipments, "DeliveredForLanes")
        .apply(
            "Delay",
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via(
                    r ->
                        KV.of(
                            r.getString("lane"),
                            Math.max(
                                0,
                                date(r, "delivered_date").toEpochDay()
                                    - date(r, "expected_date").toEpochDay()))))
        .apply("GroupDelays", GroupByKey.create())
        .apply(
            "MeanDelay",
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.doubles()))
                .via(kv -> KV.of(kv.getKey(), mean(kv.getValue()))))
        .apply("LaneDelayView", View.asMap());
  }

  /** Warehouse to the distinct lanes with any shipment to it. */
  static PCollectionView<Map<String, Iterable<String>>> warehouseLanes(PCollection<Row> shipments) {
    return shipments
        .apply(
            "WarehouseLane",
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                .via(r -> KV.of(r.getString("warehouse_id"), r.getString("lane"))))
        .apply("DistinctLanes", Distinct.create())
        .apply("LanesView", View.asMultimap());
  }

  /** Region to the epoch days forecast severe there. */
  static PCollectionView<Map<String, Iterable<Long>>> severeDays(PCollection<Row> weather) {
    return weather
        .apply(
            "SevereForecasts",
            Filter.by(
                r ->
                    "forecast".equals(r.getString("kind"))
                        && Boolean.TRUE.equals(r.getBoolean("severe"))))
        .apply(
            "RegionDay",
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via(r -> KV.of(r.getString("region"), date(r, "day").toEpochDay())))
        .apply("DistinctSevereDays", Distinct.create())
        .apply("SevereView", View.asMultimap());
  }

  static LocalDate date(Row row, String field) {
    return row.getLogicalTypeValue(field, LocalDate.class);
  }

  static long quantity(Row shipment) {
    Number quantity = shipment.getValue("quantity");
    return quantity.longValue();
  }

  private static PCollection<Row> delivered(PCollection<Row> shipments, String name) {
    return shipments.apply(name, Filter.by(r -> r.getValue("delivered_date") != null));
  }

  private static double sumByDay(Iterable<KV<Long, Double>> days) {
    List<KV<Long, Double>> sorted = new ArrayList<>();
    days.forEach(sorted::add);
    sorted.sort((a, b) -> Long.compare(a.getKey(), b.getKey()));
    double sum = 0;
    for (KV<Long, Double> day : sorted) {
      sum += day.getValue();
    }
    return sum;
  }

  private static double mean(Iterable<Long> values) {
    long sum = 0;
    long count = 0;
    for (long v : values) {
      sum += v;
      count++;
    }
    return (double) sum / count;
  }
}
