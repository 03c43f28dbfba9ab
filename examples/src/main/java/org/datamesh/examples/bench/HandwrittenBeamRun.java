package org.datamesh.examples.bench;

import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Child JVM main: the hand-written Beam baseline ({@link HandwrittenBeamOrders}) on the runner
 * named in the Beam options.
 *
 * <pre>{@code
 * java -cp CP org.datamesh.examples.bench.HandwrittenBeamRun in.csv out warm.csv --runner=DirectRunner
 * }</pre>
 */
public final class HandwrittenBeamRun {

  private HandwrittenBeamRun() {}

  public static void main(String[] args) {
    ChildRun.main(
        "handwritten-beam",
        args,
        (input, output, beamArgs) ->
            HandwrittenBeamOrders.run(
                input, output.toAbsolutePath(), PipelineOptionsFactory.fromArgs(beamArgs).create()));
  }
}
