package org.datamesh.core.publish;

import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.FailureRows;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.failure.SourcePosition;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Writes an unbounded collection of rows as Parquet files per fixed event-time window: each shard
 * of a window keeps its rows in Beam state until the watermark passes the window's end plus the
 * allowed lateness, then writes them as one file, {@code
 * <directory>/window_start=20261201T100000Z/part-00001-pane-0.parquet}; rows later still are
 * written in the next pane's file. Returns a {@link WindowFile} for every file written, for a
 * commit step to list in the manifest ({@link CommitWindow}).
 *
 * <pre>{@code
 * PCollection<WindowFile> files =
 *     publishedRows.apply(
 *         WriteWindowFiles.rows("/data/sales/orders/runs/20261201T100000Z-1a2b3c/orders", "orders")
 *             .withWindow(Duration.standardMinutes(1))
 *             .withShards(2));
 * }</pre>
 *
 * <p>Beam's own windowed writes drop a row later than the allowed lateness; this never does, as
 * {@code TallyWindows} never drops one from a count: the rows stay in the global window, keyed
 * by their window's start. A row goes to a shard by where it came from (topic, partition and
 * offset when it carries them), so a stream restored from a checkpoint writes the same rows into
 * the same files again, and a file is replaced in one step (on a local disk, a temporary file
 * renamed over it; an object store shows a new object only once complete): a reader of a
 * manifest that already lists it never sees half a file.
 */
public final class WriteWindowFiles extends PTransform<PCollection<Row>, PCollection<WindowFile>> {

  private final String directory;
  private final String recordName;
  private final boolean quarantine;
  private final Duration window;
  private final Duration allowedLateness;
  private final int shards;

  private WriteWindowFiles(
      String directory,
      String recordName,
      boolean quarantine,
      Duration window,
      Duration allowedLateness,
      int shards) {
    this.directory = directory;
    this.recordName = recordName;
    this.quarantine = quarantine;
    this.window = window;
    this.allowedLateness = allowedLateness;
    this.shards = shards;
  }

  /**
   * Writes published rows into {@code directory}, in Parquet messages named {@code recordName};
   * a trailing {@link SourceField} is not written. Windows of one minute, no lateness, 2 shards.
   */
  public static WriteWindowFiles rows(String directory, String recordName) {
    return new WriteWindowFiles(
        directory, recordName, false, Duration.standardMinutes(1), Duration.ZERO, 2);
  }

  /**
   * Writes quarantined records, rows of {@link FailureRows#SCHEMA}, into {@code directory},
   * counting each file's failures per stage and rule.
   */
  public static WriteWindowFiles failures(String directory) {
    return new WriteWindowFiles(
        directory, "quarantined", true, Duration.standardMinutes(1), Duration.ZERO, 2);
  }

  /** Returns a {@link WriteWindowFiles} like this one but with windows of {@code size}. */
  public WriteWindowFiles withWindow(Duration size) {
    if (size.getMillis() < 1) {
      throw new IllegalArgumentException("the window must be at least a millisecond");
    }
    return new WriteWindowFiles(directory, recordName, quarantine, size, allowedLateness, shards);
  }

  /**
   * Returns a {@link WriteWindowFiles} like this one but writing a window's first files only
   * once the watermark is {@code lateness} past its end.
   */
  public WriteWindowFiles withAllowedLateness(Duration lateness) {
    if (lateness.getMillis() < 0) {
      throw new IllegalArgumentException("the allowed lateness cannot be negative");
    }
    return new WriteWindowFiles(directory, recordName, quarantine, window, lateness, shards);
  }

  /**
   * Returns a {@link WriteWindowFiles} like this one but writing each pane of a window as at
   * most {@code count} files, in parallel.
   */
  public WriteWindowFiles withShards(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a window is written in at least one shard");
    }
    return new WriteWindowFiles(directory, recordName, quarantine, window, allowedLateness, count);
  }

  @Override
  public PCollection<WindowFile> expand(PCollection<Row> rows) {
    Schema written = SourceField.removeTrailing(rows.getSchema());
    if (quarantine && !written.equivalent(FailureRows.SCHEMA)) {
      throw new IllegalArgumentException(
          "WriteWindowFiles.failures writes rows of FailureRows.SCHEMA; got " + written);
    }
    return rows.apply("ToWindowShards", ParDo.of(new ShardFn(window.getMillis(), shards)))
        .setCoder(KvCoder.of(KvCoder.of(VarLongCoder.of(), VarIntCoder.of()), rows.getCoder()))
        .apply(
            "WriteWhenComplete",
            ParDo.of(
                new WindowBufferFn(
                    rows.getCoder(),
                    new WindowParquet(directory, written, recordName, quarantine),
                    window,
                    allowedLateness)))
        .setCoder(SerializableCoder.of(WindowFile.class));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("directory", directory).withLabel("Folder"))
        .add(DisplayData.item("contents", quarantine ? "quarantine" : "rows").withLabel("Contents"))
        .add(DisplayData.item("window", window.toString()).withLabel("Window"))
        .add(DisplayData.item("allowedLateness", allowedLateness.toString()).withLabel("Allowed lateness"))
        .add(DisplayData.item("shards", shards).withLabel("Shards"));
  }

  /** Keys each row by its window's start and its shard, in the global window it came in. */
  private static final class ShardFn extends DoFn<Row, KV<KV<Long, Integer>, Row>> {
    private final long size;
    private final int shards;

    ShardFn(long size, int shards) {
      this.size = size;
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element Row row, @Timestamp Instant timestamp, OutputReceiver<KV<KV<Long, Integer>, Row>> out) {
      long start = timestamp.getMillis() - Math.floorMod(timestamp.getMillis(), size);
      out.output(KV.of(KV.of(start, Math.floorMod(origin(row), shards)), row));
    }

    /** A hash of where the row came from: the same on every replay of the same message. */
    private static int origin(Row row) {
      SourcePosition position = SourceField.positionOf(row);
      if (position == null && row.getSchema().hasField("source")
          && row.getSchema().getField("source").getType().getTypeName() == Schema.TypeName.ROW) {
        position = FailureRows.sourcePosition(row.getRow("source"));
      }
      if (position != null) {
        return Objects.hash(position.source(), position.partition(), position.offset());
      }
      return stableHash(row);
    }

    /** A hash of the row's values that does not depend on the JVM (no identity hashes). */
    private static int stableHash(@Nullable Object value) {
      if (value instanceof Row row) {
        int hash = 1;
        for (Object field : row.getValues()) {
          hash = 31 * hash + stableHash(field);
        }
        return hash;
      }
      if (value instanceof Iterable<?> values) {
        int hash = 7;
        for (Object item : values) {
          hash = 31 * hash + stableHash(item);
        }
        return hash;
      }
      if (value instanceof byte[] bytes) {
        return java.util.Arrays.hashCode(bytes);
      }
      return Objects.hashCode(value);
    }
  }
}
