package org.datamesh.core.pipeline;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.ProtectionStep;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.quality.TableQuality;
import org.datamesh.core.record.RecordPath;
import org.datamesh.core.record.RecordStep;

/**
 * Everything that defines how a data product is built from its input, declared once: its
 * identity, its input format, the record path (validation, standardization, ...) and its primary
 * key. A contract maps to one; a product written in Java builds one fluently.
 *
 * <pre>{@code
 * ProductSpec orders =
 *     ProductSpec.of(DataProduct.of("sales", "orders", "1.0.0"))
 *         .readingFrom(RecordFormat.csv(rawSchema))
 *         .through(StandardizationStep.of(standardizers), ValidationStep.of(rules))
 *         .deduplicatedBy("order_id")
 *         .keepingLatestBy("updated_at");
 * pipeline.apply(DataProductPipeline.of(orders).from("/exports/orders/*.csv").to("/data/products"));
 * }</pre>
 *
 * <p>Immutable: every {@code withX}-style method returns a new spec.
 */
public final class ProductSpec implements Serializable {

  private final DataProduct product;
  private final @Nullable RecordFormat format;
  private final RecordPath path;
  private final List<String> key;
  private final @Nullable String latestBy;
  private final Publication publication;
  private final @Nullable PTransform<ProductRecords, PCollection<TableQuality>> checks;

  /**
   * How the rows are laid out and kept once published: the table they are published as (empty:
   * the table named after the product), its partitions, and how long old runs are kept.
   */
  private record Publication(
      String table,
      List<String> partitionKeys,
      @Nullable Duration retention,
      @Nullable DataKeys failureKeys)
      implements Serializable {

    Publication withTable(String table) {
      return new Publication(table, partitionKeys, retention, failureKeys);
    }

    Publication withPartitionKeys(List<String> partitionKeys) {
      return new Publication(table, partitionKeys, retention, failureKeys);
    }

    Publication withRetention(Duration retention) {
      return new Publication(table, partitionKeys, retention, failureKeys);
    }

    Publication withFailureKeys(DataKeys failureKeys) {
      return new Publication(table, partitionKeys, retention, failureKeys);
    }
  }

  private ProductSpec(
      DataProduct product,
      @Nullable RecordFormat format,
      RecordPath path,
      List<String> key,
      @Nullable String latestBy,
      Publication publication,
      @Nullable PTransform<ProductRecords, PCollection<TableQuality>> checks) {
    this.product = product;
    this.format = format;
    this.path = path;
    this.key = List.copyOf(key);
    this.latestBy = latestBy;
    this.publication = publication;
    this.checks = checks;
  }

  /** A product with no input format yet, no record steps and no key. */
  public static ProductSpec of(DataProduct product) {
    return new ProductSpec(
        product, null, RecordPath.empty(), List.of(), null, new Publication("", List.of(), null, null), null);
  }

  /** Returns a spec like this one but reading input laid out as {@code format}. */
  public ProductSpec readingFrom(RecordFormat format) {
    return new ProductSpec(product, format, path, key, latestBy, publication, checks);
  }

  /** Returns a spec like this one with {@code steps} added to the end of its record path. */
  public ProductSpec through(RecordStep... steps) {
    return new ProductSpec(product, format, path.then(RecordPath.of(steps)), key, latestBy, publication, checks);
  }

  /** Returns a spec like this one with {@code path} added to the end of its record path. */
  public ProductSpec through(RecordPath path) {
    return new ProductSpec(product, format, this.path.then(path), key, latestBy, publication, checks);
  }

  /**
   * Returns a spec like this one with {@code protection} run last in its record path, and its
   * failures' raw payloads encrypted with the same keys (see {@code ProtectFailures}), so neither
   * its files nor its quarantine hold a clear value of a protected column.
   */
  public ProductSpec protectedBy(ProtectionStep protection) {
    return new ProductSpec(
        product, format, path.then(RecordPath.of(protection)), key, latestBy,
        publication.withFailureKeys(protection.keys()), checks);
  }

  /** The keys the raw payloads of failures are encrypted with; null when they are kept clear. */
  public @Nullable DataKeys failureKeys() {
    return publication.failureKeys();
  }

  /**
   * Returns a spec like this one but keeping one record per value of {@code fields} (the primary
   * key); without a key nothing is deduplicated.
   */
  public ProductSpec deduplicatedBy(String... fields) {
    return new ProductSpec(product, format, path, Arrays.asList(fields), latestBy, publication, checks);
  }

  /** Returns a spec like this one but keeping, of records sharing a key, the greatest {@code field}. */
  public ProductSpec keepingLatestBy(String field) {
    return new ProductSpec(product, format, path, key, field, publication, checks);
  }

  /**
   * Returns a spec like this one but publishing into Hive-style partition folders by {@code
   * fields}, outermost first (a contract's {@code partitionKeys()}); see {@code
   * PublishDataProduct.withPartitionKeys}.
   */
  public ProductSpec partitionedBy(List<String> fields) {
    return new ProductSpec(
        product, format, path, key, latestBy,
        publication.withPartitionKeys(List.copyOf(fields)), checks);
  }

  /**
   * Returns a spec like this one but removing, after each commit, runs no manifest references that
   * started longer than {@code retention} ago (a contract's {@code serviceLevels().retention()});
   * see {@code PublishDataProduct.withRetention}.
   */
  public ProductSpec retainingRunsFor(Duration retention) {
    return new ProductSpec(
        product, format, path, key, latestBy,
        publication.withRetention(retention), checks);
  }

  /**
   * Returns a spec like this one but publishing its rows as the table called {@code table} of the
   * product: its folder in each run, and its name in the manifest. A product of several tables
   * has one spec per table, all of the same {@link DataProduct}.
   *
   * <pre>{@code
   * ProductSpec lines = ProductSpec.of(sales).table("order_lines").readingFrom(...);
   * }</pre>
   */
  public ProductSpec table(String table) {
    if (table == null || !table.matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "a table's name is its folder: lower-case letters, digits, '_' or '-', starting with a"
              + " letter; got " + table);
    }
    return new ProductSpec(
        product, format, path, key, latestBy,
        publication.withTable(table), checks);

  }

  /**
   * Returns a spec like this one but running {@code checks} on every run's records before they
   * are published: their metrics and results go into the run's quality report and manifest, and
   * a failed ERROR check stops the run from publishing (the quality gate).
   *
   * <pre>{@code
   * spec.checkedBy(DatasetChecks.of(Check.rowCount(Comparison.mustBeGreaterThan(0))));
   * }</pre>
   */
  public ProductSpec checkedBy(PTransform<ProductRecords, PCollection<TableQuality>> checks) {
    return new ProductSpec(product, format, path, key, latestBy, publication, checks);
  }

  /** The dataset checks run before publication; null when there are none. */
  public @Nullable PTransform<ProductRecords, PCollection<TableQuality>> checks() {
    return checks;
  }

  /** The table the rows are published as: the name given to {@link #table}, else the product's. */
  public String tableName() {
    return publication.table().isEmpty() ? product.name() : publication.table();
  }

  public DataProduct product() {
    return product;
  }

  /** The input format; throws when none was given. */
  public RecordFormat format() {
    if (format == null) {
      throw new IllegalStateException(
          product.id() + " has no input format: say how it is read with readingFrom(...)");
    }
    return format;
  }

  public RecordPath path() {
    return path;
  }

  /** The primary key's fields; empty when records are not deduplicated. */
  public List<String> key() {
    return key;
  }

  public @Nullable String latestBy() {
    return latestBy;
  }

  /** The partition keys of the published data, outermost first; empty when not partitioned. */
  public List<String> partitionKeys() {
    return publication.partitionKeys();
  }

  /** How long runs no manifest references are kept; null keeps them all. */
  public @Nullable Duration retention() {
    return publication.retention();
  }

  /** The schema of the published rows, checking that every step applies. */
  public Schema outputSchema() {
    for (String name : format().schema().getFieldNames()) {
      if (name.equals(org.datamesh.core.failure.SourceField.NAME)) {
        throw new IllegalArgumentException(
            product.id() + ": the input schema has a field named " + name
                + ", which is reserved for the record's source position");
      }
    }
    Schema schema = path.outputSchema(format().schema());
    for (String field : key) {
      if (!schema.hasField(field)) {
        throw new IllegalArgumentException(
            product.id() + ": the key field " + field + " is not in the records (fields: "
                + schema.getFieldNames() + ")");
      }
    }
    if (latestBy != null && !schema.hasField(latestBy)) {
      throw new IllegalArgumentException(
          product.id() + ": keepingLatestBy names " + latestBy + ", which the records do not have");
    }
    return schema;
  }
}
