package org.datamesh.core.pipeline;

import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.product.RunId;
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
    return begin
        .apply(
            "MatchInput",
            FileIO.match().filepattern(inputPattern))
        .apply("ReadInput", FileIO.readMatches())
        .apply(
            "Build",
            BuildProduct.of(spec)
                .withDeduplicationShards(DeduplicationShards.forPattern(inputPattern)))
        .apply(
            "Publish", PublishDataProduct.of(spec.product()).to(outputRoot).withRunId(runId));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("product", spec.product().id()).withLabel("Product"))
        .add(DisplayData.item("input", inputPattern).withLabel("Input files"))
        .add(DisplayData.item("outputRoot", outputRoot).withLabel("Output root"))
        .add(DisplayData.item("runId", runId).withLabel("Run id"));
  }
}
