package org.datamesh.core.dedup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;

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
 */
public final class DeduplicateRows extends PTransform<PCollection<Row>, DeduplicationResult> {

  private final List<String> keyFields;
  private final @Nullable String orderingField;

  private DeduplicateRows(List<String> keyFields, @Nullable String orderingField) {
    this.keyFields = List.copyOf(keyFields);
    this.orderingField = orderingField;
  }

  /** Deduplicates rows with equal values of {@code keyFields}. */
  public static DeduplicateRows byKey(String... keyFields) {
    if (keyFields.length == 0) {
      throw new IllegalArgumentException("name at least one key field");
    }
    return new DeduplicateRows(Arrays.asList(keyFields), null);
  }

  /** Returns a {@link DeduplicateRows} like this one but keeping the row greatest in {@code field}. */
  public DeduplicateRows keepingLatestBy(String field) {
    return new DeduplicateRows(keyFields, field);
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
    TupleTag<KV<String, Row>> keyed = new TupleTag<>() {};
    TupleTag<Row> unkeyed = new TupleTag<>() {};
    PCollectionTuple split =
        rows.apply(
            "KeyRows",
            ParDo.of(new KeyFn(keyFields, keyed, unkeyed))
                .withOutputTags(keyed, TupleTagList.of(unkeyed)));
    TupleTag<Row> unique = new TupleTag<>() {};
    TupleTag<Row> duplicates = new TupleTag<>() {};
    PCollectionTuple picked =
        split
            .get(keyed)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), RowCoder.of(schema)))
            .apply("GroupByKey", GroupByKey.create())
            .apply(
                "KeepLatest",
                ParDo.of(new KeepLatestFn(new LatestFirst(orderingField), unique, duplicates))
                    .withOutputTags(unique, TupleTagList.of(duplicates)));
    PCollection<Row> kept =
        PCollectionList.of(picked.get(unique).setRowSchema(schema))
            .and(split.get(unkeyed).setRowSchema(schema))
            .apply("AllKept", Flatten.pCollections())
            .setRowSchema(schema);
    return DeduplicationResult.in(
        PCollectionTuple.of(unique, kept)
            .and(duplicates, picked.get(duplicates).setRowSchema(schema)),
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
    builder.addIfNotNull(
        DisplayData.item("keepLatestBy", orderingField).withLabel("Keep the latest by"));
  }

  /** Keys each row by its key fields' values, as a JSON array so no two keys collide. */
  private static final class KeyFn extends DoFn<Row, KV<String, Row>> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> keyFields;
    private final TupleTag<KV<String, Row>> keyed;
    private final TupleTag<Row> unkeyed;

    KeyFn(List<String> keyFields, TupleTag<KV<String, Row>> keyed, TupleTag<Row> unkeyed) {
      this.keyFields = keyFields;
      this.keyed = keyed;
      this.unkeyed = unkeyed;
    }

    @ProcessElement
    public void process(@Element Row row, MultiOutputReceiver out) throws Exception {
      List<String> parts = new ArrayList<>(keyFields.size());
      for (String field : keyFields) {
        Object value = row.getValue(field);
        if (value == null) {
          out.get(unkeyed).output(row);
          return;
        }
        parts.add(value.toString());
      }
      out.get(keyed).output(KV.of(JSON.writeValueAsString(parts), row));
    }
  }

  private static final class KeepLatestFn extends DoFn<KV<String, Iterable<Row>>, Row> {
    private final LatestFirst order;
    private final TupleTag<Row> unique;
    private final TupleTag<Row> duplicates;
    private final Counter duplicateCount = Metrics.counter("datamesh.dedup", "duplicates");

    KeepLatestFn(LatestFirst order, TupleTag<Row> unique, TupleTag<Row> duplicates) {
      this.order = order;
      this.unique = unique;
      this.duplicates = duplicates;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Row>> group, MultiOutputReceiver out) {
      Row latest = null;
      List<Row> others = new ArrayList<>();
      for (Row row : group.getValue()) {
        if (latest == null) {
          latest = row;
        } else if (order.compare(row, latest) < 0) {
          others.add(latest);
          latest = row;
        } else {
          others.add(row);
        }
      }
      out.get(unique).output(latest);
      for (Row other : others) {
        duplicateCount.inc();
        out.get(duplicates).output(other);
      }
    }
  }
}
