package org.datamesh.core.testing;

import static org.datamesh.core.testing.FailureMatchers.atRecord;
import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.datamesh.core.testing.RowMatchers.fieldValues;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.pipeline.BuildProduct;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.publish.ProductRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ProductTestInputTest {

  static final Schema RAW =
      Schema.builder()
          .addNullableField("payment_id", FieldType.STRING)
          .addNullableField("amount", FieldType.DECIMAL)
          .addNullableField("attempts", FieldType.INT32)
          .build();

  static final String[] CSV = {
    "payment_id,amount,attempts,note",
    "p-1,12.50,1,first",
    "p-2,3.00,many,broken",
    "p-1,12.50,1,again",
    "p-3,,2,",
  };

  static ProductSpec spec(RecordFormat format) {
    return ProductSpec.of(DataProduct.of("finance", "payments", "1.0.0"))
        .readingFrom(format)
        .deduplicatedBy("payment_id");
  }

  @TempDir Path dir;

  @Test
  void aCsvFileInMemoryIsParsedAsTheSameFileOnDisk(TestPipeline pipeline) throws IOException {
    Path onDisk = Files.writeString(dir.resolve("payments.csv"), String.join("\n", CSV) + "\n");
    BuildProduct build = BuildProduct.of(spec(RecordFormat.csv(RAW)));

    ProductRecords inMemory =
        pipeline.apply("InMemory", ProductTestInput.file("payments.csv", CSV)).apply("A", build);
    ProductRecords fromDisk =
        pipeline
            .apply("Match", FileIO.match().filepattern(onDisk.toString()))
            .apply("Read", FileIO.readMatches())
            .apply("B", build);

    for (ProductRecords records : List.of(inMemory, fromDisk)) {
      PAssert.thatSingleton(records.inputCount()).isEqualTo(4L);
      PAssert.that(records.published())
          .satisfies(rows -> {
            assertThat(rows, fieldValues("payment_id", containsInAnyOrder("p-1", "p-3")));
            return null;
          });
      PAssert.that(records.failures())
          .satisfies(failures -> {
            assertThat(failures, contains(allOf(failedAt(Stage.PARSE), atRecord(2))));
            return null;
          });
      PAssert.that(records.duplicates())
          .satisfies(rows -> {
            assertThat(rows, fieldValues("payment_id", contains("p-1")));
            return null;
          });
      PAssert.that(records.warningCounts()).containsInAnyOrder(KV.of("parse.unknown_column", 3L));
    }
    PAssert.that(sourcesOf(inMemory.failures(), "InMemorySources"))
        .satisfies(sources -> {
          assertThat(sources, contains(allOf(startsWith("datamesh-memory://"), endsWith("/payments.csv"))));
          return null;
        });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void jsonLinesInSeveralFilesAreNumberedPerFile(TestPipeline pipeline) {
    ProductTestInput input =
        ProductTestInput.file("a.jsonl", "{\"payment_id\":\"p-1\",\"amount\":1.5}", "{oops")
            .andFile("b.jsonl", "{\"payment_id\":\"p-2\",\"attempts\":\"x\"}");

    ProductRecords records =
        pipeline.apply(input).apply(BuildProduct.of(spec(RecordFormat.jsonLines(RAW))));

    PAssert.thatSingleton(records.inputCount()).isEqualTo(3L);
    PAssert.that(records.published())
        .satisfies(rows -> {
          assertThat(rows, fieldValues("payment_id", contains("p-1")));
          return null;
        });
    PAssert.that(records.failures())
        .satisfies(failures -> {
          assertThat(failures, containsInAnyOrder(
              allOf(failedAt(Stage.PARSE), hasRule("parse.json"), atRecord(2)),
              allOf(failedAt(Stage.PARSE), atRecord(1))));
          return null;
        });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void itsGlobMatchesEveryFileThroughBeamsFileSystems(TestPipeline pipeline) {
    ProductTestInput input =
        ProductTestInput.file("one.csv", "payment_id", "p-1").andFile("two.csv", "payment_id");

    PCollection<String> names =
        pipeline
            .apply(FileIO.match().filepattern(input.glob()))
            .apply(MapElements.into(TypeDescriptors.strings())
                .via(m -> m.resourceId().getFilename()));

    PAssert.that(names).containsInAnyOrder("one.csv", "two.csv");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void bytesAreKeptExactly(TestPipeline pipeline) {
    byte[] crlf = "payment_id,amount\r\np-1,1\r\np-2,2".getBytes(StandardCharsets.UTF_8);

    ProductRecords records =
        pipeline
            .apply(ProductTestInput.fileOfBytes("crlf.csv", crlf))
            .apply(BuildProduct.of(spec(RecordFormat.csv(RAW))));

    PAssert.thatSingleton(records.inputCount()).isEqualTo(2L);
    PAssert.that(records.failures()).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void namesAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> ProductTestInput.file("a/b.csv"));
    assertThrows(IllegalArgumentException.class, () -> ProductTestInput.file("*.csv"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ProductTestInput.file("a.csv").andFile("a.csv"));
  }

  @Test
  void theFilesCannotBeWritten() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    String name = ProductTestInput.file("a.csv", "x").glob().replace("*", "b.csv");
    IOException e =
        assertThrows(
            IOException.class,
            () -> FileSystems.create(
                FileSystems.matchNewResource(name, false), "text/plain").close());
    assertThat(e.getMessage(), containsString("cannot be written"));
  }

  @Test
  void displayDataNamesTheFiles() {
    DisplayData data =
        DisplayData.from(ProductTestInput.file("a.csv", "x").andFile("b.csv", "y"));
    assertThat(data.items(), hasItem(DisplayDataItems.item("files", "a.csv, b.csv")));
  }

  private static PCollection<String> sourcesOf(PCollection<Failure> failures, String name) {
    return failures.apply(
        name,
        MapElements.into(TypeDescriptors.strings()).via(f -> f.source().source()));
  }

  /** Display data items by key and value, without depending on their other attributes. */
  static final class DisplayDataItems {
    static org.hamcrest.Matcher<DisplayData.Item> item(String key, String value) {
      return new org.hamcrest.TypeSafeMatcher<>() {
        @Override
        protected boolean matchesSafely(DisplayData.Item item) {
          return item.getKey().equals(key) && value.equals(item.getValue());
        }

        @Override
        public void describeTo(org.hamcrest.Description description) {
          description.appendText("item " + key + " = " + value);
        }
      };
    }
  }
}
