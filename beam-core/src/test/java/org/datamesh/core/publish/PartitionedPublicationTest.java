package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.datamesh.core.DataTypes;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.support.DuckDb;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class PartitionedPublicationTest {

  static final DataProduct PRODUCT = DataProduct.of("sales", "orders", "1.0.0");

  static final Schema SCHEMA =
      Schema.builder()
          .addStringField("id")
          .addNullableField("country", Schema.FieldType.STRING)
          .addField("day", DataTypes.date())
          .addField("amount", DataTypes.decimal(10, 2))
          .build();

  @TempDir Path out;

  static Row row(String id, String country, String day, String amount) {
    return Row.withSchema(SCHEMA)
        .addValues(id, country, LocalDate.parse(day), new BigDecimal(amount))
        .build();
  }

  private static ProductRecords records(Pipeline p, List<Row> rows) {
    PCollection<Row> published =
        p.apply("Published", Create.of(rows).withRowSchema(SCHEMA));
    PCollection<Failure> none =
        p.apply("NoFailures", Create.empty(TypeDescriptor.of(Failure.class)));
    PCollection<Row> duplicates = p.apply("NoDuplicates", Create.empty(SCHEMA));
    return ProductRecords.of(
        p.apply("Input", Create.of((long) rows.size())), published, none, duplicates);
  }

  @Test
  void writesHiveFoldersThatDuckDbReadsBackWithTheirValues(TestPipeline pipeline)
      throws Exception {
    records(
            pipeline,
            List.of(
                row("A1", "DE", "2024-03-05", "10.50"),
                row("A2", "DE", "2024-03-06", "3.00"),
                row("A3", "FR", "2024-03-05", "7.25"),
                row("A4", "../x/y:z", "2024-03-05", "1.00"),
                row("A5", null, "2024-03-05", "2.00")))
        .apply(
            PublishDataProduct.of(PRODUCT)
                .to(out.toString())
                .withRunId("run-1")
                .withPartitionKeys(List.of("country", "day")));
    pipeline.run().waitUntilFinish();

    Path productDir = out.resolve("sales/orders");
    Manifest manifest = Manifest.read(productDir);
    List<String> folders = new ArrayList<>();
    for (String file : manifest.files()) {
      assertThat(file, matchesPattern("runs/run-1/orders/country=[^/]+/day=[^/]+/part-[0-9]+-of-[0-9]+\\.parquet"));
      folders.add(file.substring(0, file.lastIndexOf('/')));
    }
    assertThat(
        folders.stream().distinct().toList(),
        containsInAnyOrder(
            "runs/run-1/orders/country=DE/day=2024-03-05",
            "runs/run-1/orders/country=DE/day=2024-03-06",
            "runs/run-1/orders/country=FR/day=2024-03-05",
            "runs/run-1/orders/country=..%2Fx%2Fy%3Az/day=2024-03-05",
            "runs/run-1/orders/country=__HIVE_DEFAULT_PARTITION__/day=2024-03-05"));

    String hive = hive(productDir, manifest.files());
    // Hive's folder for a null value reads back as NULL, as Spark and Hive read it.
    List<Map<String, Object>> rows =
        DuckDb.query(
            "SELECT id, country, CAST(day AS VARCHAR) AS day, amount FROM " + hive + " ORDER BY id");
    assertThat(
        rows.stream().map(r -> Arrays.asList(r.get("id"), r.get("country"), r.get("day"), r.get("amount"))).toList(),
        contains(
            Arrays.asList("A1", "DE", "2024-03-05", new BigDecimal("10.50")),
            Arrays.asList("A2", "DE", "2024-03-06", new BigDecimal("3.00")),
            Arrays.asList("A3", "FR", "2024-03-05", new BigDecimal("7.25")),
            Arrays.asList("A4", "../x/y:z", "2024-03-05", new BigDecimal("1.00")),
            Arrays.asList("A5", null, "2024-03-05", new BigDecimal("2.00"))));
    assertThat(
        "one column per field, no duplicate for the partition keys",
        DuckDb.columnTypes(hive).keySet(),
        containsInAnyOrder("id", "country", "day", "amount"));
    assertThat(DuckDb.columnTypes(hive).get("day"), equalTo("DATE"));

    // DuckDB turns Hive partitioning on by itself for such paths; off, it reads the files alone.
    String plainFiles = DuckDb.parquet(productDir, manifest.files());
    List<Map<String, Object>> plain =
        DuckDb.query(
            "SELECT country FROM "
                + plainFiles.substring(0, plainFiles.length() - 1)
                + ", hive_partitioning = false) WHERE id = 'A5'");
    assertThat("the files keep the partition columns, nulls as nulls", plain.get(0).get("country"), nullValue());
  }

  @Test
  void anEmptyPartitionedRunIsAnEmptyTableWithEveryColumn(TestPipeline pipeline)
      throws Exception {
    records(pipeline, List.of())
        .apply(
            PublishDataProduct.of(PRODUCT)
                .to(out.toString())
                .withRunId("empty")
                .withPartitionKeys(List.of("country")));
    pipeline.run().waitUntilFinish();

    Path productDir = out.resolve("sales/orders");
    Manifest manifest = Manifest.read(productDir);
    assertThat(manifest.files(), contains("runs/empty/orders/part-00000-of-00001.parquet"));
    String hive = hive(productDir, manifest.files());
    assertThat(DuckDb.query("SELECT count(*) AS n FROM " + hive).get(0).get("n"), equalTo(0L));
    assertThat(DuckDb.columnTypes(hive).keySet(), contains("id", "country", "day", "amount"));
  }

  @Test
  void refusesAPartitionKeyThatIsNotAPublishedTextualField(TestPipeline pipeline) {
    Schema withDouble = Schema.builder().addStringField("id").addDoubleField("score").build();
    PCollection<Row> rows = pipeline.apply(Create.empty(withDouble));
    ProductRecords records =
        ProductRecords.of(
            pipeline.apply(Create.of(0L)),
            rows,
            pipeline.apply("NoFailures", Create.empty(TypeDescriptor.of(Failure.class))),
            rows);
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                records.apply(
                    "Missing",
                    PublishDataProduct.of(PRODUCT).to(out.toString()).withPartitionKeys(List.of("country"))));
    assertThat(missing.getMessage(), containsString("partition key country is not a published field"));
    IllegalArgumentException inexact =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                records.apply(
                    "Inexact",
                    PublishDataProduct.of(PRODUCT).to(out.toString()).withPartitionKeys(List.of("score"))));
    assertThat(inexact.getMessage(), containsString("partition key score has type DOUBLE"));
    pipeline.enableAbandonedNodeEnforcement(false);
  }

  @Test
  void showsPartitionKeysAndRetentionInDisplayData() {
    DisplayData data =
        DisplayData.from(
            PublishDataProduct.of(PRODUCT)
                .to("/data")
                .withPartitionKeys(List.of("country", "day"))
                .withRetention(java.time.Duration.ofDays(30)));
    assertThat(
        data.items().stream().map(i -> i.getKey() + "=" + i.getValue()).toList(),
        hasItem("partitionKeys=country,day"));
    assertThat(
        data.items().stream().map(i -> i.getKey() + "=" + i.getValue()).toList(),
        hasItem("retention=PT720H"));
    assertThat(
        DisplayData.from(PublishDataProduct.of(PRODUCT).to("/data")).items().stream()
            .anyMatch(i -> i.getKey().equals("retention")),
        is(false));
  }

  private static String hive(Path folder, List<String> files) {
    String list = DuckDb.parquet(folder, files);
    return list.substring(0, list.length() - 1) + ", hive_partitioning = true)";
  }
}
