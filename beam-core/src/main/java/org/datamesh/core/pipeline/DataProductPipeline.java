package org.datamesh.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.evolution.BreakingChangeException;
import org.datamesh.core.evolution.EvolutionReport;
import org.datamesh.core.evolution.SchemaEvolution;
import org.datamesh.core.dedup.DeduplicateRows;
import org.datamesh.core.failure.FailuresToBadRecords;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.product.RunId;
import org.datamesh.core.publish.ContainedOutput;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.publish.PublishDataProduct;
import org.datamesh.core.relate.Relationship;
import org.datamesh.core.relate.UnpublishedProductException;

/**
 * One data product from input files to its published version: read the files matching a
 * pattern, build the records ({@link BuildProduct}: parse, record path, deduplication), publish
 * them ({@link PublishDataProduct}: Parquet, quarantine, manifest).
 *
 * <pre>{@code
 * PCollection<String> manifest =
 *     pipeline.apply(
 *         DataProductPipeline.of(spec).from("/exports/orders/*.csv").to("/data/products"));
 * pipeline.run().waitUntilFinish();
 * // -> /data/products/sales/orders/_manifest.json
 * }</pre>
 *
 * <p>A product of several tables has one {@link ProductSpec} per table (same product, each its
 * {@linkplain ProductSpec#table table name}) and one input per table; one manifest commits every
 * table of the run at once:
 *
 * <pre>{@code
 * pipeline.apply(
 *     DataProductPipeline.of(List.of(orders, orderLines))
 *         .from("orders", "/exports/orders-*.csv")
 *         .from("order_lines", "/exports/lines-*.csv")
 *         .to("/data/products"));
 * }</pre>
 *
 * <p>A consumer-aligned product, computed from other products, gives its tables as rows instead
 * ({@link #fromRows}); they keep every other promise here (checks, counts, evolution, commit).
 *
 * <p>Compressed input ({@code .gz}, {@code .bz2}, ...) is read transparently. Returns the committed
 * manifest's location, once the run has published.
 *
 * <p>When the product is already published there, its new schema is compared with the published
 * one while the pipeline is built ({@link SchemaEvolution}); a breaking change (a table or column
 * removed, a type narrowed, ...) without a greater major version throws {@link
 * BreakingChangeException}, listing each breaking change, before anything runs. The specs'
 * partition keys and retention go to {@link PublishDataProduct}, and so does the manifest checked
 * against: if another run commits while this one runs, this one fails at its commit ({@link
 * org.datamesh.core.publish.ConcurrentCommitException}) rather than replace a version its schema
 * was never compared with.
 */
public final class DataProductPipeline extends PTransform<PBegin, PCollection<String>> {

  private final List<ProductSpec> tables;
  private final Settings settings;

  /**
   * Where the product is read from and published to, and what is checked and routed on the way.
   *
   * @param inputs input pattern per table name, in the order given
   */
  private record Settings(
      Map<String, String> inputs,
      @Nullable PTransform<PBegin, PCollectionRowTuple> rows,
      String outputRoot,
      String runId,
      List<Relationship> relationships,
      @Nullable ErrorHandler<BadRecord, ?> errorHandler) {

    Settings withInputs(Map<String, String> inputs) {
      return new Settings(inputs, rows, outputRoot, runId, relationships, errorHandler);
    }

    Settings withRows(PTransform<PBegin, PCollectionRowTuple> rows) {
      return new Settings(inputs, rows, outputRoot, runId, relationships, errorHandler);
    }

    Settings withOutputRoot(String outputRoot) {
      return new Settings(inputs, rows, outputRoot, runId, relationships, errorHandler);
    }

    Settings withRunId(String runId) {
      return new Settings(inputs, rows, outputRoot, runId, relationships, errorHandler);
    }

    Settings withRelationships(List<Relationship> relationships) {
      return new Settings(
          inputs, rows, outputRoot, runId, List.copyOf(relationships), errorHandler);
    }

    Settings withErrorHandler(ErrorHandler<BadRecord, ?> errorHandler) {
      return new Settings(inputs, rows, outputRoot, runId, relationships, errorHandler);
    }
  }

  private DataProductPipeline(List<ProductSpec> tables, Settings settings) {
    this.tables = List.copyOf(tables);
    this.settings = settings;
  }

  /** The pipeline of a product of one table. */
  public static DataProductPipeline of(ProductSpec spec) {
    return of(List.of(spec));
  }

  /**
   * The pipeline of a product of several tables: one spec per table, all of the same product,
   * each with its own {@linkplain ProductSpec#table table name}.
   */
  public static DataProductPipeline of(List<ProductSpec> tables) {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("a product publishes at least one table");
    }
    DataProduct product = tables.get(0).product();
    List<String> names = new ArrayList<>();
    for (ProductSpec table : tables) {
      if (!table.product().equals(product)) {
        throw new IllegalArgumentException(
            "every table must be of one product: " + product + " and " + table.product());
      }
      if (names.contains(table.tableName())) {
        throw new IllegalArgumentException(
            "two tables of " + product.id() + " are named " + table.tableName()
                + "; name each with ProductSpec.table(...)");
      }
      names.add(table.tableName());
    }
    return new DataProductPipeline(
        tables, new Settings(Map.of(), null, "", RunId.generate(), List.of(), null));
  }

  /** Returns a pipeline like this one but reading its one table from the files matching {@code pattern}. */
  public DataProductPipeline from(String pattern) {
    if (tables.size() != 1) {
      throw new IllegalStateException(
          product().id() + " has " + tables.size() + " tables; give each its input with"
              + " from(table, pattern)");
    }
    return from(tables.get(0).tableName(), pattern);
  }

  /** Returns a pipeline like this one but reading the table {@code table} from {@code pattern}. */
  public DataProductPipeline from(String table, String pattern) {
    if (tables.stream().noneMatch(t -> t.tableName().equals(table))) {
      throw new IllegalArgumentException(
          product().id() + " has no table " + table + "; its tables: " + tableNames());
    }
    Map<String, String> next = new LinkedHashMap<>(settings.inputs());
    next.put(table, pattern);
    return new DataProductPipeline(tables, settings.withInputs(next));
  }

  /**
   * Returns a pipeline like this one but building the tables whose spec reads {@linkplain
   * RecordFormat#rows rows} from what {@code rows} computes, one collection per table tagged with
   * its name: a consumer-aligned product, made from other products ({@link BuildProductFromRows}).
   *
   * <pre>{@code
   * pipeline.apply(
   *     DataProductPipeline.of(ContractProducts.specs(contract, RecordFormat.Kind.ROWS, keys))
   *         .fromRows(new ReadOrdersAndSegment())   // PBegin -> "segments" -> rows
   *         .to("/data/products"));
   * }</pre>
   */
  public DataProductPipeline fromRows(PTransform<PBegin, PCollectionRowTuple> rows) {
    if (tables.stream().noneMatch(DataProductPipeline::readsRows)) {
      throw new IllegalStateException(
          product().id() + " reads files in every table; build specs reading rows"
              + " (RecordFormat.rows) to give it rows");
    }
    return new DataProductPipeline(tables, settings.withRows(rows));
  }

  private static boolean readsRows(ProductSpec spec) {
    return spec.format().kind() == RecordFormat.Kind.ROWS;
  }

  /** Returns a pipeline like this one but publishing under {@code outputRoot}. */
  public DataProductPipeline to(String outputRoot) {
    return new DataProductPipeline(tables, settings.withOutputRoot(outputRoot));
  }

  /** Returns a pipeline like this one but with the given run id. */
  public DataProductPipeline withRunId(String runId) {
    return new DataProductPipeline(tables, settings.withRunId(runId));
  }

  /**
   * Returns a pipeline like this one but checking {@code relationships} (referential integrity)
   * before publishing: each referencing table's rows without a match fail at {@code VALIDATE}
   * with the relationship's rule, joined to that table's failures before its dataset checks and
   * its counts, so {@code input = published + quarantined + deduplicated} still holds.
   *
   * <pre>{@code
   * DataProductPipeline.of(List.of(orders, orderLines))
   *     .withRelationships(List.of(
   *         Relationship.from("order_lines", "order_id").to("orders", "order_id"),
   *         Relationship.from("orders", "customer_id")
   *             .toPublished("crm/customers", "customers", "customer_id")))
   * }</pre>
   *
   * <p>A table of this product is referenced as it is published: deduplicated, protected, and
   * after its own relationships (tables are checked in the order their relationships need; in a
   * cycle, and for a table referencing itself, the referenced rows are those before the
   * relationship). A published product is read through its manifest in force when the pipeline
   * is built, resolved against the output root unless its folder is absolute; one that is not
   * published there yet throws {@link UnpublishedProductException} while the pipeline is built.
   */
  public DataProductPipeline withRelationships(List<Relationship> relationships) {
    for (Relationship relationship : relationships) {
      if (!tableNames().contains(relationship.fromTable())) {
        throw new IllegalArgumentException(
            "the relationship " + relationship + " starts at " + relationship.fromTable()
                + ", which is not a table of " + product().id() + " (its tables: " + tableNames()
                + ")");
      }
      if (!relationship.referencesPublished() && !tableNames().contains(relationship.toTable())) {
        throw new IllegalArgumentException(
            "the relationship " + relationship + " references " + relationship.toTable()
                + ", which is not a table of " + product().id() + " (its tables: " + tableNames()
                + "); a table of a published product is referenced with toPublished(...)");
      }
    }
    return new DataProductPipeline(tables, settings.withRelationships(relationships));
  }

  /**
   * Returns a pipeline like this one but also sending every failure of every table, as a Beam
   * {@link BadRecord} ({@link FailuresToBadRecords}), to {@code errorHandler}; the quarantine
   * keeps them as well. Close the handler after applying this transform and before running the
   * pipeline, as Beam requires.
   *
   * <pre>{@code
   * try (BadRecordErrorHandler<?> errors = pipeline.registerBadRecordErrorHandler(mySink)) {
   *   pipeline.apply(DataProductPipeline.of(spec).from(glob).to(root).withErrorHandler(errors));
   * }
   * pipeline.run();
   * }</pre>
   */
  public DataProductPipeline withErrorHandler(ErrorHandler<BadRecord, ?> errorHandler) {
    return new DataProductPipeline(tables, settings.withErrorHandler(errorHandler));
  }

  public String runId() {
    return settings.runId();
  }

  private DataProduct product() {
    return tables.get(0).product();
  }

  private List<String> tableNames() {
    return tables.stream().map(ProductSpec::tableName).toList();
  }

  @Override
  public PCollection<String> expand(PBegin begin) {
    Map<String, String> inputs = settings.inputs();
    String outputRoot = settings.outputRoot();
    List<String> missing =
        tables.stream()
            .filter(t -> readsRows(t) ? settings.rows() == null : !inputs.containsKey(t.tableName()))
            .map(ProductSpec::tableName)
            .toList();
    if (!missing.isEmpty() || outputRoot.isEmpty()) {
      throw new IllegalStateException(
          "say where to read and publish with from(...) (fromRows(...) for tables built from"
              + " rows) and to(...)"
              + (missing.isEmpty() ? "" : "; no input for the tables " + missing));
    }
    // Before the evolution check reads the manifest in force, so a link out of the output is
    // named as such rather than read through; PublishDataProduct checks again for its own users.
    ContainedOutput.check(outputRoot, PublishDataProduct.productDirectory(outputRoot, product()));
    Optional<Manifest> inForce = checkEvolution();
    RelatedTables related =
        RelatedTables.of(settings.relationships(), outputRoot, product());
    PublishDataProduct publish =
        PublishDataProduct.of(product()).to(outputRoot).withRunId(settings.runId()).replacing(inForce);
    PCollectionRowTuple computed =
        settings.rows() == null ? null : begin.apply("Compute", settings.rows());
    Map<String, ProductRecords> built = new LinkedHashMap<>();
    Map<String, Integer> shards = new LinkedHashMap<>();
    for (ProductSpec spec : tables) {
      String table = spec.tableName();
      String prefix = prefix(table);
      publish = publish.withPartitionKeys(table, spec.partitionKeys());
      if (spec.retention() != null) {
        publish = publish.withRetention(spec.retention());
      }
      // A table with relationships runs its dataset checks after them, on what it publishes.
      ProductSpec building = related.startingAt(table).isEmpty() ? spec : spec.checkedBy(null);
      if (readsRows(spec)) {
        shards.put(table, DeduplicateRows.DEFAULT_SHARDS);
        built.put(table, rowsOf(computed, table).apply(prefix + "Build", BuildProductFromRows.of(building)));
        continue;
      }
      String pattern = inputs.get(table);
      shards.put(table, DeduplicationShards.forPattern(pattern));
      built.put(
          table,
          begin
              .apply(prefix + "MatchInput", FileIO.match().filepattern(pattern))
              .apply(prefix + "ReadInput", FileIO.readMatches())
              .apply(
                  prefix + "Build",
                  BuildProduct.of(building).withDeduplicationShards(shards.get(table))));
    }
    List<ProductRecords> checked = related.check(begin, tables, built, shards, this::prefix);
    if (settings.errorHandler() != null) {
      for (ProductRecords table : checked) {
        settings
            .errorHandler()
            .addErrorCollection(
                table
                    .failures()
                    .apply(prefix(table.tableName()) + "BadRecords", FailuresToBadRecords.create()));
      }
    }
    return ProductRecords.ofTables(checked).apply("Publish", publish);
  }

  private PCollection<Row> rowsOf(PCollectionRowTuple computed, String table) {
    if (!computed.has(table)) {
      throw new IllegalStateException(
          product().id() + ": the rows given with fromRows(...) hold no table " + table
              + " (they hold " + computed.getAll().keySet() + ")");
    }
    return computed.get(table);
  }

  /** One table keeps the transform names it always had; several are told apart by name. */
  private String prefix(String table) {
    return tables.size() == 1 ? "" : table + ".";
  }

  /**
   * Refuses, while the pipeline is being built, a schema that would break consumers of the
   * published version without a new major version: checked here, before any transform is
   * applied, so a refused run writes nothing. Returns the manifest checked against, which the run
   * then commits over only if it is still in force.
   */
  private Optional<Manifest> checkEvolution() {
    Optional<Manifest> published;
    try {
      published =
          Manifest.readIfPresent(PublishDataProduct.productDirectory(settings.outputRoot(), product()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          product().id() + ": the published manifest could not be read to check the new"
              + " schema against it", e);
    }
    if (published.isEmpty()) {
      return published;
    }
    Map<String, List<Manifest.Column>> next = new LinkedHashMap<>();
    for (ProductSpec spec : tables) {
      Schema schema = spec.outputSchema();
      if (schema.hasField(SourceField.NAME)) {
        schema = withoutSource(schema);
      }
      next.put(spec.tableName(), Manifest.columnsOf(schema));
    }
    EvolutionReport report = SchemaEvolution.ofProduct(published.get(), next, product().version());
    if (!report.allowed()) {
      throw new BreakingChangeException(product().id(), report);
    }
    return published;
  }

  private static Schema withoutSource(Schema schema) {
    Schema.Builder builder = Schema.builder();
    schema.getFields().stream()
        .filter(f -> !f.getName().equals(SourceField.NAME))
        .forEach(builder::addField);
    return builder.build();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("product", product().id()).withLabel("Product"))
        .add(DisplayData.item("tables", String.join(",", tableNames())).withLabel("Tables"))
        .add(DisplayData.item("input", inputsText()).withLabel("Input files"))
        .add(DisplayData.item("outputRoot", settings.outputRoot()).withLabel("Output root"))
        .add(DisplayData.item("runId", settings.runId()).withLabel("Run id"))
        .add(
            DisplayData.item(
                    "relationships",
                    String.join(
                        "; ", settings.relationships().stream().map(Relationship::toString).toList()))
                .withLabel("Relationships checked"))
        .add(
            DisplayData.item("badRecords", settings.errorHandler() != null)
                .withLabel("Failures also sent to an error handler"));
    if (tables.size() == 1) {
      ProductSpec spec = tables.get(0);
      builder
          .add(
              DisplayData.item("partitionKeys", String.join(",", spec.partitionKeys()))
                  .withLabel("Partition keys"))
          .addIfNotNull(
              DisplayData.item(
                      "retention", spec.retention() == null ? null : spec.retention().toString())
                  .withLabel("Retention of unreferenced runs"));
    }
  }

  /** One pattern as itself; several as {@code table=pattern} pairs. */
  private String inputsText() {
    if (tables.size() == 1) {
      return settings.inputs().getOrDefault(tables.get(0).tableName(), "");
    }
    List<String> pairs = new ArrayList<>();
    settings.inputs().forEach((table, pattern) -> pairs.add(table + "=" + pattern));
    return String.join(", ", pairs);
  }
}
