package org.datamesh.core.publish;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.quality.TableQuality;

/**
 * Everything one run of a data product produced, ready to publish: for each table, how many
 * records came in, the rows to publish, the failures to quarantine, the duplicates set aside, and
 * (optionally) how often each WARN rule fired. A domain's product transform returns it; {@link
 * PublishDataProduct} takes it and commits every table in one manifest.
 *
 * <pre>{@code
 * ProductRecords records =
 *     ProductRecords.of(parsed.recordCount(), deduplicated.unique(), allFailures,
 *         deduplicated.duplicates());
 * records.apply(PublishDataProduct.of(product).to("/data/products").withRunId(runId));
 *
 * // A product of several tables: each table's records, named, then together.
 * ProductRecords both = ProductRecords.ofTables(orders.named("orders"), lines.named("order_lines"));
 * }</pre>
 *
 * <p>Records of one table that is not {@linkplain #named named} are published as the table named
 * after the product.
 */
public final class ProductRecords implements PInput, POutput {

  private final String name;
  private final PCollection<Long> inputCount;
  private final PCollection<Row> published;
  private final PCollection<Failure> quarantined;
  private final PCollection<Row> duplicates;
  private final @Nullable PCollection<KV<String, Long>> warnings;
  private final @Nullable PCollection<TableQuality> quality;
  /** Checks {@link PublishDataProduct} runs as it writes the rows; null when there are none. */
  private final @Nullable WrittenRowsChecks<?, ?> checkedWhenWritten;
  private final List<String> uniqueKey;
  /** The tables, when these are the records of several; empty for the records of one table. */
  private final List<ProductRecords> tables;

  private ProductRecords(
      String name,
      PCollection<Long> inputCount,
      PCollection<Row> published,
      PCollection<Failure> quarantined,
      PCollection<Row> duplicates,
      @Nullable PCollection<KV<String, Long>> warnings,
      @Nullable PCollection<TableQuality> quality,
      @Nullable WrittenRowsChecks<?, ?> checkedWhenWritten,
      List<String> uniqueKey) {
    this.name = name;
    this.inputCount = inputCount;
    this.published = published;
    this.quarantined = quarantined;
    this.duplicates = duplicates;
    this.warnings = warnings;
    this.quality = quality;
    this.checkedWhenWritten = checkedWhenWritten;
    this.uniqueKey = List.copyOf(uniqueKey);
    this.tables = List.of();
  }

  private ProductRecords(List<ProductRecords> tables) {
    ProductRecords first = tables.get(0);
    this.name = "";
    this.inputCount = first.inputCount;
    this.published = first.published;
    this.quarantined = first.quarantined;
    this.duplicates = first.duplicates;
    this.warnings = first.warnings;
    this.quality = first.quality;
    this.checkedWhenWritten = first.checkedWhenWritten;
    this.uniqueKey = first.uniqueKey;
    this.tables = List.copyOf(tables);
  }

  /**
   * The records of one table.
   *
   * @param inputCount a single element: how many records were read
   * @param published the rows to publish, with a schema
   * @param quarantined a failure for each record that cannot be published
   * @param duplicates the rows set aside as duplicates of a published row
   */
  public static ProductRecords of(
      PCollection<Long> inputCount,
      PCollection<Row> published,
      PCollection<Failure> quarantined,
      PCollection<Row> duplicates) {
    if (!published.hasSchema()) {
      throw new IllegalArgumentException("the rows to publish need a schema (setRowSchema)");
    }
    return new ProductRecords(
        "", inputCount, published, quarantined, duplicates, null, null, null, List.of());
  }

  /**
   * The records of several tables, each {@linkplain #named named}, published together: one
   * manifest commits them all.
   */
  public static ProductRecords ofTables(List<ProductRecords> tables) {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("a product publishes at least one table");
    }
    Set<String> names = new HashSet<>();
    for (ProductRecords table : tables) {
      if (table.isComposite() || table.name.isEmpty()) {
        throw new IllegalArgumentException(
            "each table's records must be one table's, named with named(...)");
      }
      if (!names.add(table.name)) {
        throw new IllegalArgumentException("two tables are named " + table.name);
      }
    }
    return tables.size() == 1 ? tables.get(0) : new ProductRecords(tables);
  }

  /** {@link #ofTables(List)} of {@code tables}. */
  public static ProductRecords ofTables(ProductRecords... tables) {
    return ofTables(List.of(tables));
  }

  /** Returns these records of one table, published as the table called {@code table}. */
  public ProductRecords named(String table) {
    requireOneTable();
    if (table == null || !table.matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "a table's name is its folder: lower-case letters, digits, '_' or '-', starting with a"
              + " letter; got " + table);
    }
    return new ProductRecords(
        table, inputCount, published, quarantined, duplicates, warnings,
        quality, checkedWhenWritten, uniqueKey);
  }

  /** Returns these records with how often each WARN rule fired, for the quality summary. */
  public ProductRecords withWarningCounts(PCollection<KV<String, Long>> warningsByRule) {
    requireOneTable();
    return new ProductRecords(
        name, inputCount, published, quarantined, duplicates, warningsByRule,
        quality, checkedWhenWritten, uniqueKey);
  }

  /**
   * Returns these records with what their dataset checks found (a single element, or none): the
   * table's metrics and check results go into the run's quality report and manifest, and {@link
   * PublishDataProduct} commits nothing when one of its ERROR checks failed (the quality gate).
   *
   * <pre>{@code
   * ProductRecords checked = records.withQuality(records.apply(DatasetChecks.of(checks)));
   * }</pre>
   */
  public ProductRecords withQuality(PCollection<TableQuality> quality) {
    requireOneTable();
    return new ProductRecords(
        name, inputCount, published, quarantined, duplicates, warnings, quality, null, uniqueKey);
  }

  /**
   * Returns these records checked by {@code checks} ({@link #withQuality} of what they find).
   * Checks that are {@link WrittenRowsChecks} are not applied here: {@link PublishDataProduct}
   * runs them as it writes the rows, so the published rows are read once, by the writer.
   *
   * <pre>{@code
   * ProductRecords checked = records.checkedBy("DatasetChecks", DatasetChecks.of(checks));
   * }</pre>
   */
  public ProductRecords checkedBy(
      String stepName, PTransform<ProductRecords, PCollection<TableQuality>> checks) {
    requireOneTable();
    if (checks instanceof WrittenRowsChecks<?, ?> whenWritten) {
      return new ProductRecords(
          name, inputCount, published, quarantined, duplicates, warnings, null, whenWritten,
          uniqueKey);
    }
    return withQuality(apply(stepName, checks));
  }

  /**
   * Returns these records with the published rows known to be unique by {@code key} (they were
   * deduplicated by it, so no two share its values): dataset checks then know, without counting,
   * that a set of columns holding the key has no duplicates.
   */
  public ProductRecords withUniqueKey(List<String> key) {
    requireOneTable();
    for (String column : key) {
      if (!published.getSchema().hasField(column)) {
        throw new IllegalArgumentException("the key column " + column + " is not published");
      }
    }
    return new ProductRecords(
        name, inputCount, published, quarantined, duplicates, warnings,
        quality, checkedWhenWritten, key);
  }

  /** The columns the published rows are unique by; empty when not known. */
  public List<String> uniqueKey() {
    return uniqueKey;
  }

  /**
   * Each table's records, in order: these records themselves when they are one table's.
   */
  public List<ProductRecords> tables() {
    return isComposite() ? tables : List.of(this);
  }

  /** The table's name; empty for one table not {@linkplain #named named}. */
  public String tableName() {
    requireOneTable();
    return name;
  }

  /** A single element: how many records of the (one) table were read. */
  public PCollection<Long> inputCount() {
    requireOneTable();
    return inputCount;
  }

  public PCollection<Row> published() {
    requireOneTable();
    return published;
  }

  /**
   * A failure for each record that cannot be published: what {@link PublishDataProduct} writes to
   * the quarantine and counts as {@code quarantined} in the manifest. Named as every stage's
   * result names the same records ({@code StageResult.failures()}).
   */
  public PCollection<Failure> failures() {
    requireOneTable();
    return quarantined;
  }

  /**
   * The records' failures.
   *
   * @deprecated use {@link #failures()}, the name every result type gives its failures
   */
  @Deprecated
  public PCollection<Failure> quarantined() {
    return failures();
  }

  public PCollection<Row> duplicates() {
    requireOneTable();
    return duplicates;
  }

  public @Nullable PCollection<KV<String, Long>> warningCounts() {
    requireOneTable();
    return warnings;
  }

  /** The checks {@link PublishDataProduct} runs as it writes the rows; null when none. */
  public @Nullable WrittenRowsChecks<?, ?> checkedWhenWritten() {
    requireOneTable();
    return checkedWhenWritten;
  }

  /**
   * What the table's dataset checks found; null when it has none, or when they are {@linkplain
   * #checkedWhenWritten run as the rows are written}.
   */
  public @Nullable PCollection<TableQuality> quality() {
    requireOneTable();
    return quality;
  }

  private boolean isComposite() {
    return !tables.isEmpty();
  }

  private void requireOneTable() {
    if (isComposite()) {
      throw new IllegalStateException(
          "these are the records of " + tables.size() + " tables; take one with tables()");
    }
  }

  /** Applies {@code transform} to these records, as {@code PCollection.apply} does. */
  public <OutputT extends POutput> OutputT apply(
      String name, PTransform<ProductRecords, OutputT> transform) {
    return Pipeline.applyTransform(name, this, transform);
  }

  /** Applies {@code transform} to these records, named after the transform. */
  public <OutputT extends POutput> OutputT apply(PTransform<ProductRecords, OutputT> transform) {
    return Pipeline.applyTransform(this, transform);
  }

  @Override
  public Pipeline getPipeline() {
    return published.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> values = new LinkedHashMap<>();
    for (ProductRecords table : tables()) {
      String prefix = table.name.isEmpty() ? "" : table.name + ".";
      values.put(new TupleTag<Long>(prefix + "inputCount"), table.inputCount);
      values.put(new TupleTag<Row>(prefix + "published"), table.published);
      values.put(new TupleTag<Failure>(prefix + "quarantined"), table.quarantined);
      values.put(new TupleTag<Row>(prefix + "duplicates"), table.duplicates);
      if (table.warnings != null) {
        values.put(new TupleTag<KV<String, Long>>(prefix + "warnings"), table.warnings);
      }
      if (table.quality != null) {
        values.put(new TupleTag<TableQuality>(prefix + "quality"), table.quality);
      }
    }
    return values;
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
