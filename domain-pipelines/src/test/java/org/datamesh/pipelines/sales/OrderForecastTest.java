package org.datamesh.pipelines.sales;

import static org.datamesh.pipelines.sales.SalesRows.line;
import static org.datamesh.pipelines.sales.SalesRows.order;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The forecast product on three weeks from Monday 2026-01-05: PRD-000A sells 10 + weekday units
 * (Monday 0), a pure weekly season; PRD-000B sells 5 + t units on day t, a pure trend. Both are
 * forecast exactly; the naive forecast is exact for A and 7 units short every day for B.
 */
@ExtendWith(TestPipelineExtension.class)
class OrderForecastTest {

  static PCollectionRowTuple inputs(Pipeline pipeline) {
    List<Row> orders = new ArrayList<>();
    List<Row> lines = new ArrayList<>();
    Instant monday = Instant.parse("2026-01-05T10:00:00Z");
    for (int t = 0; t < 21; t++) {
      String ts = monday.plusSeconds(86_400L * t).toString();
      int a = 10 + t % 7;
      // A's day is split over two orders; B also has a cancelled order every day.
      orders.add(order(id(t, 1), ts, "PAID"));
      lines.add(line(id(t, 1), 1, "PRD-000A", a - 4));
      orders.add(order(id(t, 2), ts, "DELIVERED"));
      lines.add(line(id(t, 2), 1, "PRD-000A", 4));
      lines.add(line(id(t, 2), 2, "PRD-000B", 5 + t));
      orders.add(order(id(t, 3), ts, "CANCELLED"));
      lines.add(line(id(t, 3), 1, "PRD-000B", 100));
    }
    return PCollectionRowTuple.of(
            "sales/orders/orders",
            pipeline.apply("Orders", Create.of(orders).withRowSchema(SalesRows.ORDERS)))
        .and(
            "sales/orders/order_lines",
            pipeline.apply("Lines", Create.of(lines).withRowSchema(SalesRows.LINES)));
  }

  private static String id(int day, int n) {
    return String.format(Locale.ROOT, "ORD-%04d%02d", day, n);
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

  @Test
  void forecastsTheNextWeekAndBacktestsTheLastOne(TestPipeline pipeline) {
    OrderForecast product = OrderForecast.create();
    PCollectionRowTuple tables = inputs(pipeline).apply(product.transform());

    PCollection<Row> forecast = tables.get("forecast");
    assertThat(
        forecast.getSchema(), equalTo(product.contract().table("forecast").publishedSchema()));
    assertThat(
        tables.get("backtest").getSchema(),
        equalTo(product.contract().table("backtest").publishedSchema()));
    assertThat(
        tables.get("accuracy").getSchema(),
        equalTo(product.contract().table("accuracy").publishedSchema()));
    List<String> expectedForecast = new ArrayList<>();
    List<String> expectedBacktest = new ArrayList<>();
    double naiveB = 0;
    for (int h = 0; h < 7; h++) {
      LocalDate day = LocalDate.of(2026, 1, 26).plusDays(h);
      expectedForecast.add(String.format(Locale.ROOT, "PRD-000A|%s|%.6f", day, 10.0 + h));
      expectedForecast.add(String.format(Locale.ROOT, "PRD-000B|%s|%.6f", day, 26.0 + h));
      expectedBacktest.add(
          String.format(
              Locale.ROOT,
              "PRD-000A|2026-01-%02d|%.6f|%.6f|%.6f",
              19 + h,
              10.0 + h,
              10.0 + h,
              10.0 + h));
      expectedBacktest.add(
          String.format(
              Locale.ROOT,
              "PRD-000B|2026-01-%02d|%.6f|%.6f|%.6f",
              19 + h,
              19.0 + h,
              19.0 + h,
              12.0 + h));
      naiveB += 100.0 / 7 * 7 / (19 + h);
    }
    String naiveBMape = String.format(Locale.ROOT, "%.6f", naiveB);
    PAssert.that(forecast)
        .satisfies(
            rows -> {
              assertThat(summary(rows), containsInAnyOrder(expectedForecast.toArray()));
              return null;
            });
    PAssert.that(tables.get("backtest"))
        .satisfies(
            rows -> {
              assertThat(summary(rows), containsInAnyOrder(expectedBacktest.toArray()));
              return null;
            });
    // ALL pools the errors: B's naive is 7 short on 7 days, 49 of the 91 + 154 units sold.
    PAssert.that(tables.get("accuracy"))
        .satisfies(
            rows -> {
              assertThat(
                  summary(rows),
                  containsInAnyOrder(
                      "PRD-000A|0.000000|0.000000",
                      "PRD-000B|0.000000|" + naiveBMape,
                      "ALL|0.000000|20.000000"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
