package org.datamesh.examples.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.TimestampedValue;
import org.datamesh.core.parse.Message;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.record.ConformToSchema;
import org.datamesh.core.stream.StreamDataProduct;
import org.datamesh.core.stream.StreamFiles;
import org.datamesh.core.support.DuckDb;
import org.datamesh.examples.cli.Options;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream's Parquet files committed window by window into a manifest on an S3-compatible
 * server, through a proxy that enforces S3's conditional writes (S3Proxy ignores them), so each
 * window's commit really is a compare-and-swap; everything read back through S3.
 */
class S3StreamFilesIT {

  @RegisterExtension
  static final S3Server S3 = new S3Server(S3RunIT.ACCESS_KEY_ID, S3RunIT.SECRET);

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static final Schema RAW =
      Schema.builder()
          .addNullableField("id", FieldType.STRING)
          .addNullableField("version", FieldType.INT64)
          .build();

  private static final Schema PUBLISHED =
      Schema.builder().addStringField("id").addInt64Field("version").build();

  @TempDir Path dir;

  private long offset;

  private TimestampedValue<Message> at(long seconds, String json) {
    return TimestampedValue.of(
        Message.of("events-raw", 0, offset++, json.getBytes(UTF_8)),
        T0.plus(Duration.standardSeconds(seconds)));
  }

  @Test
  void eachWindowIsCommittedToS3AndTheFilesHoldEveryPublishedRowOnce() throws Exception {
    try (S3Store store = new S3Store(S3.endpoint(), S3RunIT.ACCESS_KEY_ID, S3RunIT.SECRET);
        ConditionalWritesProxy proxy = ConditionalWritesProxy.start(S3.endpoint(), S3.blobStore())) {
      store.createBucket("lake");
      RunOptions options =
          Options.parse(
              new String[] {
                "--runner=DirectRunner",
                "--awsRegion=us-east-1",
                "--endpoint=" + proxy.endpoint(),
                S3RunIT.credentials(S3RunIT.SECRET)
              },
              RunOptions.class);
      ProductSpec spec =
          ProductSpec.of(DataProduct.of("sales", "events", "1.0.0"))
              .readingFrom(RecordFormat.jsonLines(RAW))
              .through(ConformToSchema.to(PUBLISHED))
              .deduplicatedBy("id")
              .keepingLatestBy("version");
      TestStream<Message> messages =
          TestStream.create(Message.Coder.of())
              .addElements(
                  at(5, "{\"id\":\"A\",\"version\":1}"),
                  at(6, "{\"id\":\"A\",\"version\":1}"), // a repeat
                  at(7, "{\"id\":\"B\",\"version\":1}"),
                  at(8, "{\"id\":"))
              .advanceWatermarkTo(T0.plus(Duration.standardMinutes(2)))
              .addElements(
                  at(70, "{\"id\":\"C\",\"version\":1}"),
                  at(9, "{\"id\":\"A\",\"version\":2}")) // late for the first window
              .advanceWatermarkToInfinity();

      Pipeline pipeline = Pipeline.create(options);
      pipeline
          .apply(messages)
          .apply(
              StreamDataProduct.of(spec)
                  .withFiles(StreamFiles.to("s3://lake/mesh").withRunId("stream-1")));
      pipeline.run().waitUntilFinish();

      Path local = dir.resolve("events");
      String prefix = "mesh/sales/events/";
      for (String key : store.keys("lake", prefix)) {
        Path file = local.resolve(key.substring(prefix.length()));
        Files.createDirectories(file.getParent());
        store.download("lake", key, file);
      }
      Manifest manifest = Manifest.read(local);
      Manifest.Table table = manifest.table("events");
      assertThat(manifest.runId(), equalTo("stream-1"));
      assertThat(table.counts(), equalTo(new Manifest.Counts(6, 4, 1, 1)));
      assertThat(table.windows(), hasSize(2));
      assertThat(table.windows().get(0).counts(), equalTo(new Manifest.Counts(5, 3, 1, 1)));
      List<Object> versions = new ArrayList<>();
      DuckDb.query("SELECT id || '/' || version AS v FROM " + DuckDb.parquet(local, table.files()))
          .forEach(r -> versions.add(r.get("v")));
      assertThat(versions, containsInAnyOrder("A/1", "B/1", "A/2", "C/1"));
      assertThat(
          DuckDb.query(
                  "SELECT stage FROM " + DuckDb.parquet(local, table.quarantineFiles()))
              .stream()
              .map(r -> r.get("stage"))
              .toList(),
          contains("PARSE"));
      // Two windows may commit at once (the Direct runner runs keys in parallel): a commit S3
      // refused (412) was read again and retried, and both windows are in the manifest above.
      assertThat(proxy.refused(), everyItem(endsWith(Manifest.FILE_NAME)));
    }
  }
}
