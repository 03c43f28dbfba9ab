package org.datamesh.examples.bench;

import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.ProductSpec;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.datamesh.core.product.RunId;
import org.datamesh.pipelines.orders.OrdersPipeline;

/**
 * Child JVM main: the library, {@code OrdersPipeline} as a user adds it, on the runner named in
 * the Beam options; counts come from the committed manifest.
 *
 * <pre>{@code
 * java -cp CP org.datamesh.examples.bench.LibraryRun in.csv out warm.csv --runner=FlinkRunner --parallelism=2
 * }</pre>
 */
public final class LibraryRun {

  private LibraryRun() {}

  public static void main(String[] args) {
    ChildRun.main("library", args, LibraryRun::run);
  }

  static Counts run(String input, Path output, String[] beamArgs) throws Exception {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs(beamArgs).create());
    OrdersPipeline.addTo(pipeline, input, output.toAbsolutePath().toString(), RunId.generate());
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the library's run ended " + state);
    }
    return Counts.fromManifest(output.resolve("sales/orders/_manifest.json"));
  }

  /** Runs {@code spec} (a variant of the orders product's) as {@link #run} runs the product. */
  static Counts runSpec(ProductSpec spec, String input, Path output, String[] beamArgs)
      throws Exception {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs(beamArgs).create());
    pipeline.apply(
        "Orders",
        DataProductPipeline.of(spec)
            .from(input)
            .to(output.toAbsolutePath().toString())
            .withRunId(RunId.generate()));
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the library's run ended " + state);
    }
    return Counts.fromManifest(output.resolve("sales/orders/_manifest.json"));
  }
}
