package org.datamesh.core.dedup;

import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.coders.CompactRowCoder;
import org.datamesh.core.failure.RowPayload;
import org.joda.time.Duration;

/**
 * Deduplicates an unbounded stream of rows by key, across windows: a row whose key was seen
 * within {@link #forgettingAfter the memory} is a duplicate unless it wins over the row kept for
 * that key (a greater {@link #keepingLatestBy ordering value}, as in batch), in which case it is
 * published as that key's update and kept instead.
 *
 * <pre>{@code
 * DeduplicationResult result =
 *     rows.apply(
 *         DeduplicateStream.byKey("order_id")
 *             .keepingLatestBy("updated_at")
 *             .forgettingAfter(Duration.standardHours(24)));
 * result.unique();       // first sightings and updates, as they arrive
 * result.duplicates();   // repeats and older versions
 * }</pre>
 *
 * <p>A stream cannot take back what it published, so "latest wins" means: a key's first row is
 * published at once; a later row of the key is published only when it is newer (what a compacted
 * topic keyed by the primary key then keeps is the batch answer); a row with the kept row's exact
 * content (a producer's retry, a replay) is always a duplicate. Rows with a missing key part are
 * never merged, as in batch.
 *
 * <p>A key is forgotten {@link #forgettingAfter the memory} after its last row was processed, by
 * a processing-time timer: state does not grow with the stream's length, only with the keys seen
 * in one memory's worth of time. Processing time rather than event time, so that a replayed
 * history (whose event times the watermark passes at once) is deduplicated as well as a live
 * stream. A row arriving after its key was forgotten is published again; so is an older version
 * then, which a compacted topic would keep as the newest. The rows are moved to the global window
 * for this, keeping their timestamps.
 */
public final class DeduplicateStream extends PTransform<PCollection<Row>, DeduplicationResult> {

  /** How long a key is remembered by default: one day after its last row. */
  public static final Duration DEFAULT_MEMORY = Duration.standardDays(1);

  private final List<String> keyFields;
  private final @Nullable String orderingField;
  private final Duration memory;

  private DeduplicateStream(List<String> keyFields, @Nullable String orderingField, Duration memory) {
    this.keyFields = List.copyOf(keyFields);
    this.orderingField = orderingField;
    this.memory = memory;
  }

  /** Deduplicates rows sharing the values of {@code keyFields}. */
  public static DeduplicateStream byKey(String... keyFields) {
    if (keyFields.length == 0) {
      throw new IllegalArgumentException("name at least one key field");
    }
    return new DeduplicateStream(List.of(keyFields), null, DEFAULT_MEMORY);
  }

  /** Returns a {@link DeduplicateStream} like this one but publishing a key's newer rows by {@code field}. */
  public DeduplicateStream keepingLatestBy(String field) {
    return new DeduplicateStream(keyFields, field, memory);
  }

  /** Returns a {@link DeduplicateStream} like this one but remembering a key for {@code memory} after its last row. */
  public DeduplicateStream forgettingAfter(Duration memory) {
    if (memory.getMillis() < 1) {
      throw new IllegalArgumentException("the memory must be positive");
    }
    return new DeduplicateStream(keyFields, orderingField, memory);
  }

  @Override
  public DeduplicationResult expand(PCollection<Row> rows) {
    Schema schema = rows.getSchema();
    for (String field : keyFields) {
      if (!schema.hasField(field)) {
        throw new IllegalArgumentException(
            "cannot deduplicate: the rows have no field " + field + " (fields: "
                + schema.getFieldNames() + ")");
      }
    }
    if (orderingField != null && !schema.hasField(orderingField)) {
      throw new IllegalArgumentException("cannot order rows: the rows have no field " + orderingField);
    }
    SchemaCoder<Row> rowCoder = CompactRowCoder.of(schema);
    TupleTag<Row> unique = new TupleTag<>() {};
    TupleTag<Row> duplicates = new TupleTag<>() {};
    PCollectionTuple picked =
        rows.apply("GlobalWindow", Window.<Row>into(new GlobalWindows()))
            .apply("KeyRows", ParDo.of(new KeyFn(keyFields)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), rowCoder))
            .apply(
                "KeepNewest",
                ParDo.of(new KeepNewestFn(rowCoder, new LatestFirst(orderingField), memory, unique, duplicates))
                    .withOutputTags(unique, TupleTagList.of(duplicates)));
    return DeduplicationResult.in(
        PCollectionTuple.of(unique, picked.get(unique).setCoder(rowCoder))
            .and(duplicates, picked.get(duplicates).setCoder(rowCoder)),
        unique,
        duplicates);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("key", String.join(",", keyFields)).withLabel("Key fields"))
        .addIfNotNull(DisplayData.item("keepLatestBy", orderingField).withLabel("Keep the latest by"))
        .add(DisplayData.item("memory", memory.toString()).withLabel("Keys remembered for"));
  }

  /** Marks a key that must not be merged with any other. */
  private static final char UNMERGED = '\u0000';

  /** Keys each row by its key's text; a row with a missing key part gets a key of its own. */
  private static final class KeyFn extends DoFn<Row, KV<String, Row>> {
    private final List<String> keyFields;
    private transient int[] keyIndices;

    KeyFn(List<String> keyFields) {
      this.keyFields = keyFields;
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<String, Row>> out) {
      if (keyIndices == null) {
        keyIndices = RowKeys.indicesOf(row.getSchema(), keyFields);
      }
      Object key = RowKeys.keyOf(row, keyIndices);
      out.output(KV.of(key == null ? UNMERGED + UUID.randomUUID().toString() : text(key), row));
    }

    /** One part as it is; several, each prefixed by its length, so no two keys share a text. */
    private static String text(Object key) {
      if (key instanceof String single) {
        return single;
      }
      StringBuilder text = new StringBuilder();
      for (Object part : (List<?>) key) {
        String value = (String) part;
        text.append(value.length()).append(':').append(value);
      }
      return text.toString();
    }
  }

  /** Keeps each key's newest row for the memory; what does not beat it is a duplicate. */
  private static final class KeepNewestFn extends DoFn<KV<String, Row>, Row> {
    private final LatestFirst order;
    private final Duration memory;
    private final TupleTag<Row> unique;
    private final TupleTag<Row> duplicates;
    private final Counter duplicateCount = Metrics.counter("datamesh.dedup", "duplicates");

    @StateId("kept")
    private final StateSpec<ValueState<Row>> kept;

    @TimerId("forget")
    private final TimerSpec forget = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

    KeepNewestFn(
        SchemaCoder<Row> rowCoder,
        LatestFirst order,
        Duration memory,
        TupleTag<Row> unique,
        TupleTag<Row> duplicates) {
      this.kept = StateSpecs.value(rowCoder);
      this.order = order;
      this.memory = memory;
      this.unique = unique;
      this.duplicates = duplicates;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Row> keyed,
        @StateId("kept") ValueState<Row> keptRow,
        @TimerId("forget") Timer forgetTimer,
        MultiOutputReceiver out) {
      Row row = keyed.getValue();
      if (!keyed.getKey().isEmpty() && keyed.getKey().charAt(0) == UNMERGED) {
        out.get(unique).output(row);
        return;
      }
      Row previous = keptRow.read();
      if (previous != null && !beats(row, previous)) {
        duplicateCount.inc();
        out.get(duplicates).output(row);
      } else {
        keptRow.write(row);
        out.get(unique).output(row);
      }
      // Each row of the key pushes its forgetting back by the whole memory. No output timestamp:
      // a processing-time timer would otherwise hold the watermark at this row for the memory.
      forgetTimer.withNoOutputTimestamp().offset(memory).setRelative();
    }

    @OnTimer("forget")
    public void forget(@StateId("kept") ValueState<Row> keptRow) {
      keptRow.clear();
    }

    /** Whether {@code row} replaces {@code previous}: different content, and not older. */
    private boolean beats(Row row, Row previous) {
      if (RowPayload.of(row).equals(RowPayload.of(previous))) {
        return false;
      }
      return order.compare(row, previous) < 0;
    }
  }
}
