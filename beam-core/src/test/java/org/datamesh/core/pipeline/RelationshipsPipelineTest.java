package org.datamesh.core.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler.BadRecordErrorHandler;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.FieldProtection;
import org.datamesh.core.protect.ProtectionStep;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.relate.Relationship;
import org.datamesh.core.relate.UnpublishedProductException;
import org.datamesh.core.support.DuckDb;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relationships in a product's run: orphans quarantined with the relationship's rule, referenced
 * tables as published (deduplicated, after their own relationships), counts balancing, tokenized
 * keys, a published product referenced through its manifest, and failures sent to Beam's error
 * handler as well.
 */
@ExtendWith(TestPipelineExtension.class)
class RelationshipsPipelineTest {

  static final DataProduct SALES = DataProduct.of("sales", "orders", "1.0.0");
  static final DataProduct CRM = DataProduct.of("crm", "customers", "1.0.0");
  static final Schema ORDERS =
      Schema.builder()
          .addNullableField("order_id", FieldType.STRING)
          .addNullableField("customer_id", FieldType.STRING)
          .addNullableField("amount", FieldType.INT64)
          .build();
  static final Schema LINES =
      Schema.builder()
          .addNullableField("order_id", FieldType.STRING)
          .addNullableField("line_no", FieldType.INT32)
          .addNullableField("sku", FieldType.STRING)
          .build();
  static final Schema CUSTOMERS =
      Schema.builder()
          .addNullableField("customer_id", FieldType.STRING)
          .addNullableField("name", FieldType.STRING)
          .build();

  static final Relationship LINES_TO_ORDERS =
      Relationship.from("order_lines", "order_id").to("orders", "order_id");

  @TempDir Path dir;

  private static ProductSpec orders(DataProduct product) {
    return ProductSpec.of(product).table("orders").readingFrom(RecordFormat.csv(ORDERS))
        .deduplicatedBy("order_id");
  }

  private static ProductSpec lines(DataProduct product) {
    return ProductSpec.of(product).table("order_lines").readingFrom(RecordFormat.csv(LINES))
        .deduplicatedBy("order_id", "line_no");
  }

  private static ProductSpec customers(DataProduct product) {
    return ProductSpec.of(product).table("customers").readingFrom(RecordFormat.csv(CUSTOMERS))
        .deduplicatedBy("customer_id");
  }

  private String file(String name, String... lines) throws IOException {
    Path path = dir.resolve("in").resolve(name);
    Files.createDirectories(path.getParent());
    Files.writeString(path, String.join("\n", lines) + "\n");
    return path.toString();
  }

  private String ordersFile() throws IOException {
    // O-2 twice (one kept), O-3 fails parsing: its line is an orphan of the published orders.
    return file(
        "orders.csv", "order_id,customer_id,amount", "O-1,C-1,10", "O-2,C-2,20", "O-2,C-2,25",
        "O-3,C-1,oops");
  }

  private String linesFile() throws IOException {
    return file(
        "lines.csv", "order_id,line_no,sku", "O-1,1,apple", "O-1,2,pear", "O-2,1,fig",
        "O-3,1,kiwi", "O-7,1,plum");
  }

  private Path out() {
    return dir.resolve("out");
  }

  private Manifest manifest(DataProduct product) throws IOException {
    return Manifest.read(out().resolve(product.domain()).resolve(product.name()));
  }

  @Test
  void orphanLinesAreQuarantinedAndEveryTableBalances(TestPipeline pipeline) throws Exception {
    pipeline.apply(
        DataProductPipeline.of(List.of(orders(SALES), lines(SALES)))
            .withRelationships(List.of(LINES_TO_ORDERS))
            .from("orders", ordersFile())
            .from("order_lines", linesFile())
            .to(out().toString())
            .withRunId("run-1"));
    pipeline.run().waitUntilFinish();

    Manifest manifest = manifest(SALES);
    assertThat(manifest.table("orders").counts(), equalTo(new Manifest.Counts(4, 2, 1, 1)));
    assertThat(manifest.table("order_lines").counts(), equalTo(new Manifest.Counts(5, 3, 2, 0)));
    assertThat(manifest.counts().balances(), is(true));
    assertThat(
        manifest.table("order_lines").quality().failuresByRule(),
        equalTo(Map.of("order_lines.order_id.relationship", 2L)));
    assertThat(
        manifest.table("order_lines").quality().failuresByStage(), equalTo(Map.of("VALIDATE", 2L)));
    Path product = out().resolve("sales/orders");
    List<String> orphans = new ArrayList<>();
    for (Map<String, Object> row :
        DuckDb.query(
            "SELECT raw_payload, reason FROM "
                + DuckDb.parquet(product, manifest.table("order_lines").quarantineFiles()))) {
      orphans.add(row.get("raw_payload").toString());
      assertThat(row.get("reason").toString(), containsString("must match orders.order_id"));
      assertThat(row.get("reason").toString(), org.hamcrest.Matchers.not(containsString("O-")));
    }
    assertThat(
        orphans,
        containsInAnyOrder(
            "{\"order_id\":\"O-3\",\"line_no\":1,\"sku\":\"kiwi\"}",
            "{\"order_id\":\"O-7\",\"line_no\":1,\"sku\":\"plum\"}"));
  }

  @Test
  void aTableIsCheckedAfterTheTablesItReferencesAndFailuresReachTheErrorHandler(
      TestPipeline pipeline) throws Exception {
    // Given in the "wrong" order: lines reference orders, which reference customers. O-2's
    // customer is missing, so O-2 is quarantined, and so is its line.
    String customers = file("customers.csv", "customer_id,name", "C-1,Ada");
    BadRecordErrorHandler<PCollection<BadRecord>> errors =
        pipeline.registerBadRecordErrorHandler(new Passed());
    pipeline.apply(
        DataProductPipeline.of(List.of(lines(SALES), orders(SALES), customers(SALES)))
            .withRelationships(
                List.of(
                    LINES_TO_ORDERS,
                    Relationship.from("orders", "customer_id").to("customers", "customer_id")))
            .withErrorHandler(errors)
            .from("orders", ordersFile())
            .from("order_lines", linesFile())
            .from("customers", customers)
            .to(out().toString())
            .withRunId("run-1"));
    errors.close();
    PAssert.that(
            errors.getOutput()
                .apply(
                    "Descriptions",
                    MapElements.into(TypeDescriptor.of(String.class))
                        .via((BadRecord bad) -> bad.getFailure().getException())))
        .containsInAnyOrder(
            "PARSE parse.number",
            "VALIDATE orders.customer_id.relationship",
            "VALIDATE order_lines.order_id.relationship",
            "VALIDATE order_lines.order_id.relationship",
            "VALIDATE order_lines.order_id.relationship");
    pipeline.run().waitUntilFinish();

    Manifest manifest = manifest(SALES);
    assertThat(manifest.table("customers").counts(), equalTo(new Manifest.Counts(1, 1, 0, 0)));
    assertThat(manifest.table("orders").counts(), equalTo(new Manifest.Counts(4, 1, 2, 1)));
    assertThat(manifest.table("order_lines").counts(), equalTo(new Manifest.Counts(5, 2, 3, 0)));
    assertThat(manifest.counts().balances(), is(true));
  }

  @Test
  void keysTokenizedWithTheSameKeysOnBothSidesStillMatch(TestPipeline pipeline) throws Exception {
    DataKeys keys = DataKeys.generate();
    ProductSpec orders =
        orders(SALES).protectedBy(ProtectionStep.of(keys, FieldProtection.tokenize("order_id")));
    ProductSpec lines =
        lines(SALES).protectedBy(ProtectionStep.of(keys, FieldProtection.tokenize("order_id")));
    pipeline.apply(
        DataProductPipeline.of(List.of(orders, lines))
            .withRelationships(List.of(LINES_TO_ORDERS))
            .from("orders", ordersFile())
            .from("order_lines", linesFile())
            .to(out().toString())
            .withRunId("run-1"));
    pipeline.run().waitUntilFinish();

    Manifest manifest = manifest(SALES);
    assertThat(manifest.table("order_lines").counts(), equalTo(new Manifest.Counts(5, 3, 2, 0)));
    Path product = out().resolve("sales/orders");
    List<Map<String, Object>> joined =
        DuckDb.query(
            "SELECT l.order_id AS token, l.sku AS sku FROM "
                + DuckDb.parquet(product, manifest.table("order_lines").files()) + " l JOIN "
                + DuckDb.parquet(product, manifest.table("orders").files())
                + " o ON l.order_id = o.order_id ORDER BY sku");
    assertThat(joined.stream().map(r -> r.get("sku")).toList(), equalTo(List.of("apple", "fig", "pear")));
    assertThat(joined.stream().map(r -> r.get("token").toString()).toList(), everyItem(startsWith("tok:")));
    // The orphans' payloads are encrypted whole, like every failure of a protected product.
    for (Map<String, Object> row :
        DuckDb.query(
            "SELECT raw_payload FROM "
                + DuckDb.parquet(product, manifest.table("order_lines").quarantineFiles()))) {
      assertThat(row.get("raw_payload").toString(), startsWith("enc:"));
    }
  }

  @Test
  void ordersReferenceAPublishedProductThroughItsManifest(TestPipeline pipeline) throws Exception {
    Pipeline crm = Pipeline.create(PipelineOptionsFactory.create());
    crm.apply(
        DataProductPipeline.of(customers(CRM))
            .from(file("customers.csv", "customer_id,name", "C-1,Ada", "C-3,Alan"))
            .to(out().toString())
            .withRunId("crm-1"));
    crm.run().waitUntilFinish();

    pipeline.apply(
        DataProductPipeline.of(orders(SALES))
            .withRelationships(
                List.of(
                    Relationship.from("orders", "customer_id")
                        .toPublished("crm/customers", "customers", "customer_id")))
            .from(ordersFile())
            .to(out().toString())
            .withRunId("run-1"));
    pipeline.run().waitUntilFinish();

    Manifest manifest = manifest(SALES);
    // O-1 (C-1) published; O-2 (C-2) has no customer; O-3 failed parsing; one O-2 a duplicate.
    assertThat(manifest.table("orders").counts(), equalTo(new Manifest.Counts(4, 1, 2, 1)));
    assertThat(
        manifest.quality().failuresByRule(),
        equalTo(Map.of("parse.number", 1L, "orders.customer_id.relationship", 1L)));
  }

  @Test
  void aProductNotPublishedYetIsRefusedBeforeAnythingRuns(TestPipeline pipeline) throws Exception {
    pipeline.enableAbandonedNodeEnforcement(false);
    DataProductPipeline product =
        DataProductPipeline.of(orders(SALES))
            .withRelationships(
                List.of(
                    Relationship.from("orders", "customer_id")
                        .toPublished("crm/customers", "customers", "customer_id")))
            .from(ordersFile())
            .to(out().toString());

    UnpublishedProductException refused =
        assertThrows(UnpublishedProductException.class, () -> pipeline.apply(product));

    assertThat(refused.getMessage(), containsString("crm/customers"));
    assertThat(refused.getMessage(), containsString("not published"));
  }

  @Test
  void aRelationshipBetweenTablesTheProductDoesNotHaveIsRefused() {
    DataProductPipeline product = DataProductPipeline.of(List.of(orders(SALES), lines(SALES)));

    assertThrows(
        IllegalArgumentException.class,
        () -> product.withRelationships(
            List.of(Relationship.from("order_lines", "order_id").to("invoices", "order_id"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> product.withRelationships(
            List.of(Relationship.from("shipments", "order_id").to("orders", "order_id"))));
  }

  /** The error handler's sink: the bad records themselves, for PAssert. */
  private static final class Passed
      extends PTransform<PCollection<BadRecord>, PCollection<BadRecord>> {
    @Override
    public PCollection<BadRecord> expand(PCollection<BadRecord> records) {
      return records
          .apply(MapElements.into(TypeDescriptor.of(BadRecord.class)).via((BadRecord b) -> b))
          .setCoder(BadRecord.getCoder(records.getPipeline()));
    }
  }
}
