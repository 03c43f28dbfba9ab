package org.datamesh.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.datamesh.core.product.RunId;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.publish.ContainedOutput;
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
 * <p>Compressed input ({@code .gz}, {@code .bz2}, ...) is read transparently. Returns the committed
 * manifest's location, once the run has published.
 *
 * <p>When the product is already published there, its new schema is compared with the published
 * one while the pipeline is built ({@link SchemaEvolution}); a breaking change without a greater
 * major version throws {@link BreakingChangeException}, listing each breaking change, before
 * anything runs. The spec's partition keys and retention go to {@link PublishDataProduct}, and so
 * does the manifest checked against: if another run commits while this one runs, this one fails
 * at its commit ({@link org.datamesh.core.publish.ConcurrentCommitException}) rather than
 * replace a version its schema was never compared with.
 */
public final class DataProductPipeline extends PTransform<PBegin, PCollection<String>> {

  private final ProductSpec spec;
  private final String inputPattern;
  private final String outputRoot;
  private final String runId;

  private DataProductPipeline(ProductSpec spec, String inputPattern, String outputRoot, String runId) {
    this.spec = spec;
    this.inputPattern = inputPattern;
    this.outputRoot = outputRoot;
    this.runId = runId;
  }

  public static DataProductPipeline of(ProductSpec spec) {
    return new DataProductPipeline(spec, "", "", RunId.generate());
  }

  /** Returns a pipeline like this one but reading the files matching {@code pattern}. */
  public DataProductPipeline from(String pattern) {
    return new DataProductPipeline(spec, pattern, outputRoot, runId);
  }

  /** Returns a pipeline like this one but publishing under {@code outputRoot}. */
  public DataProductPipeline to(String outputRoot) {
    return new DataProductPipeline(spec, inputPattern, outputRoot, runId);
  }

  /** Returns a pipeline like this one but with the given run id. */
  public DataProductPipeline withRunId(String runId) {
    return new DataProductPipeline(spec, inputPattern, outputRoot, runId);
  }

  public String runId() {
    return runId;
  }

  @Override
  public PCollection<String> expand(PBegin begin) {
    if (inputPattern.isEmpty() || outputRoot.isEmpty()) {
      throw new IllegalStateException("say where to read and publish with from(...) and to(...)");
    }
    // Before the evolution check reads the manifest in force, so a link out of the output is
    // named as such rather than read through; PublishDataProduct checks again for its own users.
    ContainedOutput.check(outputRoot, PublishDataProduct.productDirectory(outputRoot, spec.product()));
    Optional<Manifest> inForce = checkEvolution();
    PublishDataProduct publish =
        PublishDataProduct.of(spec.product())
            .to(outputRoot)
            .withRunId(runId)
            .replacing(inForce)
            .withPartitionKeys(spec.partitionKeys());
    if (spec.retention() != null) {
      publish = publish.withRetention(spec.retention());
    }
    return begin
        .apply(
            "MatchInput",
            FileIO.match().filepattern(inputPattern))
        .apply("ReadInput", FileIO.readMatches())
        .apply(
            "Build",
            BuildProduct.of(spec)
                .withDeduplicationShards(DeduplicationShards.forPattern(inputPattern)))
        .apply("Publish", publish);
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
          Manifest.readIfPresent(PublishDataProduct.productDirectory(outputRoot, spec.product()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          spec.product().id() + ": the published manifest could not be read to check the new"
              + " schema against it", e);
    }
    if (published.isEmpty()) {
      return published;
    }
    Schema schema = spec.outputSchema();
    if (schema.hasField(SourceField.NAME)) {
      schema = withoutSource(schema);
    }
    EvolutionReport report =
        SchemaEvolution.from(published.get()).to(schema, spec.product().version());
    if (!report.allowed()) {
      throw new BreakingChangeException(spec.product().id(), report);
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
        .add(DisplayData.item("product", spec.product().id()).withLabel("Product"))
        .add(DisplayData.item("input", inputPattern).withLabel("Input files"))
        .add(DisplayData.item("outputRoot", outputRoot).withLabel("Output root"))
        .add(DisplayData.item("runId", runId).withLabel("Run id"))
        .add(
            DisplayData.item("partitionKeys", String.join(",", spec.partitionKeys()))
                .withLabel("Partition keys"))
        .addIfNotNull(
            DisplayData.item(
                    "retention", spec.retention() == null ? null : spec.retention().toString())
                .withLabel("Retention of unreferenced runs"));
  }
}
