package org.datamesh.pipelines.orders;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole orders pipeline, files in and Parquet out, on the Direct runner (immutability and
 * encodability enforcement on, as in every test) and on the embedded Flink runner; DuckDB reads
 * what was published.
 */
class OrdersProductIT {

  @TempDir Path input;
  @TempDir Path output;

  private static PipelineOptions options(String runner) {
    String[] args =
        runner.equals("FlinkRunner")
            ? new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"}
            : new String[] {"--runner=DirectRunner", "--targetParallelism=2"};
    return PipelineOptionsFactory.fromArgs(args).withValidation().create();
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"DirectRunner", "FlinkRunner"})
  void publishesTheSameBalancedProductOnEveryRunner(String runner) throws Exception {
    Path file = OrdersInput.copyTo(input);
    Pipeline pipeline = Pipeline.create(options(runner));
    OrdersPipeline.addTo(pipeline, file.toString(), output.toString(), "it-run");
    assertThat(pipeline.run().waitUntilFinish(), is(PipelineResult.State.DONE));

    Path productDir = output.resolve("sales/orders");
    Manifest manifest = Manifest.read(productDir);
    assertThat(manifest.product(), equalTo("sales.orders"));
    assertThat(manifest.version(), equalTo("1.0.0"));
    assertThat(manifest.runId(), equalTo("it-run"));
    assertThat(
        manifest.counts(),
        equalTo(
            new Manifest.Counts(
                OrdersInput.INPUT,
                OrdersInput.PUBLISHED,
                OrdersInput.QUARANTINED,
                OrdersInput.DEDUPLICATED)));
    assertThat(manifest.counts().balances(), is(true));
    assertThat(manifest.quality().failuresByRule(), equalTo(OrdersInput.FAILURES_BY_RULE));
    assertThat(manifest.quality().warningsByRule(), equalTo(OrdersInput.WARNINGS_BY_RULE));
    assertThat(
        manifest.quality().failuresByStage(),
        equalTo(Map.of("PARSE", 5L, "VALIDATE", 4L, "STANDARDIZE", 2L)));
    assertThat(manifest.files(), not(empty()));
    assertThat(manifest.files(), everyItem(startsWith("runs/it-run/")));

    String data = DuckDb.parquet(productDir, manifest.files());
    assertThat(
        DuckDb.columnTypes(data),
        equalTo(
            Map.of(
                "order_id", "VARCHAR",
                "customer_id", "VARCHAR",
                "order_ts", "TIMESTAMP WITH TIME ZONE",
                "updated_at", "TIMESTAMP WITH TIME ZONE",
                "amount", "DECIMAL(18,4)",
                "currency", "VARCHAR",
                "status", "VARCHAR",
                "quantity", "INTEGER")));
    List<Map<String, Object>> rows =
        DuckDb.query(
            "SELECT order_id, customer_id, strftime(order_ts AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S')"
                + " AS order_ts, amount, currency, status FROM " + data + " ORDER BY order_id");
    assertThat(rows.size(), is((int) OrdersInput.PUBLISHED));
    assertThat(
        rows.stream().map(r -> r.get("order_id")).toList(),
        equalTo(List.of("ORD-000001", "ORD-000002", "ORD-000003", "ORD-000010", "ORD-000011",
            "ORD-000013", "ORD-000016")));
    assertThat(rows.get(0).get("order_ts"), equalTo("2024-03-05T09:15:30"));
    assertThat(rows.get(1).get("amount"), equalTo(new BigDecimal("1000.0000")));
    assertThat(rows.get(1).get("currency"), equalTo("JPY"));
    assertThat(rows.get(2).get("amount"), equalTo(new BigDecimal("10.0000")));
    assertThat(rows.get(3).get("status"), equalTo("SHIPPED"));
    assertThat(rows.get(5).get("customer_id"), equalTo("C-13, Jr"));
    assertThat(rows.get(6).get("customer_id"), equalTo("C-16\r\nsecond line"));

    List<Map<String, Object>> byStage =
        DuckDb.query(
            "SELECT stage, count(*) AS n FROM "
                + DuckDb.parquet(productDir, manifest.quarantineFiles())
                + " GROUP BY stage ORDER BY stage");
    assertThat(
        byStage,
        equalTo(
            List.of(
                Map.of("stage", "PARSE", "n", 5L),
                Map.of("stage", "STANDARDIZE", "n", 2L),
                Map.of("stage", "VALIDATE", "n", 4L))));
  }
}
