package org.datamesh.core.relate;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.FailureSchemaProvider;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;

/**
 * Checks one {@link Relationship} on the rows of its referencing table against the rows of its
 * referenced table: rows with a match (or a null in their columns) pass, rows without one fail
 * at {@code VALIDATE} with the relationship's rule (or, for a WARN relationship, pass and are
 * counted).
 *
 * <pre>{@code
 * PCollection<Row> customers =
 *     pipeline.apply(ReadDataProduct.from("/data/products/crm/customers").table("customers"));
 * StageResult checked =
 *     orders.apply(
 *         CheckRelationship.of(
 *                 Relationship.from("orders", "customer_id")
 *                     .toPublished("crm/customers", "customers", "customer_id"),
 *                 customers)
 *             .forProduct("sales.orders"));
 * checked.rows();           // orders whose customer exists
 * checked.failures();       // one Failure per order without one: orders.customer_id.relationship
 * }</pre>
 *
 * <p>Values are compared by their canonical text (the text protection tokenizes: plain decimal
 * numbers, ISO-8601 times), so a key read as a number on one side and as text on the other still
 * matches, and two columns tokenized with the same keys match exactly when their clear values do.
 * How: the keys of both sides (never the rows) are grouped by a shard of the key's hash ({@link
 * #withShards}); each shard, in one pass over its keys, finds the referencing keys no referenced
 * row has. Those orphan keys, usually few, reach every worker as a side input, and each row is
 * judged where it is, without moving it. Why one pass: Flink's batch runner gives a group's
 * values once, so a join that read a group's two sides one after the other failed on groups of
 * more than 10,000 values. Why shards rather than the keys themselves: the Direct runner makes a
 * bundle per group, which costs seconds per thousand keys (see {@code DeduplicateRows}).
 */
public final class CheckRelationship extends PTransform<PCollection<Row>, StageResult> {

  /** Groups by key hash when no count is given, as {@code DeduplicateRows} does. */
  public static final int DEFAULT_SHARDS = 128;

  private final Relationship relationship;
  private final PCollection<Row> referenced;
  private final String product;
  private final int shards;

  private CheckRelationship(
      Relationship relationship, PCollection<Row> referenced, String product, int shards) {
    this.relationship = relationship;
    this.referenced = referenced;
    this.product = product;
    this.shards = shards;
  }

  /** Checks {@code relationship} against the rows of its referenced table, {@code referenced}. */
  public static CheckRelationship of(Relationship relationship, PCollection<Row> referenced) {
    return new CheckRelationship(relationship, referenced, "", DEFAULT_SHARDS);
  }

  /** Returns a check like this one but naming {@code product} (its id) in its failures. */
  public CheckRelationship forProduct(String product) {
    return new CheckRelationship(relationship, referenced, product, shards);
  }

  /** Returns a check like this one but grouping both sides into {@code shards} groups. */
  public CheckRelationship withShards(int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be positive");
    }
    return new CheckRelationship(relationship, referenced, product, shards);
  }

  /** The referenced rows are an input of this transform as much as the referencing ones. */
  @Override
  public Map<TupleTag<?>, PValue> getAdditionalInputs() {
    return Map.of(new TupleTag<Row>("referenced"), referenced);
  }

  @Override
  public StageResult expand(PCollection<Row> rows) {
    Schema schema = rows.getSchema();
    requireColumns(schema, relationship.fromTable(), relationship.fromColumns());
    requireColumns(referenced.getSchema(), relationship.toTable(), relationship.toColumns());

    KvCoder<Integer, KV<Boolean, List<String>>> sideKeyCoder =
        KvCoder.of(VarIntCoder.of(), KvCoder.of(BooleanCoder.of(), ListCoder.of(StringUtf8Coder.of())));
    PCollection<KV<Integer, KV<Boolean, List<String>>>> referencingKeys =
        rows.apply(
                "KeyReferencing",
                ParDo.of(new ShardKeysFn(relationship.fromColumns(), shards, false)))
            .setCoder(sideKeyCoder);
    PCollection<KV<Integer, KV<Boolean, List<String>>>> referencedKeys =
        referenced
            .apply("KeyReferenced", ParDo.of(new ShardKeysFn(relationship.toColumns(), shards, true)))
            .setCoder(sideKeyCoder);
    PCollectionView<List<List<String>>> orphans =
        PCollectionList.of(referencingKeys)
            .and(referencedKeys)
            .apply("BothSides", Flatten.pCollections())
            .apply("GroupShards", GroupByKey.create())
            .apply("OrphanKeys", ParDo.of(new OrphanKeysFn()))
            .setCoder(ListCoder.of(StringUtf8Coder.of()))
            .apply("OrphanKeysView", View.asList());

    TupleTag<Row> passed = new TupleTag<>("passed");
    TupleTag<Failure> failed = new TupleTag<>("failed");
    TupleTag<KV<String, Long>> warned = new TupleTag<>("warned");
    PCollectionTuple outcome =
        rows.apply(
            "Match",
            ParDo.of(new MatchFn(relationship, product, orphans, passed, failed, warned))
                .withSideInputs(orphans)
                .withOutputTags(passed, TupleTagList.of(failed).and(warned)));
    PCollection<Row> kept = outcome.get(passed).setRowSchema(schema).setCoder(rows.getCoder());
    PCollection<Failure> failures = outcome.get(failed).setCoder(FailureSchemaProvider.coder());
    PCollection<KV<String, Long>> warnings =
        outcome
            .get(warned)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
            .apply("CountWarnings", Sum.longsPerKey());
    return StageResult.of(kept, failures, warnings, rows.apply("CountRows", Count.globally()));
  }

  private static void requireColumns(Schema schema, String table, List<String> columns) {
    for (String column : columns) {
      if (!schema.hasField(column)) {
        throw new IllegalArgumentException(
            "the relationship names " + table + "." + column + ", which the rows of " + table
                + " do not have (columns: " + schema.getFieldNames() + ")");
      }
    }
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("relationship", relationship.toString()).withLabel("Relationship"))
        .add(DisplayData.item("rule", relationship.ruleId()).withLabel("Rule"))
        .add(DisplayData.item("severity", relationship.severity().name()).withLabel("Severity"))
        .add(DisplayData.item("shards", shards).withLabel("Groups by key hash"));
  }

  /**
   * Each key of a side under its shard, marked {@code true} for the referenced side; rows with a
   * null part reference nothing and are not checked.
   */
  private static final class ShardKeysFn
      extends DoFn<Row, KV<Integer, KV<Boolean, List<String>>>> {
    private final List<String> columns;
    private final int shards;
    private final boolean referenced;

    ShardKeysFn(List<String> columns, int shards, boolean referenced) {
      this.columns = columns;
      this.shards = shards;
      this.referenced = referenced;
    }

    @ProcessElement
    public void process(
        @Element Row row, OutputReceiver<KV<Integer, KV<Boolean, List<String>>>> out) {
      List<String> key = RelationshipKeys.of(row, columns);
      if (key != null) {
        out.output(KV.of(Math.floorMod(key.hashCode(), shards), KV.of(referenced, key)));
      }
    }
  }

  /** In one pass over a shard's keys: the referencing keys that no referenced row has. */
  private static final class OrphanKeysFn
      extends DoFn<KV<Integer, Iterable<KV<Boolean, List<String>>>>, List<String>> {
    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<Boolean, List<String>>>> shard,
        OutputReceiver<List<String>> out) {
      Set<List<String>> referencing = new HashSet<>();
      Set<List<String>> referenced = new HashSet<>();
      for (KV<Boolean, List<String>> key : shard.getValue()) {
        (key.getKey() ? referenced : referencing).add(key.getValue());
      }
      referencing.removeAll(referenced);
      referencing.forEach(out::output);
    }
  }

  /** Passes or fails each referencing row where it is, against the orphan keys. */
  private static final class MatchFn extends DoFn<Row, Row> {
    private final Relationship relationship;
    private final String product;
    private final PCollectionView<List<List<String>>> orphanKeys;
    private final TupleTag<Row> passed;
    private final TupleTag<Failure> failed;
    private final TupleTag<KV<String, Long>> warned;
    private transient @Nullable Set<List<String>> orphans;

    MatchFn(
        Relationship relationship,
        String product,
        PCollectionView<List<List<String>>> orphanKeys,
        TupleTag<Row> passed,
        TupleTag<Failure> failed,
        TupleTag<KV<String, Long>> warned) {
      this.relationship = relationship;
      this.product = product;
      this.orphanKeys = orphanKeys;
      this.passed = passed;
      this.failed = failed;
      this.warned = warned;
    }

    @StartBundle
    public void startBundle() {
      orphans = null;
    }

    @ProcessElement
    public void process(ProcessContext context, MultiOutputReceiver out) {
      if (orphans == null) {
        orphans = new HashSet<>(context.sideInput(orphanKeys));
      }
      Row row = context.element();
      List<String> key = RelationshipKeys.of(row, relationship.fromColumns());
      if (key == null || !orphans.contains(key)) {
        out.get(passed).output(row);
      } else if (relationship.severity() == Severity.WARN) {
        out.get(warned).output(KV.of(relationship.ruleId(), 1L));
        out.get(passed).output(row);
      } else {
        Violation violation =
            Violation.of(
                relationship.ruleId(), relationship.field(), Severity.ERROR, relationship.reason());
        out.get(failed).output(Failure.ofRow(Stage.VALIDATE, product, List.of(violation), row));
      }
    }
  }
}
