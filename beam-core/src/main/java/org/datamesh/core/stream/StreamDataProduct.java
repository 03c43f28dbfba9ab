package org.datamesh.core.stream;

import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.StageResult;
import org.datamesh.core.dedup.DeduplicateStream;
import org.datamesh.core.dedup.DeduplicationResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.parse.Message;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.protect.ProtectFailures;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * One data product from an unbounded stream of messages, with the same record path as in batch:
 * each message is parsed, standardized, validated and protected in one step ({@link
 * org.datamesh.core.parse.ParseMessages}), deduplicated by the primary key across windows ({@link
 * DeduplicateStream}), and counted per fixed event-time window ({@link WindowTally}).
 *
 * <pre>{@code
 * StreamResult result =
 *     pipeline
 *         .apply(KafkaMessages.from("localhost:9092", "orders-raw").withEventTime(eventTime))
 *         .apply(StreamDataProduct.of(spec).withWindow(Duration.standardMinutes(1)));
 * result.published().apply(ToKafka.rows("localhost:9092", "orders", spec.key()));
 * result.failures().apply(ToKafka.failures("localhost:9092", "orders.quarantine"));
 * }</pre>
 *
 * <p>Nothing is dropped for being late: the event time only decides a message's window and when
 * its window is reported; a message later than the allowed lateness is published or quarantined
 * like any other and counted in a late pane of its window. So, summed over a window's panes,
 * {@code in = published + quarantined + deduplicated}.
 *
 * <p>The spec's dataset checks are judged per window ({@link WindowQuality}), on the messages
 * that arrived by the time the window's first tally is reported; a failed ERROR check is reported,
 * not enforced (what was streamed is out). Each window's tally also counts the hits of each WARN
 * rule on its records (the rows that raise them are published, as in batch). Partitions and
 * retention are not applied to a stream; its Parquet files, when asked for ({@link #withFiles}),
 * are committed per window.
 */
public final class StreamDataProduct extends PTransform<PCollection<Message>, StreamResult> {

  /** The default window: one minute of event time. */
  public static final Duration DEFAULT_WINDOW = Duration.standardMinutes(1);

  private final ProductSpec spec;
  private final Duration window;
  private final Duration allowedLateness;
  private final Duration deduplicationMemory;
  private final @Nullable StreamFiles files;

  private StreamDataProduct(
      ProductSpec spec,
      Duration window,
      Duration allowedLateness,
      Duration deduplicationMemory,
      @Nullable StreamFiles files) {
    this.spec = spec;
    this.window = window;
    this.allowedLateness = allowedLateness;
    this.deduplicationMemory = deduplicationMemory;
    this.files = files;
  }

  /** The streaming product of {@code spec}, a table read from files of a format a message can hold. */
  public static StreamDataProduct of(ProductSpec spec) {
    spec.outputSchema(); // a spec whose path does not fit its schema fails here, not at run time
    return new StreamDataProduct(
        spec, DEFAULT_WINDOW, Duration.ZERO, DeduplicateStream.DEFAULT_MEMORY, null);
  }

  /** Returns a {@link StreamDataProduct} like this one but counting in fixed windows of {@code size}. */
  public StreamDataProduct withWindow(Duration size) {
    if (size.getMillis() < 1) {
      throw new IllegalArgumentException("the window must be at least a millisecond");
    }
    return new StreamDataProduct(spec, size, allowedLateness, deduplicationMemory, files);
  }

  /**
   * Returns a {@link StreamDataProduct} like this one but reporting a window only once the
   * watermark is {@code lateness} past its end, so its first pane includes messages up to that
   * late.
   */
  public StreamDataProduct withAllowedLateness(Duration lateness) {
    if (lateness.getMillis() < 0) {
      throw new IllegalArgumentException("the allowed lateness cannot be negative");
    }
    return new StreamDataProduct(spec, window, lateness, deduplicationMemory, files);
  }

  /** Returns a {@link StreamDataProduct} like this one but remembering keys for {@code memory}. */
  public StreamDataProduct withDeduplicationMemory(Duration memory) {
    if (memory.getMillis() < 1) {
      throw new IllegalArgumentException("the deduplication memory must be positive");
    }
    return new StreamDataProduct(spec, window, allowedLateness, memory, files);
  }

  /**
   * Returns a {@link StreamDataProduct} like this one but also publishing the rows and failures
   * as Parquet files, committed into the product's manifest window by window ({@link
   * StreamFiles}); {@link StreamResult#manifests()} then has each committed manifest.
   */
  public StreamDataProduct withFiles(StreamFiles files) {
    return new StreamDataProduct(spec, window, allowedLateness, deduplicationMemory, files);
  }

  @Override
  public StreamResult expand(PCollection<Message> input) {
    // Counts from every branch meet in one flatten: all in the global window, as the source's are.
    PCollection<Message> messages =
        input.apply("GlobalWindow", Window.<Message>into(new GlobalWindows()));
    StageResult records =
        messages.apply(
            "Records", spec.format().parseMessages(spec.product().id(), spec.path()));
    PCollection<Row> published = records.rows();
    PCollection<Row> duplicates;
    if (spec.key().isEmpty()) {
      Schema schema = published.getSchema();
      duplicates =
          published
              .apply("NoDuplicates", ParDo.of(new NoneFn()))
              .setCoder(RowCoder.of(schema))
              .setRowSchema(schema);
    } else {
      DeduplicateStream deduplicate =
          DeduplicateStream.byKey(spec.key().toArray(new String[0]))
              .forgettingAfter(deduplicationMemory);
      if (spec.latestBy() != null) {
        deduplicate = deduplicate.keepingLatestBy(spec.latestBy());
      }
      DeduplicationResult deduplicated = published.apply("Deduplicate", deduplicate);
      published = deduplicated.unique();
      duplicates = deduplicated.duplicates();
    }
    PCollection<Failure> failures = records.failures();
    if (spec.failureKeys() != null) {
      failures = failures.apply("ProtectFailures", ProtectFailures.with(spec.failureKeys()));
    }
    PCollection<WindowTally> tallies =
        TallyWindows.of(
            messages, published, failures, duplicates, records.warningCounts(), window,
            allowedLateness);
    PCollection<WindowQuality> quality =
        spec.checks() == null
            ? messages
                .apply("NoChecks", ParDo.of(new NoQualityFn()))
                .setCoder(SerializableCoder.of(WindowQuality.class))
            : CheckWindows.of(
                spec.checks(), spec.tableName(), messages, published, failures, duplicates, window,
                allowedLateness);
    PCollection<String> manifests =
        files == null
            ? messages.apply("NoFiles", ParDo.of(new NoManifestFn())).setCoder(StringUtf8Coder.of())
            : files.publish(spec, published, failures, tallies, window, allowedLateness);
    return new StreamResult(published, failures, duplicates, tallies, quality, manifests);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("product", spec.product().id()).withLabel("Product"))
        .add(DisplayData.item("version", spec.product().version()).withLabel("Contract version"))
        .add(DisplayData.item("format", spec.format().toString()).withLabel("Message format"))
        .add(DisplayData.item("key", String.join(",", spec.key())).withLabel("Primary key"))
        .addIfNotNull(DisplayData.item("latestBy", spec.latestBy()).withLabel("Keep latest by"))
        .add(DisplayData.item("window", window.toString()).withLabel("Window"))
        .add(DisplayData.item("checkedPerWindow", spec.checks() != null).withLabel("Checks per window"))
        .add(DisplayData.item("allowedLateness", allowedLateness.toString()).withLabel("Allowed lateness"))
        .add(
            DisplayData.item("deduplicationMemory", deduplicationMemory.toString())
                .withLabel("Keys remembered for"))
        .add(
            DisplayData.item("failurePayloads", spec.failureKeys() == null ? "clear" : "encrypted")
                .withLabel("Failure payloads"))
        .addIfNotNull(
            DisplayData.item("files", files == null ? null : files.outputRoot())
                .withLabel("Parquet files under"));
  }

  /** A product without checks has no window quality: an empty collection on the stream's clock. */
  private static final class NoQualityFn extends DoFn<Message, WindowQuality> {
    @ProcessElement
    public void process() {}
  }

  /** A product without files commits no manifest: an empty collection on the stream's clock. */
  private static final class NoManifestFn extends DoFn<Message, String> {
    @ProcessElement
    public void process() {}
  }

  /** A product without a key has no duplicates: an empty collection on the stream's clock. */
  private static final class NoneFn extends DoFn<Row, Row> {
    @ProcessElement
    public void process() {}
  }
}
