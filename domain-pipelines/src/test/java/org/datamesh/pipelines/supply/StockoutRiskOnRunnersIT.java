package org.datamesh.pipelines.supply;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stock-out risk product, unchanged, on the Direct runner and on embedded Flink. */
class StockoutRiskOnRunnersIT {

  private static PipelineOptions options(String runner) {
    String[] args =
        runner.equals("FlinkRunner")
            ? new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"}
            : new String[] {"--runner=DirectRunner", "--targetParallelism=2"};
    return PipelineOptionsFactory.fromArgs(args).withValidation().create();
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"DirectRunner", "FlinkRunner"})
  void assessesTheSameRiskOnEveryRunner(String runner) {
    Pipeline pipeline = Pipeline.create(options(runner));
    PAssert.that(
            StockoutRiskTest.inputs(pipeline)
                .apply(StockoutRisk.create().transform())
                .get("stockout_risk"))
        .satisfies(
            rows -> {
              assertThat(
                  StockoutRiskTest.summary(rows),
                  containsInAnyOrder(StockoutRiskTest.EXPECTED.toArray()));
              return null;
            });
    assertThat(pipeline.run().waitUntilFinish(), is(PipelineResult.State.DONE));
  }
}
