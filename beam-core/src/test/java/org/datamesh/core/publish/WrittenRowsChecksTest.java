package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.core.quality.QualityGateException;
import org.datamesh.core.quality.TableQuality;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks whose row metrics the Parquet writer folds as it writes: the same metrics as a {@code
 * Combine} over the rows, merged across every file written, and a failed ERROR check still stops
 * the commit.
 */
@ExtendWith(TestPipelineExtension.class)
class WrittenRowsChecksTest {

  @TempDir Path out;

  private static final List<Row> ROWS =
      List.of(
          PartitionedPublicationTest.row("A1", "DE", "2024-03-05", "10.50"),
          PartitionedPublicationTest.row("A2", "DE", "2024-03-06", "3.00"),
          PartitionedPublicationTest.row("A3", "FR", "2024-03-05", "7.25"),
          PartitionedPublicationTest.row("A4", null, "2024-03-05", "2.00"));

  @Test
  void theWriterFoldsEveryFilesRowsAndTheCommitJudgesTheMergedMetrics(TestPipeline pipeline)
      throws Exception {
    ProductRecords checked =
        records(pipeline, ROWS).checkedBy("Checks", new RowsAndCents(1));
    assertThat(checked.quality() == null, is(true));
    assertThat(checked.checkedWhenWritten(), instanceOf(RowsAndCents.class));
    checked.apply(
        PublishDataProduct.of(PartitionedPublicationTest.PRODUCT)
            .to(out.toString())
            .withRunId("run-1")
            .withPartitionKeys(List.of("country")));
    pipeline.run().waitUntilFinish();

    Path productDir = out.resolve("sales/orders");
    Manifest manifest = Manifest.read(productDir);
    assertThat(
        "a file per country at least, and the null one",
        manifest.files().size(),
        greaterThanOrEqualTo(3));
    List<String> folds = new ArrayList<>();
    for (String file : manifest.files()) {
      try (ParquetFileReader reader =
          ParquetFileReader.open(ChannelInputFile.named(productDir.resolve(file).toString()))) {
        folds.add(reader.getFileMetaData().getKeyValueMetaData().get(FooterFold.KEY));
      }
    }
    assertThat("each file's footer holds its fold", folds, everyItem(notNullValue()));
    assertThat(
        manifest.quality().checks(),
        contains(
            new CheckResult("rows", "orders", "rows", Severity.ERROR, 4.0, "rows", ">= 1", true),
            new CheckResult(
                "cents", "orders", "cents", Severity.WARN, 2275.0, "", "any", true)));
  }

  @Test
  void noRowsGiveTheFoldOfNoRowsFromTheEmptyFile(TestPipeline pipeline) throws Exception {
    records(pipeline, List.of())
        .checkedBy("Checks", new RowsAndCents(0))
        .apply(PublishDataProduct.of(PartitionedPublicationTest.PRODUCT).to(out.toString()));
    pipeline.run().waitUntilFinish();

    Manifest manifest = Manifest.read(out.resolve("sales/orders"));
    assertThat(manifest.files(), hasSize(1));
    assertThat(manifest.quality().checks().get(0).measured(), equalTo(0.0));
    assertThat(manifest.quality().checks().get(1).measured(), equalTo(0.0));
  }

  @Test
  void aFailedErrorCheckOnWrittenRowsCommitsNothing(TestPipeline pipeline) {
    records(pipeline, ROWS)
        .checkedBy("Checks", new RowsAndCents(5))
        .apply(PublishDataProduct.of(PartitionedPublicationTest.PRODUCT).to(out.toString()));

    Pipeline.PipelineExecutionException failed =
        assertThrows(
            Pipeline.PipelineExecutionException.class, () -> pipeline.run().waitUntilFinish());
    assertThat(failed.getCause(), instanceOf(QualityGateException.class));
    assertThat(Files.exists(out.resolve("sales/orders/_manifest.json")), is(false));
  }

  @Test
  void appliedAsATransformTheRowsAreCombinedToTheSameMetrics(TestPipeline pipeline) {
    PCollection<TableQuality> quality = records(pipeline, ROWS).apply(new RowsAndCents(1));
    PAssert.thatSingleton(
            quality.apply(
                MapElements.into(TypeDescriptor.of(String.class))
                    .via((TableQuality q) -> q.metrics().toString())))
        .isEqualTo("{cents=2275.0, rows=4.0}");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void otherChecksAreAppliedWhereTheRecordsAreChecked(TestPipeline pipeline) {
    ProductRecords records = records(pipeline, ROWS);
    ProductRecords checked =
        records.checkedBy(
            "Checks",
            new PTransform<ProductRecords, PCollection<TableQuality>>() {
              @Override
              public PCollection<TableQuality> expand(ProductRecords table) {
                return new RowsAndCents(1).expand(table);
              }
            });
    assertThat(checked.checkedWhenWritten() == null, is(true));
    assertThat(checked.quality(), notNullValue());
    pipeline.run().waitUntilFinish();
  }

  private static ProductRecords records(Pipeline p, List<Row> rows) {
    PCollection<Row> published =
        p.apply(
            "Published",
            Create.of(rows)
                .withRowSchema(PartitionedPublicationTest.SCHEMA));
    return ProductRecords.of(
            p.apply("Input", Create.of((long) rows.size())),
            published,
            p.apply(
                "NoFailures",
                Create.empty(
                    TypeDescriptor.of(Failure.class))),
            p.apply(
                "NoDuplicates",
                Create.empty(PartitionedPublicationTest.SCHEMA)))
        .named("orders");
  }

  /** Counts the rows (an ERROR check: at least {@code minimum}) and sums the amounts in cents. */
  private static final class RowsAndCents extends WrittenRowsChecks<long[], long[]> {
    private final long minimum;

    RowsAndCents(long minimum) {
      this.minimum = minimum;
    }

    @Override
    public CombineFn<Row, long[], long[]> rowMetrics() {
      return new CombineFn<>() {
        @Override
        public long[] createAccumulator() {
          return new long[2];
        }

        @Override
        public long[] addInput(long[] sums, Row row) {
          sums[0]++;
          sums[1] += row.getDecimal("amount").movePointRight(2).longValueExact();
          return sums;
        }

        @Override
        public long[] mergeAccumulators(Iterable<long[]> all) {
          long[] merged = new long[2];
          for (long[] sums : all) {
            merged[0] += sums[0];
            merged[1] += sums[1];
          }
          return merged;
        }

        @Override
        public long[] extractOutput(long[] sums) {
          return sums.clone();
        }

        @Override
        public Coder<long[]> getAccumulatorCoder(CoderRegistry registry, Coder<Row> rows) {
          return SerializableCoder.of(long[].class);
        }

        @Override
        public Coder<long[]> getDefaultOutputCoder(CoderRegistry registry, Coder<Row> rows) {
          return SerializableCoder.of(long[].class);
        }
      };
    }

    @Override
    public PCollection<TableQuality> judge(ProductRecords table, PCollection<long[]> measured) {
      long minimum = this.minimum;
      String name = table.tableName();
      return measured
          .apply(
              "Judge",
              MapElements.into(TypeDescriptor.of(TableQuality.class))
                  .via(
                      (long[] sums) ->
                          new TableQuality(
                              name,
                              Map.of("rows", (double) sums[0], "cents", (double) sums[1]),
                              List.of(
                                  new CheckResult(
                                      "rows", name, "rows", Severity.ERROR, (double) sums[0],
                                      "rows", ">= " + minimum, sums[0] >= minimum),
                                  new CheckResult(
                                      "cents", name, "cents", Severity.WARN, (double) sums[1],
                                      "", "any", true)))))
          .setCoder(SerializableCoder.of(TableQuality.class));
    }
  }
}
