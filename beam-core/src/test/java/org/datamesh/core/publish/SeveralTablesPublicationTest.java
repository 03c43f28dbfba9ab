package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.support.DuckDb;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product of several tables: each table's rows and failures in its own folders, one manifest
 * with each table's files and balanced counts, committed for all tables at once.
 */
@ExtendWith(TestPipelineExtension.class)
class SeveralTablesPublicationTest {

  static final DataProduct SALES = DataProduct.of("sales", "orders", "1.0.0");
  static final Schema ORDERS = Schema.builder().addStringField("order_id").addInt64Field("amount").build();
  static final Schema LINES =
      Schema.builder().addStringField("order_id").addInt32Field("line_no").addStringField("sku").build();

  @TempDir Path out;

  private static ProductRecords orders(Pipeline p, String prefix, long... amounts) {
    Row[] rows = new Row[amounts.length];
    for (int i = 0; i < amounts.length; i++) {
      rows[i] = Row.withSchema(ORDERS).addValues(prefix + i, amounts[i]).build();
    }
    PCollection<Row> published = p.apply("Orders", Create.of(List.of(rows)).withRowSchema(ORDERS));
    PCollection<Failure> failures = p.apply("OrderFailures", Create.of(failure("amount.range")));
    PCollection<Row> duplicates = p.apply("OrderDuplicates", Create.empty(ORDERS));
    return ProductRecords.of(
            p.apply("OrdersIn", Create.of((long) amounts.length + 1)), published, failures, duplicates)
        .named("orders");
  }

  private static ProductRecords lines(Pipeline p) {
    PCollection<Row> published =
        p.apply(
            "Lines",
            Create.of(
                    Row.withSchema(LINES).addValues("o0", 1, "apple").build(),
                    Row.withSchema(LINES).addValues("o0", 2, "pear").build(),
                    Row.withSchema(LINES).addValues("o1", 1, "fig").build())
                .withRowSchema(LINES));
    PCollection<Failure> failures = p.apply("LineFailures", Create.empty(failureCoder(p)));
    PCollection<Row> duplicates =
        p.apply(
            "LineDuplicates",
            Create.of(Row.withSchema(LINES).addValues("o0", 1, "apple").build()).withRowSchema(LINES));
    return ProductRecords.of(p.apply("LinesIn", Create.of(4L)), published, failures, duplicates)
        .named("order_lines");
  }

  private static org.apache.beam.sdk.coders.Coder<Failure> failureCoder(Pipeline p) {
    try {
      return p.getCoderRegistry().getCoder(Failure.class);
    } catch (org.apache.beam.sdk.coders.CannotProvideCoderException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Failure failure(String ruleId) {
    return Failure.builder(Stage.VALIDATE, SALES.id())
        .setViolations(List.of(Violation.error(ruleId, "amount", "amount must be positive")))
        .setSource(SourcePosition.fileRecord("orders.csv", 9, 10))
        .setRawPayload("o9,-1")
        .build();
  }

  @Test
  void publishesEveryTableUnderOneManifest(TestPipeline pipeline) throws Exception {
    ProductRecords.ofTables(orders(pipeline, "o", 10, 20), lines(pipeline))
        .apply(PublishDataProduct.of(SALES).to(out.toString()).withRunId("run-1"));
    pipeline.run().waitUntilFinish();

    Path productDir = out.resolve("sales/orders");
    Manifest manifest = Manifest.read(productDir);
    assertThat(manifest.manifestVersion(), equalTo(2));
    assertThat(manifest.tables().stream().map(Manifest.Table::name).toList(), contains("orders", "order_lines"));
    assertThat(manifest.table("orders").counts(), equalTo(new Manifest.Counts(3, 2, 1, 0)));
    assertThat(manifest.table("order_lines").counts(), equalTo(new Manifest.Counts(4, 3, 0, 1)));
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(7, 5, 1, 1)));
    assertThat(manifest.quality().failuresByRule(), equalTo(Map.of("amount.range", 1L)));
    assertThat(manifest.table("order_lines").quality().failuresByRule(), equalTo(Map.of()));
    assertThat(manifest.table("orders").files(), everyItem(startsWith("runs/run-1/orders/part-")));
    assertThat(
        manifest.table("order_lines").files(), everyItem(startsWith("runs/run-1/order_lines/part-")));
    assertThat(
        manifest.table("order_lines").quarantineFiles(),
        everyItem(startsWith("quarantine/run-1/order_lines/part-")));
    assertThat(
        manifest.table("order_lines").schema().stream().map(Manifest.Column::name).toList(),
        contains("order_id", "line_no", "sku"));

    assertThat(
        DuckDb.query(
            "SELECT string_agg(sku, ',' ORDER BY order_id, line_no) AS skus FROM "
                + DuckDb.parquet(productDir, manifest.table("order_lines").files())),
        equalTo(List.of(Map.of("skus", "apple,pear,fig"))));
    assertThat(
        DuckDb.query(
            "SELECT CAST(sum(amount) AS BIGINT) AS total FROM "
                + DuckDb.parquet(productDir, manifest.table("orders").files())),
        equalTo(List.of(Map.of("total", 30L))));
  }

  @Test
  void aSecondRunReplacesEveryTableAtOnce(TestPipeline pipeline) throws Exception {
    Pipeline first = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    ProductRecords.ofTables(orders(first, "o", 10), lines(first))
        .apply(PublishDataProduct.of(SALES).to(out.toString()).withRunId("run-1"));
    first.run().waitUntilFinish();

    ProductRecords.ofTables(orders(pipeline, "n", 1, 2, 3), lines(pipeline))
        .apply(PublishDataProduct.of(SALES).to(out.toString()).withRunId("run-2"));
    pipeline.run().waitUntilFinish();

    Manifest manifest = Manifest.read(out.resolve("sales/orders"));
    assertThat(manifest.runId(), equalTo("run-2"));
    for (String file : manifest.files()) {
      assertThat(file, startsWith("runs/run-2/"));
      assertThat(Files.isRegularFile(out.resolve("sales/orders").resolve(file)), is(true));
    }
    assertThat(manifest.table("orders").counts().published(), equalTo(3L));
  }

  @Test
  void tablesMustBeNamedAndDistinct(TestPipeline pipeline) {
    pipeline.enableAbandonedNodeEnforcement(false);
    ProductRecords unnamed =
        ProductRecords.of(
            pipeline.apply("In", Create.of(1L)),
            pipeline.apply("Rows", Create.empty(ORDERS)),
            pipeline.apply("Failures", Create.empty(failureCoder(pipeline))),
            pipeline.apply("Duplicates", Create.empty(ORDERS)));

    IllegalArgumentException noName =
        assertThrows(
            IllegalArgumentException.class,
            () -> ProductRecords.ofTables(unnamed, unnamed.named("orders")));
    assertThat(noName.getMessage(), containsString("named"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ProductRecords.ofTables(unnamed.named("orders"), unnamed.named("orders")));
    assertThrows(IllegalArgumentException.class, () -> unnamed.named("../x"));
    assertThrows(
        IllegalStateException.class,
        () -> ProductRecords.ofTables(unnamed.named("a"), unnamed.named("b")).published());
  }
}
