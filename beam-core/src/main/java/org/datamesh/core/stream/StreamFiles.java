package org.datamesh.core.stream;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.FailureRows;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.product.RunId;
import org.datamesh.core.publish.CommitWindow;
import org.datamesh.core.publish.WindowFile;
import org.datamesh.core.publish.WriteWindowFiles;
import org.joda.time.Duration;

/**
 * Where and how a streaming product also publishes Parquet files, committed window by window
 * into the product's manifest as in batch: {@code <outputRoot>/<domain>/<name>/_manifest.json},
 * the rows under {@code runs/<run-id>/<table>/window_start=.../}, the failures under {@code
 * quarantine/<run-id>/<table>/window_start=.../}.
 *
 * <pre>{@code
 * StreamResult result =
 *     messages.apply(
 *         StreamDataProduct.of(spec).withFiles(StreamFiles.to("/data/products").withShards(2)));
 * result.manifests(); // the manifest's JSON after each window's commit
 * }</pre>
 *
 * <p>The stream is one run (one run id) for as long as it runs, and across restores from its
 * checkpoints when it is given the same run id ({@link #withRunId}); each window is committed
 * once the watermark passes its end plus the allowed lateness and its files and counts agree, and
 * again for each late pane ({@link CommitWindow}). A window's rows are every row published in it:
 * a key's first version and its newer versions, as the output topic has them.
 */
public final class StreamFiles {

  private final String outputRoot;
  private final @Nullable String runId;
  private final @Nullable String replacing;
  private final int shards;

  private StreamFiles(String outputRoot, @Nullable String runId, @Nullable String replacing, int shards) {
    this.outputRoot = outputRoot;
    this.runId = runId;
    this.replacing = replacing;
    this.shards = shards;
  }

  /** Files under {@code outputRoot} (any Beam file system path), a new run id, two shards. */
  public static StreamFiles to(String outputRoot) {
    if (outputRoot == null || outputRoot.isBlank()) {
      throw new IllegalArgumentException("say where to publish the stream's files");
    }
    return new StreamFiles(outputRoot, null, null, 2);
  }

  /** Returns a {@link StreamFiles} like this one but for the run {@code runId}. */
  public StreamFiles withRunId(String runId) {
    return new StreamFiles(outputRoot, runId, replacing, shards);
  }

  /**
   * Returns a {@link StreamFiles} like this one but whose first commit replaces the version of
   * run {@code runId} ({@code ""}: none), the one in force when the stream first started, rather
   * than the one in force when the pipeline is built (which, for a stream resumed from a
   * checkpoint, may be its own).
   */
  public StreamFiles replacing(String runId) {
    return new StreamFiles(outputRoot, this.runId, runId, shards);
  }

  /** Returns a {@link StreamFiles} like this one but writing each window in {@code count} shards. */
  public StreamFiles withShards(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a window is written in at least one shard");
    }
    return new StreamFiles(outputRoot, runId, replacing, count);
  }

  String outputRoot() {
    return outputRoot;
  }

  /** Writes the files and commits each window; returns each committed manifest's JSON. */
  PCollection<String> publish(
      ProductSpec spec,
      PCollection<Row> published,
      PCollection<Failure> failures,
      PCollection<WindowTally> tallies,
      Duration window,
      Duration allowedLateness) {
    String table = spec.tableName().isEmpty() ? spec.product().name() : spec.tableName();
    CommitWindow commit =
        CommitWindow.of(
            spec.product(), outputRoot, runId == null ? RunId.generate() : runId, table,
            published.getSchema());
    if (replacing != null) {
      commit = commit.replacing(replacing);
    }
    PCollection<WindowFile> dataFiles =
        published.apply(
            "WriteWindowRows",
            WriteWindowFiles.rows(commit.dataDirectory(), commit.recordName())
                .withWindow(window)
                .withAllowedLateness(allowedLateness)
                .withShards(shards));
    PCollection<WindowFile> quarantineFiles =
        failures
            .apply(
                "FailureToRow", MapElements.into(TypeDescriptors.rows()).via(FailureRows::toRow))
            .setRowSchema(FailureRows.SCHEMA)
            .apply(
                "WriteWindowFailures",
                WriteWindowFiles.failures(commit.quarantineDirectory())
                    .withWindow(window)
                    .withAllowedLateness(allowedLateness)
                    .withShards(shards));
    KvCoder<Long, WindowParts.Part> coder =
        KvCoder.of(VarLongCoder.of(), SerializableCoder.of(WindowParts.Part.class));
    TypeDescriptor<KV<Long, WindowParts.Part>> type =
        TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptor.of(WindowParts.Part.class));
    PCollection<KV<Long, WindowParts.Part>> fileParts =
        PCollectionList.of(dataFiles)
            .and(quarantineFiles)
            .apply("AllFiles", Flatten.pCollections())
            .apply("ByWindow", MapElements.into(type).via(f -> KV.of(f.start(), WindowParts.Part.of(f))))
            .setCoder(coder);
    PCollection<KV<Long, WindowParts.Part>> tallyParts =
        tallies
            .apply(
                "TallyByWindow",
                MapElements.into(type).via(t -> KV.of(t.start().getMillis(), WindowParts.Part.of(t))))
            .setCoder(coder);
    return PCollectionList.of(fileParts)
        .and(tallyParts)
        .apply("FilesAndTallies", Flatten.pCollections())
        .apply("CommitWindows", ParDo.of(new CommitWindowsFn(commit)));
  }
}
