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
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.evolution.BreakingChangeException;
import org.datamesh.core.evolution.EvolutionReport;
import org.datamesh.core.evolution.SchemaEvolution;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.product.RunId;
import org.datamesh.core.publish.ContainedOutput;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.publish.PublishDataProduct;

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
  /** Input pattern per table name, in the order given. */
  private final Map<String, String> inputs;
  private final String outputRoot;
  private final String runId;

  private DataProductPipeline(
      List<ProductSpec> tables, Map<String, String> inputs, String outputRoot, String runId) {
    this.tables = List.copyOf(tables);
    this.inputs = inputs;
    this.outputRoot = outputRoot;
    this.runId = runId;
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
    return new DataProductPipeline(tables, Map.of(), "", RunId.generate());
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
    Map<String, String> next = new LinkedHashMap<>(inputs);
    next.put(table, pattern);
    return new DataProductPipeline(tables, next, outputRoot, runId);
  }

  /** Returns a pipeline like this one but publishing under {@code outputRoot}. */
  public DataProductPipeline to(String outputRoot) {
    return new DataProductPipeline(tables, inputs, outputRoot, runId);
  }

  /** Returns a pipeline like this one but with the given run id. */
  public DataProductPipeline withRunId(String runId) {
    return new DataProductPipeline(tables, inputs, outputRoot, runId);
  }

  public String runId() {
    return runId;
  }

  private DataProduct product() {
    return tables.get(0).product();
  }

  private List<String> tableNames() {
    return tables.stream().map(ProductSpec::tableName).toList();
  }

  @Override
  public PCollection<String> expand(PBegin begin) {
    List<String> missing =
        tables.stream().map(ProductSpec::tableName).filter(t -> !inputs.containsKey(t)).toList();
    if (!missing.isEmpty() || outputRoot.isEmpty()) {
      throw new IllegalStateException(
          "say where to read and publish with from(...) and to(...)"
              + (missing.isEmpty() ? "" : "; no input for the tables " + missing));
    }
    // Before the evolution check reads the manifest in force, so a link out of the output is
    // named as such rather than read through; PublishDataProduct checks again for its own users.
    ContainedOutput.check(outputRoot, PublishDataProduct.productDirectory(outputRoot, product()));
    Optional<Manifest> inForce = checkEvolution();
    PublishDataProduct publish =
        PublishDataProduct.of(product()).to(outputRoot).withRunId(runId).replacing(inForce);
    List<ProductRecords> built = new ArrayList<>();
    for (ProductSpec spec : tables) {
      String table = spec.tableName();
      // One table keeps the transform names it always had; several are told apart by name.
      String prefix = tables.size() == 1 ? "" : table + ".";
      publish = publish.withPartitionKeys(table, spec.partitionKeys());
      if (spec.retention() != null) {
        publish = publish.withRetention(spec.retention());
      }
      String pattern = inputs.get(table);
      built.add(
          begin
              .apply(prefix + "MatchInput", FileIO.match().filepattern(pattern))
              .apply(prefix + "ReadInput", FileIO.readMatches())
              .apply(
                  prefix + "Build",
                  BuildProduct.of(spec)
                      .withDeduplicationShards(DeduplicationShards.forPattern(pattern))));
    }
    return ProductRecords.ofTables(built).apply("Publish", publish);
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
          Manifest.readIfPresent(PublishDataProduct.productDirectory(outputRoot, product()));
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
        .add(DisplayData.item("outputRoot", outputRoot).withLabel("Output root"))
        .add(DisplayData.item("runId", runId).withLabel("Run id"));
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
      return inputs.getOrDefault(tables.get(0).tableName(), "");
    }
    List<String> pairs = new ArrayList<>();
    inputs.forEach((table, pattern) -> pairs.add(table + "=" + pattern));
    return String.join(", ", pairs);
  }
}
