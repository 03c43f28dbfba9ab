package org.datamesh.examples.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.datamesh.core.product.RunId;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.catalog.RunReporting;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.cli.OutputFolder;
import org.datamesh.examples.cli.UsageException;
import org.datamesh.pipelines.orders.OrdersPipeline;
import org.datamesh.pipelines.orders.OrdersProduct;

/**
 * {@code datamesh demo --output=DIR}: generates sample orders with defects at known rates, builds
 * and publishes the {@code sales.orders} product from them, and prints a summary that checks the
 * published counts against what was injected.
 */
public final class DemoCommand implements Command {

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "Generate sample orders with known defects, publish the sales.orders product, summarize";
  }

  @Override
  public Class<DemoOptions> optionsType() {
    return DemoOptions.class;
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    DemoOptions options = Options.parse(args, DemoOptions.class);
    Path output = OutputFolder.prepare(options.getOutput());
    if (options.getRows() < 1) {
      throw new UsageException("--rows must be at least 1");
    }
    Path samples = output.resolve("_samples").resolve("sales").resolve("orders.csv");
    SampleLedger ledger = OrdersSampleGenerator.write(samples, options.getRows(), options.getSeed());
    out.printf(
        Locale.ROOT,
        "Generated %,d sample orders (%,d records with re-sent duplicates) in %s%n",
        options.getRows(),
        ledger.records(),
        samples);

    String runner = options.getRunner().getSimpleName();
    Pipeline pipeline = Pipeline.create(options);
    String runId = RunId.generate();
    OrdersPipeline.addTo(pipeline, samples.toString(), output.toString(), runId);
    RunReporting reporting =
        RunReporting.of(
                OrdersProduct.CONTRACT, output.toString(), runId, runner,
                options.getOpenLineageUrl(), out)
            .withInput(OrdersProduct.CONTRACT.onlyTable().folder(), samples.toString());
    reporting.started();
    long start = System.nanoTime();
    PipelineResult.State state;
    try {
      state = pipeline.run().waitUntilFinish();
    } catch (RuntimeException e) {
      reporting.failed(e);
      throw e;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (state != PipelineResult.State.DONE) {
      reporting.failed("the run ended " + state);
      out.println("The run ended " + state + "; nothing new was published.");
      return ExitCode.RUN_FAILED;
    }

    Path productDir =
        output.resolve(OrdersProduct.PRODUCT.domain()).resolve(OrdersProduct.PRODUCT.name());
    Manifest manifest = Manifest.read(productDir);
    reporting.published(manifest);
    DemoSummary summary = new DemoSummary(manifest, ledger);
    summary.print(out, productDir, runner, seconds);
    return summary.mismatches().isEmpty() ? ExitCode.OK : ExitCode.RUN_FAILED;
  }
}
