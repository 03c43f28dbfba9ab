package org.datamesh.core.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.TimestampedValue;
import org.datamesh.core.parse.Message;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.publish.ManifestWindow;
import org.datamesh.core.support.DuckDb;
import org.datamesh.core.testing.TestPipelineExtension;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream published as Parquet files committed window by window, late messages included, on the
 * Direct runner with a test stream driving the watermark; the files read back by DuckDB.
 */
@ExtendWith(TestPipelineExtension.class)
class StreamFilesTest {

  // The orders of StreamDataProductTest: the same spec, its own output folder.
  private static final Instant T0 = StreamDataProductTest.T0;
  private static final ProductSpec SPEC = StreamDataProductTest.SPEC;

  @TempDir Path output;

  private long offset;

  private TimestampedValue<Message> at(long seconds, String json) {
    return TimestampedValue.of(
        Message.of("orders-raw", 0, offset++, json.getBytes(UTF_8)),
        T0.plus(Duration.standardSeconds(seconds)));
  }

  @Test
  void commitsEachWindowsFilesAndCountsIntoTheManifestLatePanesIncluded(TestPipeline pipeline)
      throws Exception {
    TestStream<Message> messages =
        TestStream.create(Message.Coder.of())
            .addElements(
                at(5, "{\"id\":\"A\",\"version\":1,\"status\":\"PLACED\"}"),
                at(10, "{\"id\":\"A\",\"version\":1,\"status\":\"PLACED\"}"), // a retry
                at(20, "{\"id\":\"A\",\"version\":2,\"status\":\"PAID\"}"), // an update
                at(30, "{\"id\":\"A\",\"version\":1,\"status\":\"LOST\"}"), // older
                at(40, "not json"),
                at(50, "{\"version\":3}")) // no id
            .advanceWatermarkTo(T0.plus(Duration.standardMinutes(2)))
            .addElements(
                at(70, "{\"id\":\"B\",\"version\":1}"),
                at(15, "{\"id\":\"C\",\"version\":1}")) // late for the first window
            .advanceWatermarkToInfinity();

    StreamResult result =
        pipeline
            .apply(messages)
            .apply(
                StreamDataProduct.of(SPEC)
                    .withFiles(StreamFiles.to(output.toString()).withRunId("stream-1").withShards(2)));
    PAssert.that(result.manifests())
        .satisfies(
            manifests -> {
              assertThat(manifests.iterator().hasNext(), equalTo(true));
              return null;
            });
    pipeline.run().waitUntilFinish();

    Path product = output.resolve("sales/orders");
    Manifest manifest = Manifest.read(product);
    Manifest.Table table = manifest.table("orders");
    assertThat(manifest.runId(), equalTo("stream-1"));
    assertThat(table.counts(), equalTo(new Manifest.Counts(8, 4, 2, 2)));
    List<ManifestWindow> windows = table.windows();
    assertThat(windows, hasSize(2));
    assertThat(windows.get(0).start(), equalTo("2026-01-01T00:00:00Z"));
    assertThat(windows.get(0).counts(), equalTo(new Manifest.Counts(7, 3, 2, 2)));
    assertThat(windows.get(1).counts(), equalTo(new Manifest.Counts(1, 1, 0, 0)));
    assertThat(
        table.quality().failuresByStage(), equalTo(Map.of("PARSE", 1L, "PUBLISH", 1L)));
    assertThat(
        table.files(), everyItem(startsWith("runs/stream-1/orders/window_start=20260101T00")));

    List<Map<String, Object>> rows =
        DuckDb.query(
            "SELECT id || '/' || version AS v FROM " + DuckDb.parquet(product, table.files()));
    assertThat(
        rows.stream().map(r -> r.get("v")).toList(),
        containsInAnyOrder("A/1", "A/2", "B/1", "C/1"));
    List<Map<String, Object>> failed =
        DuckDb.query(
            "SELECT stage FROM " + DuckDb.parquet(product, table.quarantineFiles()) + " ORDER BY stage");
    assertThat(failed.stream().map(r -> r.get("stage")).toList(), contains("PARSE", "PUBLISH"));
    // The late message went into a second file of the first window, not into a rewrite.
    assertThat(
        table.files().stream().filter(f -> f.contains("window_start=20260101T000000Z/")).toList(),
        hasSize(Files.list(product.resolve("runs/stream-1/orders/window_start=20260101T000000Z")).toList().size()));
  }
}
