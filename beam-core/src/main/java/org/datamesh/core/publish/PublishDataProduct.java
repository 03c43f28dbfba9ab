package org.datamesh.core.publish;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.transforms.DropFields;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.FailureRows;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.product.RunId;

/**
 * Publishes one run of a data product: its rows as Parquet under {@code runs/<run-id>/}, its
 * failures as Parquet under {@code quarantine/<run-id>/}, then {@code _manifest.json}, written last
 * and atomically, which commits the run.
 *
 * <pre>{@code
 * PCollection<String> manifest =
 *     records.apply(
 *         PublishDataProduct.of(DataProduct.of("sales", "orders", "1.0.0"))
 *             .to("/data/products"));
 * // -> /data/products/sales/orders/_manifest.json
 * }</pre>
 *
 * <p>The manifest is written only if every input record is accounted for ({@code input ==
 * published + quarantined + deduplicated}); otherwise the run fails and the previous manifest stays
 * in force, so a bug that loses records cannot publish a product that looks whole. A run that
 * fails for any other reason also leaves the previous manifest in force.
 *
 * <p>Optionally the data files go into Hive-style partition folders ({@link #withPartitionKeys}),
 * and runs no manifest references are removed once older than a retention ({@link
 * #withRetention}).
 *
 * <p>Runs of one product may overlap: a run commits only if the manifest in force is still the
 * one it started from ({@link #replacing}); otherwise it fails with {@link
 * ConcurrentCommitException} and the other run's version stays. On a local file system the check
 * and the commit hold an operating-system lock on {@code _manifest.lock}; on object stores the
 * check is made without a lock (best effort).
 *
 * <p>The {@link SourceField} rows may carry is not published. Returns the committed manifest's
 * JSON ({@link Manifest#parse}), a single element: what the commit step wrote, so a caller can
 * report this run's version even if another run has committed over it since.
 */
@AutoValue
public abstract class PublishDataProduct
    extends PTransform<ProductRecords, PCollection<String>> {

  abstract DataProduct product();

  abstract String outputRoot();

  /** The id of the run this transform publishes. */
  public abstract String runId();

  /** The partition keys, outermost folder first; empty when the data is not partitioned. */
  public abstract List<String> partitionKeys();

  /** Partition keys of named tables, where they differ from {@link #partitionKeys()}. */
  abstract Map<String, List<String>> tablePartitionKeys();

  /** How long unreferenced runs are kept; null keeps every run. */
  public abstract @Nullable Duration retention();

  /** How long a superseded version is kept at least, for readers still reading it. */
  public abstract Duration readerGrace();

  /** The longest a run may take; older temporary files are a killed run's and are removed. */
  public abstract Duration longestRun();

  /**
   * The run id whose manifest this run replaces, empty when it is the first; null until given
   * by {@link #replacing}, then read when the pipeline is built.
   */
  abstract @Nullable String startedFrom();

  abstract Builder toBuilder();

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setProduct(DataProduct product);

    abstract Builder setOutputRoot(String outputRoot);

    abstract Builder setRunId(String runId);

    abstract Builder setPartitionKeys(List<String> keys);

    abstract Builder setTablePartitionKeys(Map<String, List<String>> keys);

    abstract Builder setRetention(@Nullable Duration retention);

    abstract Builder setReaderGrace(Duration grace);

    abstract Builder setLongestRun(Duration longest);

    abstract Builder setStartedFrom(@Nullable String runId);

    abstract PublishDataProduct build();
  }

  /** Publishes {@code product}; name where with {@link #to}. The run id is generated. */
  public static PublishDataProduct of(DataProduct product) {
    return new AutoValue_PublishDataProduct.Builder()
        .setProduct(product)
        .setOutputRoot("")
        .setRunId(RunId.generate())
        .setPartitionKeys(List.of())
        .setTablePartitionKeys(Map.of())
        .setRetention(null)
        .setReaderGrace(RetentionRules.DEFAULT_READER_GRACE)
        .setLongestRun(RetentionRules.DEFAULT_LONGEST_RUN)
        .setStartedFrom(null)
        .build();
  }

  /**
   * Returns a {@link PublishDataProduct} like this one but publishing under {@code outputRoot}
   * (any Beam file system path), in {@code <outputRoot>/<domain>/<name>/}.
   */
  public PublishDataProduct to(String outputRoot) {
    return toBuilder().setOutputRoot(outputRoot).build();
  }

  /**
   * Returns a {@link PublishDataProduct} like this one but with the given run id, which names the
   * run's folders: a letter or digit, then letters, digits, {@code _}, {@code .} or {@code -}, at
   * most 128 characters ({@code .}, {@code ..} and hidden names are refused). A run id is used
   * once: a pipeline whose run folders exist already is refused when it is built.
   */
  public PublishDataProduct withRunId(String runId) {
    return toBuilder().setRunId(checkedRunId(runId)).build();
  }

  /** {@code runId}, refused unless it is a safe folder name (see {@link #withRunId}). */
  static String checkedRunId(String runId) {
    if (runId == null || !runId.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
      throw new IllegalArgumentException(
          "a run id is a safe folder name: a letter or digit, then letters, digits, '_', '.' or"
              + " '-', at most 128 characters; got " + (runId == null ? "null" : "\"" + runId + "\""));
    }
    return runId;
  }

  /**
   * Returns a {@link PublishDataProduct} like this one but writing the data files into Hive-style
   * partition folders, one level per key in the order given.
   *
   * <pre>{@code
   * PublishDataProduct.of(orders).to("/data/products").withPartitionKeys(List.of("country", "day"));
   * // -> runs/<run-id>/country=DE/day=2024-03-05/part-00000-of-00001.parquet
   * }</pre>
   *
   * <p>Keys must be published fields of text, integer, boolean, decimal, date or timestamp type
   * (checked when the pipeline is built). The columns stay in the files as well. Values are
   * escaped as Hive escapes them ({@code a/b} becomes {@code a%2Fb}); null and empty values go to
   * {@code __HIVE_DEFAULT_PARTITION__}. An empty list means no partitions.
   */
  public PublishDataProduct withPartitionKeys(List<String> keys) {
    return toBuilder().setPartitionKeys(List.copyOf(keys)).build();
  }

  /**
   * Returns a {@link PublishDataProduct} like this one but partitioning the table called {@code
   * table} by {@code keys} (see {@link #withPartitionKeys(List)}), for products of several tables.
   */
  public PublishDataProduct withPartitionKeys(String table, List<String> keys) {
    Map<String, List<String>> byTable = new TreeMap<>(tablePartitionKeys());
    byTable.put(table, List.copyOf(keys));
    return toBuilder().setTablePartitionKeys(Map.copyOf(byTable)).build();
  }

  /**
   * Returns a {@link PublishDataProduct} like this one but, after each successful commit, removing
   * the folders of runs ({@code runs/}, {@code quarantine/}, {@code quality/}) that the new manifest
   * does not reference and that started longer than {@code retention} ago. The committed run is
   * never removed.
   *
   * <pre>{@code
   * PublishDataProduct.of(orders).to("/data/products").withRetention(Duration.ofDays(30));
   * }</pre>
   */
  public PublishDataProduct withRetention(Duration retention) {
    if (retention == null || retention.isNegative()) {
      throw new IllegalArgumentException("a retention is a duration of zero or more");
    }
    return toBuilder().setRetention(retention).build();
  }

  /**
   * Returns a {@link PublishDataProduct} like this one but keeping a superseded version at least
   * {@code grace} after it was superseded, whatever the retention: set it to the longest time a
   * reader takes between reading {@code _manifest.json} and reading the files it lists (the
   * longest query). The default is one hour.
   *
   * <pre>{@code
   * PublishDataProduct.of(orders).to("/data/products").withRetention(Duration.ZERO)
   *     .withReaderGrace(Duration.ofHours(6));  // nightly reports run up to 6 h
   * }</pre>
   */
  public PublishDataProduct withReaderGrace(Duration grace) {
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("a reader grace is a duration of zero or more");
    }
    return toBuilder().setReaderGrace(grace).build();
  }

  /**
   * Returns a {@link PublishDataProduct} like this one but taking {@code longest} as the longest
   * a run can take (default two days): retention removes the folder of an uncommitted run whose
   * temporary files are older than that, as a killed run left them.
   */
  public PublishDataProduct withLongestRun(Duration longest) {
    if (longest == null || longest.isNegative() || longest.isZero()) {
      throw new IllegalArgumentException("the longest run is a positive duration");
    }
    return toBuilder().setLongestRun(longest).build();
  }

  /**
   * Returns a {@link PublishDataProduct} like this one but committing only over {@code inForce},
   * the manifest read when the run started ({@code Optional.empty()} when nothing was published
   * yet). Without it, the manifest in force when the pipeline is built is the one replaced.
   *
   * <pre>{@code
   * Optional<Manifest> inForce = Manifest.readIfPresent(productDir);
   * // ... compare the new schema with inForce's ...
   * PublishDataProduct.of(orders).to("/data/products").replacing(inForce);
   * }</pre>
   *
   * <p>If another run has committed by the time this one commits, this one fails with {@link
   * ConcurrentCommitException} and commits nothing.
   */
  public PublishDataProduct replacing(Optional<Manifest> inForce) {
    return toBuilder().setStartedFrom(inForce.map(Manifest::runId).orElse("")).build();
  }

  /** The folder the product is published in. */
  public ResourceId productDirectory() {
    return productDirectory(outputRoot(), product());
  }

  /** The folder {@code product} is published in under {@code outputRoot}. */
  public static ResourceId productDirectory(String outputRoot, DataProduct product) {
    if (outputRoot.isEmpty()) {
      throw new IllegalStateException("say where to publish with PublishDataProduct.to(...)");
    }
    return FileSystems.matchNewResource(outputRoot, true)
        .resolve(product.domain(), StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(product.name(), StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  @Override
  public PCollection<String> expand(ProductRecords records) {
    ResourceId productDir = productDirectory();
    ContainedOutput.check(outputRoot(), productDir);
    Optional<Manifest> inForce = inForce(productDir);
    inForce.ifPresent(m -> ProductIdentity.check(product(), m, productDir + Manifest.FILE_NAME));
    RunFolders.requireUnused(productDir, runId(), inForce);
    List<ProductRecords> tables = records.tables();
    List<ManifestViews> views = new ArrayList<>();
    for (ProductRecords table : tables) {
      String name = table.tableName().isEmpty() ? product().name() : table.tableName();
      // One table keeps the transform names it always had; several are told apart by name.
      String prefix = tables.size() == 1 ? "" : name + ".";
      views.add(publishTable(table, name, prefix, productDir));
    }
    CommitManifestFn commit =
        new CommitManifestFn(
            product(),
            runId(),
            productDir.toString(),
            views,
            retention() == null
                ? null
                : new RetentionRules(retention(), readerGrace(), longestRun()),
            startedFrom() != null
                ? startedFrom()
                : inForce.map(Manifest::runId).orElse(""));
    return tables
        .get(0)
        .inputCount()
        .apply("CommitManifest", ParDo.of(commit).withSideInputs(commit.sideInputs()));
  }

  /**
   * Writes one table's rows to {@code runs/<run-id>/<table>/} and its failures to {@code
   * quarantine/<run-id>/<table>/}, and returns what its part of the manifest is built from.
   */
  private ManifestViews publishTable(
      ProductRecords table, String name, String prefix, ResourceId productDir) {
    String dataDir = runFolder(productDir, "runs", name);
    String quarantineDir = runFolder(productDir, "quarantine", name);
    PCollection<Row> publishedRows = table.published();
    Schema publishedSchema = SourceField.removeTrailing(publishedRows.getSchema());
    if (publishedSchema.hasField(SourceField.NAME)) {
      publishedRows =
          publishedRows.apply(prefix + "DropSourceField", DropFields.fields(SourceField.NAME));
      publishedSchema = publishedRows.getSchema();
    }
    List<String> partitionKeys = tablePartitionKeys().getOrDefault(name, partitionKeys());
    ParquetFiles writer = new ParquetFiles(dataDir, avroName(name), partitionKeys);
    WrittenRowsChecks<?, ?> checks = table.checkedWhenWritten();
    PCollection<String> dataFiles =
        publishedRows.apply(
            prefix + "WriteRows",
            checks == null ? writer : writer.folding(checks.footerFold(publishedRows)));
    if (checks != null) {
      table = table.withQuality(checks.judgeFooters(table, dataFiles, publishedRows, prefix));
    }
    PCollection<String> quarantineFiles =
        table
            .failures()
            .apply(
                prefix + "FailureToRow",
                MapElements.into(TypeDescriptors.rows()).via(FailureRows::toRow))
            .setRowSchema(FailureRows.SCHEMA)
            .apply(prefix + "WriteQuarantine", new ParquetFiles(quarantineDir, "quarantined"));
    return ManifestViews.of(
        prefix, name, ManifestColumns.of(publishedSchema), table, dataFiles, quarantineFiles);
  }

  /** An Avro record name: a table's name with '-' (allowed in folders, not in Avro) as '_'. */
  static String avroName(String table) {
    return table.replace('-', '_');
  }

  /** The manifest in force in {@code productDir} now, empty when there is none. */
  private Optional<Manifest> inForce(ResourceId productDir) {
    try {
      return Manifest.readIfPresent(productDir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          product().id() + ": the manifest in force could not be read", e);
    }
  }

  private String runFolder(ResourceId productDir, String kind, String table) {
    return runFolder(productDir, kind, runId(), table);
  }

  /** A table's folder of one run: {@code <productDir>/<kind>/<run-id>/<table>/}. */
  static String runFolder(ResourceId productDir, String kind, String runId, String table) {
    return productDir
        .resolve(kind, StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(runId, StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(table, StandardResolveOptions.RESOLVE_DIRECTORY)
        .toString();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("product", product().id()).withLabel("Product"))
        .add(DisplayData.item("version", product().version()).withLabel("Contract version"))
        .add(DisplayData.item("outputRoot", outputRoot()).withLabel("Output root"))
        .add(DisplayData.item("runId", runId()).withLabel("Run id"))
        .add(
            DisplayData.item("partitionKeys", String.join(",", partitionKeys()))
                .withLabel("Partition keys"))
        .addIfNotNull(
            DisplayData.item(
                    "tablePartitionKeys",
                    tablePartitionKeys().isEmpty() ? null : tablePartitionKeys().toString())
                .withLabel("Partition keys per table"))
        .addIfNotNull(
            DisplayData.item(
                    "retention", retention() == null ? null : retention().toString())
                .withLabel("Retention of unreferenced runs"))
        .add(DisplayData.item("readerGrace", readerGrace().toString()).withLabel("Reader grace"))
        .add(DisplayData.item("longestRun", longestRun().toString()).withLabel("Longest run"))
        .addIfNotNull(DisplayData.item("replacing", startedFrom()).withLabel("Replaces run"));
  }
}
