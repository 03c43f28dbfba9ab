package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.support.DuckDb;
import org.datamesh.core.testing.TestPipelineExtension;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class PublishDataProductTest {

  static final DataProduct PRODUCT = DataProduct.of("sales", "items", "2.1.0");

  static final Schema SCHEMA =
      Schema.builder()
          .addStringField("id")
          .addNullableField("price", DataTypes.decimal(18, 4))
          .addNullableField("day", DataTypes.date())
          .addNullableField("at", FieldType.DATETIME)
          .addNullableField("qty", FieldType.INT32)
          .build();

  @TempDir Path out;

  static Row row(String id, String price) {
    return Row.withSchema(SCHEMA)
        .addValues(
            id,
            new BigDecimal(price).setScale(4),
            LocalDate.of(2024, 3, 5),
            Instant.parse("2024-03-05T10:15:30.123Z"),
            7)
        .build();
  }

  static Failure failure(String ruleId) {
    return Failure.builder(Stage.VALIDATE, PRODUCT.id())
        .setViolations(List.of(Violation.error(ruleId, "price", "price must be positive")))
        .setSource(SourcePosition.fileRecord("in.csv", 3, 4))
        .setRawPayload("X3,-1")
        .build();
  }

  static ProductRecords records(Pipeline p, long input) {
    PCollection<Row> published =
        p.apply("Published", Create.of(row("A1", "12.5"), row("A2", "0.0001")).withRowSchema(SCHEMA));
    PCollection<Failure> failures =
        p.apply("Failures", Create.of(failure("price.range"), failure("price.range")));
    PCollection<Row> duplicates =
        p.apply("Duplicates", Create.of(row("A1", "12.5")).withRowSchema(SCHEMA));
    return ProductRecords.of(p.apply("Input", Create.of(input)), published, failures, duplicates);
  }

  @Test
  void publishesParquetThatDuckDbReadsAndABalancedManifest(TestPipeline pipeline) throws Exception {
    PCollection<String> committedJson =
        records(pipeline, 5)
            .apply(PublishDataProduct.of(PRODUCT).to(out.toString()).withRunId("run-1"));
    // The commit step hands on the manifest it committed, whatever is in force later.
    PAssert.thatSingleton(committedJson)
        .satisfies(
            json -> {
              try {
                Manifest committed = Manifest.parse(json.getBytes(StandardCharsets.UTF_8));
                assertThat(committed.runId(), equalTo("run-1"));
                assertThat(committed.counts(), equalTo(new Manifest.Counts(5, 2, 2, 1)));
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
              return null;
            });
    pipeline.run().waitUntilFinish();

    Path productDir = out.resolve("sales/items");
    Manifest manifest = Manifest.read(productDir);
    assertThat(manifest.product(), equalTo("sales.items"));
    assertThat(manifest.version(), equalTo("2.1.0"));
    assertThat(manifest.runId(), equalTo("run-1"));
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(5, 2, 2, 1)));
    assertThat(manifest.counts().balances(), is(true));
    assertThat(manifest.files(), everyItem(allOf(startsWith("runs/run-1/items/part-"), not(startsWith("/")))));
    assertThat(manifest.quarantineFiles(), everyItem(startsWith("quarantine/run-1/items/part-")));
    assertThat(manifest.quality().failuresByRule(), hasEntry("price.range", 2L));
    assertThat(manifest.quality().failuresByStage(), equalTo(Map.of("VALIDATE", 2L)));
    assertThat(
        manifest.schema(),
        contains(
            new Manifest.Column("id", "STRING", false),
            new Manifest.Column("price", "DECIMAL(18,4)", true),
            new Manifest.Column("day", "DATE", true),
            new Manifest.Column("at", "TIMESTAMP", true),
            new Manifest.Column("qty", "INT32", true)));

    String data = DuckDb.parquet(productDir, manifest.files());
    assertThat(
        DuckDb.columnTypes(data),
        equalTo(Map.of(
            "id", "VARCHAR",
            "price", "DECIMAL(18,4)",
            "day", "DATE",
            "at", "TIMESTAMP WITH TIME ZONE",
            "qty", "INTEGER")));
    List<Map<String, Object>> rows =
        DuckDb.query(
            "SELECT id, price, CAST(day AS VARCHAR) AS day, epoch_ms(\"at\") AS at_ms, qty FROM "
                + data + " ORDER BY id");
    assertThat(rows.size(), is(2));
    assertThat(rows.get(0).get("id"), equalTo("A1"));
    assertThat(rows.get(0).get("price"), equalTo(new BigDecimal("12.5000")));
    assertThat(rows.get(0).get("day"), equalTo("2024-03-05"));
    assertThat(rows.get(0).get("at_ms"), equalTo(Instant.parse("2024-03-05T10:15:30.123Z").getMillis()));
    assertThat(rows.get(1).get("price"), equalTo(new BigDecimal("0.0001")));

    List<Map<String, Object>> quarantined =
        DuckDb.query(
            "SELECT stage, product, reason, violations[1].rule_id AS rule, source.offset AS record,"
                + " raw_payload FROM " + DuckDb.parquet(productDir, manifest.quarantineFiles()));
    assertThat(quarantined.size(), is(2));
    assertThat(quarantined.get(0).get("stage"), equalTo("VALIDATE"));
    assertThat(quarantined.get(0).get("rule"), equalTo("price.range"));
    assertThat(quarantined.get(0).get("record"), equalTo(3L));
    assertThat(quarantined.get(0).get("raw_payload"), equalTo("X3,-1"));
    assertThat(
        (String) quarantined.get(0).get("reason"),
        containsString("price.range: price must be positive"));
  }

  @Test
  void refusesToCommitWhenRecordsAreUnaccountedForAndKeepsThePreviousManifest(
      TestPipeline pipeline) throws Exception {
    records(pipeline, 5)
        .apply(PublishDataProduct.of(PRODUCT).to(out.toString()).withRunId("good-run"));
    pipeline.run().waitUntilFinish();
    Path productDir = out.resolve("sales/items");
    String committed = Files.readString(productDir.resolve(Manifest.FILE_NAME));

    Pipeline lossy = Pipeline.create(PipelineOptionsFactory.create());
    records(lossy, 6)
        .apply(PublishDataProduct.of(PRODUCT).to(out.toString()).withRunId("lossy-run"));
    Exception e = assertThrows(Exception.class, () -> lossy.run().waitUntilFinish());
    assertThat(
        rootMessage(e),
        allOf(containsString("lost track of records"), containsString("6 read")));
    assertThat(
        "the previous manifest stays in force",
        Files.readString(productDir.resolve(Manifest.FILE_NAME)),
        equalTo(committed));
    assertThat(Manifest.read(productDir).runId(), equalTo("good-run"));
  }

  @Test
  void commitsARunWithNothingToPublishAndNothingQuarantined(TestPipeline pipeline)
      throws Exception {
    PCollection<Row> none = pipeline.apply("NoRows", Create.empty(SCHEMA));
    ProductRecords records =
        ProductRecords.of(
            pipeline.apply("Input", Create.of(0L)),
            none,
            pipeline.apply(
                "NoFailures",
                Create.empty(org.apache.beam.sdk.values.TypeDescriptor.of(Failure.class))),
            none);
    records.apply(PublishDataProduct.of(PRODUCT).to(out.toString()).withRunId("empty-run"));
    pipeline.run().waitUntilFinish();

    Path productDir = out.resolve("sales/items");
    Manifest manifest = Manifest.read(productDir);
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(0, 0, 0, 0)));
    assertThat(manifest.runId(), equalTo("empty-run"));
    assertThat(manifest.files(), contains("runs/empty-run/items/part-00000-of-00001.parquet"));
    assertThat(
        manifest.quarantineFiles(), contains("quarantine/empty-run/items/part-00000-of-00001.parquet"));
    String data = DuckDb.parquet(productDir, manifest.files());
    assertThat(DuckDb.query("SELECT count(*) AS n FROM " + data).get(0).get("n"), equalTo(0L));
    assertThat(
        "the empty file carries the product's columns",
        DuckDb.columnTypes(data).keySet(),
        contains("id", "price", "day", "at", "qty"));
    assertThat(
        DuckDb.query(
                "SELECT count(*) AS n FROM "
                    + DuckDb.parquet(productDir, manifest.quarantineFiles()))
            .get(0).get("n"),
        equalTo(0L));
  }

  @Test
  void rejectsAnUnboundedDecimalColumnAtConstruction(TestPipeline pipeline) {
    Schema loose = Schema.builder().addDecimalField("amount").build();
    PCollection<Row> rows = pipeline.apply(Create.empty(loose));
    ProductRecords records =
        ProductRecords.of(
            pipeline.apply(Create.of(0L)),
            rows,
            pipeline.apply("NoFailures", Create.empty(org.apache.beam.sdk.values.TypeDescriptor.of(Failure.class))),
            rows);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> records.apply(PublishDataProduct.of(PRODUCT).to(out.toString())));
    assertThat(e.getMessage(), containsString("DataTypes.decimal"));
    pipeline.enableAbandonedNodeEnforcement(false);
  }

  private static String rootMessage(Throwable t) {
    StringBuilder messages = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      messages.append(c.getMessage()).append(" | ");
    }
    return messages.toString();
  }
}
