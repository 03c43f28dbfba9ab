package org.datamesh.core.dedup;

import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.coders.CompactRowCoder;

/**
 * Keeps one row per key, the latest, and sets the others aside as duplicates (counted by
 * publication, never silently dropped).
 *
 * <pre>{@code
 * DeduplicationResult deduplicated =
 *     rows.apply(DeduplicateRows.byKey("order_id").keepingLatestBy("updated_at"));
 * deduplicated.unique();      // one row per order id
 * deduplicated.duplicates();  // the rest
 * }</pre>
 *
 * <p>"Latest" is the greatest value of the ordering field (nulls count as oldest); ties, and rows
 * without an ordering field, go to the record read later from the same source (when rows carry
 * their source position), then to a fixed order of the rows' content, so every runner keeps the
 * same row. Rows whose key has a null part are never merged: each is kept. This is the batch
 * form; streaming input is deduplicated per window.
 *
 * <p>Rows are grouped by a shard of their key ({@link #withShards}, {@value #DEFAULT_SHARDS} by
 * default), not by the key itself, and each shard keeps the latest row of each of its keys in
 * memory. Why: the Direct runner, where users' tests run, processes every group as its own bundle
 * and pays a fixed cost per bundle in every later step, so grouping 2,000 orders by order id took
 * minutes; a few hundred shards take seconds, and other runners spread shards over workers as
 * they spread keys. A shard holds the latest row of each of its keys, about {@code distinct keys /
 * shards} rows, at once: raise the shard count for inputs beyond tens of millions of keys. A key's
 * copies are not held: each leaves as a duplicate as soon as a later one displaces it (see {@link
 * LatestPerKey}), so a hot key (one key, millions of copies) costs one row of memory. Its copies
 * all cross the shuffle to one shard, though: such a shard is slower, not larger.
 */
public final class DeduplicateRows extends PTransform<PCollection<Row>, DeduplicationResult> {

  /** How many groups rows are split into by default; see the class comment. */
  public static final int DEFAULT_SHARDS = 128;

  private final List<String> keyFields;
  private final @Nullable String orderingField;
  private final int shards;

  private DeduplicateRows(List<String> keyFields, @Nullable String orderingField, int shards) {
    this.keyFields = List.copyOf(keyFields);
    this.orderingField = orderingField;
    this.shards = shards;
  }

  /** Deduplicates rows with equal values of {@code keyFields}. */
  public static DeduplicateRows byKey(String... keyFields) {
    if (keyFields.length == 0) {
      throw new IllegalArgumentException("name at least one key field");
    }
    return new DeduplicateRows(Arrays.asList(keyFields), null, DEFAULT_SHARDS);
  }

  /** Returns a {@link DeduplicateRows} like this one but keeping the row greatest in {@code field}. */
  public DeduplicateRows keepingLatestBy(String field) {
    return new DeduplicateRows(keyFields, field, shards);
  }

  /**
   * Returns a {@link DeduplicateRows} like this one but grouping rows into {@code shards} groups by
   * their key's hash; each group's latest rows are held in memory at once.
   */
  public DeduplicateRows withShards(int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be positive");
    }
    return new DeduplicateRows(keyFields, orderingField, shards);
  }

  @Override
  public DeduplicationResult expand(PCollection<Row> rows) {
    Schema schema = rows.getSchema();
    for (String field : keyFields) {
      require(schema, field);
    }
    if (orderingField != null) {
      FieldType type = require(schema, orderingField);
      if (!type.getTypeName().isPrimitiveType() && !type.getTypeName().isLogicalType()) {
        throw new IllegalArgumentException(orderingField + " cannot order rows: it is " + type);
      }
    }
    // Rows cross the shuffle here, so they get the compact coder rather than RowCoder.
    SchemaCoder<Row> rowCoder = CompactRowCoder.of(schema);
    TupleTag<Row> unique = new TupleTag<>() {};
    TupleTag<Row> duplicates = new TupleTag<>() {};
    PCollectionTuple picked =
        rows.apply("ShardByKey", ParDo.of(new ShardFn(keyFields, shards)))
            .setCoder(KvCoder.of(VarIntCoder.of(), rowCoder))
            .apply("GroupShards", GroupByKey.create())
            .apply(
                "KeepLatest",
                ParDo.of(
                        new KeepLatestFn(
                            keyFields, new LatestFirst(orderingField), unique, duplicates))
                    .withOutputTags(unique, TupleTagList.of(duplicates)));
    PCollection<Row> kept = picked.get(unique).setCoder(rowCoder);
    return DeduplicationResult.in(
        PCollectionTuple.of(unique, kept)
            .and(duplicates, picked.get(duplicates).setCoder(rowCoder)),
        unique,
        duplicates);
  }

  private static FieldType require(Schema schema, String field) {
    if (!schema.hasField(field)) {
      throw new IllegalArgumentException(
          "cannot deduplicate: the rows have no field " + field + " (fields: "
              + schema.getFieldNames() + ")");
    }
    return schema.getField(field).getType();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("key", String.join(",", keyFields)).withLabel("Key fields"));
    builder.add(DisplayData.item("shards", shards).withLabel("Groups by key hash"));
    builder.addIfNotNull(
        DisplayData.item("keepLatestBy", orderingField).withLabel("Keep the latest by"));
  }

  /**
   * Sends each row to the shard of its key. Rows with a null key part go to a shard too (spread by
   * their content) and are passed through there: one output, so runners such as Flink can chain
   * this step to the next instead of copying every row to a second consumer.
   */
  private static final class ShardFn extends DoFn<Row, KV<Integer, Row>> {
    private final List<String> keyFields;
    private final int shards;
    private transient int[] keyIndices;

    ShardFn(List<String> keyFields, int shards) {
      this.keyFields = keyFields;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<Integer, Row>> out) {
      if (keyIndices == null) {
        keyIndices = RowKeys.indicesOf(row.getSchema(), keyFields);
      }
      Object key = RowKeys.keyOf(row, keyIndices);
      // String and List hash codes are defined by their content, so every worker agrees.
      int hash = key == null ? row.hashCode() : key.hashCode();
      out.output(KV.of(Math.floorMod(hash, shards), row));
    }
  }

  /** Keeps the latest row of each key of one shard; the others leave as duplicates at once. */
  private static final class KeepLatestFn extends DoFn<KV<Integer, Iterable<Row>>, Row> {
    private final List<String> keyFields;
    private final LatestFirst order;
    private final TupleTag<Row> unique;
    private final TupleTag<Row> duplicates;
    private final Counter duplicateCount = Metrics.counter("datamesh.dedup", "duplicates");
    private transient int[] keyIndices;

    KeepLatestFn(
        List<String> keyFields, LatestFirst order, TupleTag<Row> unique, TupleTag<Row> duplicates) {
      this.keyFields = keyFields;
      this.order = order;
      this.unique = unique;
      this.duplicates = duplicates;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Row>> shard, MultiOutputReceiver out) {
      // The group is iterated once, never copied: on runners that stream a group's values
      // (Flink's batch group-reduce, Dataflow's shuffle) only the latest row of each key is held,
      // a hot key included. The Direct runner holds whole groups in memory whatever we do.
      LatestPerKey latest = new LatestPerKey(order);
      long setAside = 0;
      for (Row row : shard.getValue()) {
        if (keyIndices == null) {
          keyIndices = RowKeys.indicesOf(row.getSchema(), keyFields);
        }
        Object key = RowKeys.keyOf(row, keyIndices);
        if (key == null) {
          out.get(unique).output(row);
          continue;
        }
        Row duplicate = latest.offer(key, row);
        if (duplicate != null) {
          setAside++;
          out.get(duplicates).output(duplicate);
        }
      }
      latest.rows().forEach(out.get(unique)::output);
      duplicateCount.inc(setAside);
    }
  }
}
