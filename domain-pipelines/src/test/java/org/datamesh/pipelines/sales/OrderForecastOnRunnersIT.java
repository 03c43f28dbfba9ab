package org.datamesh.pipelines.sales;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forecast product, unchanged, on the Direct runner and on embedded Flink. */
class OrderForecastOnRunnersIT {

  private static PipelineOptions options(String runner) {
    String[] args =
        runner.equals("FlinkRunner")
            ? new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"}
            : new String[] {"--runner=DirectRunner", "--targetParallelism=2"};
    return PipelineOptionsFactory.fromArgs(args).withValidation().create();
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"DirectRunner", "FlinkRunner"})
  void forecastsAndBacktestsTheSameOnEveryRunner(String runner) {
    Pipeline pipeline = Pipeline.create(options(runner));
    PCollectionRowTuple tables =
        OrderForecastTest.inputs(pipeline).apply(OrderForecast.create().transform());
    PAssert.that(tables.get("accuracy"))
        .satisfies(
            rows -> {
              assertThat(
                  OrderForecastTest.summary(rows),
                  containsInAnyOrder(
                      "PRD-000A|0.000000|0.000000",
                      "PRD-000B|0.000000|32.085010",
                      "ALL|0.000000|20.000000"));
              return null;
            });
    PAssert.thatSingleton(tables.get("forecast").apply(Count.globally())).isEqualTo(14L);
    assertThat(pipeline.run().waitUntilFinish(), is(PipelineResult.State.DONE));
  }
}
