package org.datamesh.examples.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.product.RunId;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.catalog.RunReporting;
import org.datamesh.examples.cli.QuietConsole;
import org.datamesh.examples.cli.RootCause;
import org.datamesh.examples.contract.CommitReceipt;
import org.datamesh.pipelines.mesh.MeshProduct;

/**
 * Builds and publishes one product of the mesh as its own pipeline run, with its lineage events,
 * facts and catalog refresh, and tells how it went. What the runner prints meanwhile is held back
 * unless {@code verbose}, and shown when the run fails.
 */
final class MeshRun {

  /** One product's run: its manifest once published, and how long the run took. */
  record Outcome(MeshProduct product, @Nullable Manifest manifest, double seconds, String problem) {
    boolean published() {
      return manifest != null;
    }
  }

  private final DemoOptions options;
  private final Path samples;
  private final Path output;
  private final @Nullable DataKeys keys;
  private final PrintStream out;

  MeshRun(DemoOptions options, Path samples, Path output, @Nullable DataKeys keys, PrintStream out) {
    this.options = options;
    this.samples = samples;
    this.output = output;
    this.keys = keys;
    this.out = out;
  }

  Outcome run(MeshProduct product) {
    String runId = RunId.generate();
    String runner = options.getRunner().getSimpleName();
    Pipeline pipeline = Pipeline.create(options);
    CommitReceipt receipt;
    try {
      receipt = CommitReceipt.create();
    } catch (java.io.IOException e) {
      return new Outcome(product, null, 0, "no temporary file for its commit receipt: " + e.getMessage());
    }
    receipt.keep(
        pipeline.apply(
            product.path(),
            product.pipeline(samples.toString(), output.toString(), runId, keys)));
    RunReporting reporting =
        RunReporting.of(
            product.contract(), output.toString(), runId, runner, options.getOpenLineageUrl(), out);
    for (Map.Entry<String, String> input :
        product.inputs(samples.toString(), output.toString()).entrySet()) {
      reporting = reporting.withInput(input.getKey(), input.getValue());
    }
    reporting.started();
    long start = System.nanoTime();
    PipelineResult.State state;
    List<String> held;
    try (QuietConsole quiet = QuietConsole.unless(options.getVerbose())) {
      try {
        state = pipeline.run().waitUntilFinish();
      } catch (RuntimeException e) {
        held = quiet.lastLines();
        quiet.close();
        reporting.failed(e);
        held.forEach(line -> out.println("    | " + line));
        return new Outcome(product, null, seconds(start), RootCause.describe(e));
      }
    }
    double seconds = seconds(start);
    if (state != PipelineResult.State.DONE) {
      reporting.failed("the run ended " + state);
      return new Outcome(product, null, seconds, "the run ended " + state);
    }
    try {
      // What the commit step committed, not a read of _manifest.json now: another run may have
      // committed over this one since, and this run's outcome is still its own.
      Manifest manifest =
          receipt
              .committed(FileSystems.matchNewResource(output.resolve(product.path()).toString(), true), runId)
              .orElse(null);
      if (manifest == null) {
        reporting.failed("the run finished without committing");
        return new Outcome(product, null, seconds, "the run finished without committing");
      }
      reporting.published(manifest);
      return new Outcome(product, manifest, seconds, "");
    } catch (java.io.IOException e) {
      reporting.failed(e);
      return new Outcome(product, null, seconds, "its manifest cannot be read: " + e.getMessage());
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
