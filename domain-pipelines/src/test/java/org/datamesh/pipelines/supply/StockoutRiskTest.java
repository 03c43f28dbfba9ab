package org.datamesh.pipelines.supply;

import static org.datamesh.pipelines.supply.SupplyRows.shipment;
import static org.datamesh.pipelines.supply.SupplyRows.stock;
import static org.datamesh.pipelines.supply.SupplyRows.weather;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.testing.TestPipelineExtension;
import org.datamesh.pipelines.sales.OrderForecast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stock-out risk of five warehouse/product pairs on the snapshot of 2026-06-28, the week being
 * 2026-06-29 .. 2026-07-05. Lane delays: ROAD-PL 0, SEA-ROTTERDAM (4 + 2) / 2 = 3, AIR-CN 0 (its
 * early delivery counts as 0).
 */
@ExtendWith(TestPipelineExtension.class)
class StockoutRiskTest {

  static final Schema FORECAST =
      OrderForecast.create().contract().table("forecast").publishedSchema();

  private static List<Row> forecast(String product, double... days) {
    List<Row> rows = new ArrayList<>();
    for (int h = 0; h < days.length; h++) {
      rows.add(
          Row.withSchema(FORECAST)
              .addValues(product, SupplyRows.SNAPSHOT.plusDays(h + 1L), days[h])
              .build());
    }
    return rows;
  }

  /** The inputs: six inventory rows, three forecast products, nine shipments, six weather rows. */
  static PCollectionRowTuple inputs(Pipeline pipeline) {
    List<Row> inventory =
        List.of(
            stock("WH-01", "north", "PRD-0001", 33, 20),
            stock("WH-02", "south", "PRD-0001", 130, 20),
            stock("WH-03", "east", "PRD-0002", 20, 40),
            stock("WH-04", "west", "PRD-0003", 5, 0),
            stock("WH-01", "north", "PRD-0004", 70, 0),
            stock("WH-02", "south", "PRD-0004", 35, 0));
    List<Row> forecast = new ArrayList<>();
    forecast.addAll(forecast("PRD-0001", 14, 14, 14, 14, 14, 14, 14)); // 14 a day
    forecast.addAll(forecast("PRD-0002", 1, 2, 3, 4, 5, 6, 7)); // 4 a day
    forecast.addAll(forecast("PRD-0004", 7, 7, 7, 7, 7, 7, 7)); // 7 a day, never shipped
    List<Row> shipments =
        List.of(
            // Delivered: PRD-0001 went 30 to WH-01 and 150 to WH-02 (shares 1/6, 5/6).
            shipment("SHP-000001", "PRD-0001", "WH-01", "ROAD-PL", 30, "2026-06-01", "2026-06-01"),
            shipment(
                "SHP-000002", "PRD-0001", "WH-02", "SEA-ROTTERDAM", 90, "2026-06-01", "2026-06-05"),
            shipment(
                "SHP-000003", "PRD-0001", "WH-02", "SEA-ROTTERDAM", 60, "2026-06-10", "2026-06-12"),
            shipment("SHP-000004", "PRD-0002", "WH-03", "AIR-CN", 10, "2026-06-20", "2026-06-19"),
            // In transit.
            shipment("SHP-000005", "PRD-0001", "WH-02", "SEA-ROTTERDAM", 40, "2026-07-02", null),
            // Due 07-03, but the lane's 3 days push it past the week.
            shipment("SHP-000006", "PRD-0001", "WH-02", "SEA-ROTTERDAM", 25, "2026-07-03", null),
            shipment("SHP-000007", "PRD-0002", "WH-03", "AIR-CN", 8, "2026-07-01", null),
            shipment(
                "SHP-000008", "PRD-0001", "WH-01", "ROAD-PL", 5, "2026-06-25", null), // overdue
            // No inventory row for the pair, but the sea lane serves WH-01 too.
            shipment("SHP-000009", "PRD-0009", "WH-01", "SEA-ROTTERDAM", 12, "2026-07-01", null));
    List<Row> weather =
        List.of(
            weather("2026-06-20", "north", "observed", true), // the past
            weather("2026-06-30", "north", "forecast", true),
            weather("2026-07-01", "north", "forecast", true),
            weather("2026-07-02", "north", "forecast", false),
            weather("2026-07-06", "north", "forecast", true), // after the week
            weather("2026-07-03", "east", "forecast", true));
    return PCollectionRowTuple.of(
            "supply/inventory/inventory",
            pipeline.apply("Inventory", Create.of(inventory).withRowSchema(SupplyRows.INVENTORY)))
        .and(
            "sales/order-forecast/forecast",
            pipeline.apply("Forecast", Create.of(forecast).withRowSchema(FORECAST)))
        .and(
            "supply/shipments/shipments",
            pipeline.apply("Shipments", Create.of(shipments).withRowSchema(SupplyRows.SHIPMENTS)))
        .and(
            "supply/weather/weather",
            pipeline.apply("Weather", Create.of(weather).withRowSchema(SupplyRows.WEATHER)));
  }

  /** The rows expected from {@link #inputs}, doubles to 6 decimals. */
  static final List<String> EXPECTED =
      List.of(
          // 38 / (14/6) = 16.29 days; lanes (0 + 3) / 2, 2 stormy days: 16.29 < 14 + 3.5 is
          // medium, where calm weather would have made it low.
          "WH-01|PRD-0001|north|33|2.333333|5|1.500000|2|16.285714|medium",
          // SHP-000005 arrives 07-05, SHP-000006 07-06; 170 / (14*5/6) = 14.57 < 14 + 3 is medium
          // for the late sea lane.
          "WH-02|PRD-0001|south|130|11.666667|40|3.000000|0|14.571429|medium",
          // 28 / 4 = 7 < 7 + 1 severe day: high.
          "WH-03|PRD-0002|east|20|4.000000|8|0.000000|1|7.000000|high",
          // No forecast: no demand.
          "WH-04|PRD-0003|west|5|0.000000|0|0.000000|0|999.000000|low",
          // Never shipped: equal shares of 7 a day.
          "WH-01|PRD-0004|north|70|3.500000|0|1.500000|2|20.000000|low",
          "WH-02|PRD-0004|south|35|3.500000|0|3.000000|0|10.000000|medium");

  @Test
  void coversDemandWithStockAndDueShipmentsRaisedByDelayAndWeather(TestPipeline pipeline) {
    PCollectionRowTuple inputs = inputs(pipeline);
    StockoutRisk product = StockoutRisk.create();
    PCollection<Row> risk = inputs.apply(product.transform()).get("stockout_risk");

    assertThat(
        risk.getSchema(), equalTo(product.contract().table("stockout_risk").publishedSchema()));
    PAssert.that(risk)
        .satisfies(
            rows -> {
              assertThat(summary(rows), containsInAnyOrder(EXPECTED.toArray()));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  static List<String> summary(Iterable<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < r.getFieldCount(); i++) {
        Object v = r.getValue(i);
        s.append(i == 0 ? "" : "|")
            .append(v instanceof Double d ? String.format(Locale.ROOT, "%.6f", d) : v);
      }
      out.add(s.toString());
    }
    return out;
  }
}
