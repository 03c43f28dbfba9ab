package org.datamesh.core.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.datamesh.core.evolution.BreakingChangeException;
import org.datamesh.core.evolution.ChangeKind;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline refuses a breaking schema before running, and passes partitions on. */
class DataProductPipelineEvolutionTest {

  static final Schema V1 =
      Schema.builder()
          .addStringField("id")
          .addNullableField("country", FieldType.STRING)
          .addNullableField("qty", FieldType.INT64)
          .build();

  @TempDir Path dir;
  Path input;
  Path out;

  @BeforeEach
  void writeInput() throws IOException {
    input = dir.resolve("in.csv");
    Files.writeString(input, "id,country,qty\nA1,DE,3\nA2,FR,4\nA3,DE,\n");
    out = dir.resolve("out");
  }

  static ProductSpec spec(String version, Schema schema) {
    return ProductSpec.of(DataProduct.of("sales", "orders", version))
        .readingFrom(RecordFormat.csv(schema))
        .deduplicatedBy("id")
        .partitionedBy(List.of("country"));
  }

  private void publish(ProductSpec spec, String runId) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    p.apply(DataProductPipeline.of(spec).from(input.toString()).to(out.toString()).withRunId(runId));
    p.run().waitUntilFinish();
  }

  private List<String> runs() throws IOException {
    try (Stream<Path> runs = Files.list(out.resolve("sales/orders/runs"))) {
      return runs.map(r -> r.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void refusesABreakingChangeBeforeWritingAnythingAndAcceptsItWithANewMajorVersion()
      throws Exception {
    publish(spec("1.0.0", V1), "first");
    Path productDir = out.resolve("sales/orders");
    Manifest first = Manifest.read(productDir);
    assertThat(first.files(), everyItem(startsWith("runs/first/orders/country=")));
    assertThat(
        DuckDb.query(
                "SELECT country, CAST(sum(qty) AS BIGINT) AS qty FROM read_parquet('" + productDir
                    + "/runs/first/orders/*/*.parquet', hive_partitioning = true) GROUP BY country ORDER BY country")
            .stream()
            .map(Map::values)
            .map(List::copyOf)
            .toList(),
        contains(List.of("DE", 3L), List.of("FR", 4L)));

    Schema dropsQtyAddsRequired =
        Schema.builder()
            .addStringField("id")
            .addNullableField("country", FieldType.STRING)
            .addStringField("channel")
            .build();
    Pipeline refused = Pipeline.create(PipelineOptionsFactory.create());
    BreakingChangeException e =
        assertThrows(
            BreakingChangeException.class,
            () ->
                refused.apply(
                    DataProductPipeline.of(spec("1.1.0", dropsQtyAddsRequired))
                        .from(input.toString())
                        .to(out.toString())
                        .withRunId("refused")));
    assertThat(
        e.report().breakingChanges().stream().map(c -> c.field() + " " + c.kind()).toList(),
        contains("qty " + ChangeKind.FIELD_REMOVED, "channel " + ChangeKind.FIELD_ADDED_REQUIRED));
    assertThat(e.getMessage(), containsString("qty (INT64) is no longer published"));
    assertThat(e.getMessage(), containsString("channel (STRING, required) is new"));
    assertThat("no new run folder", runs(), contains("first"));
    assertThat(Manifest.read(productDir), equalTo(first));

    Schema widened =
        Schema.builder()
            .addStringField("id")
            .addNullableField("country", FieldType.STRING)
            .addNullableField("qty", FieldType.INT64)
            .addNullableField("channel", FieldType.STRING)
            .build();
    publish(spec("1.1.0", widened), "compatible");
    // 2.0.0 may break; its input lacks the new required column, so every record is quarantined.
    publish(spec("2.0.0", dropsQtyAddsRequired), "major");
    assertThat(runs(), containsInAnyOrder("first", "compatible", "major"));
    assertThat(Manifest.read(productDir).version(), equalTo("2.0.0"));
    assertThat(Manifest.read(productDir).counts(), equalTo(new Manifest.Counts(3, 0, 3, 0)));
  }

  @Test
  void showsPartitionKeysAndRetentionInDisplayData() {
    DisplayData data =
        DisplayData.from(
            DataProductPipeline.of(spec("1.0.0", V1).retainingRunsFor(Duration.ofDays(7)))
                .from("/in/*.csv")
                .to("/out"));
    List<String> items = data.items().stream().map(i -> i.getKey() + "=" + i.getValue()).toList();
    assertThat(items, org.hamcrest.Matchers.hasItems("partitionKeys=country", "retention=PT168H"));
  }
}
