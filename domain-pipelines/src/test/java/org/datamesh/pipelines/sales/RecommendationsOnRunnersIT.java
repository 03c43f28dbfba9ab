package org.datamesh.pipelines.sales;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recommendations transform, unchanged, on the Direct runner and on embedded Flink: the
 * hand-computed backtest of {@link RecommendationsBacktestTest} comes out the same on both.
 */
class RecommendationsOnRunnersIT {

  private static PipelineOptions options(String runner) {
    String[] args =
        runner.equals("FlinkRunner")
            ? new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"}
            : new String[] {"--runner=DirectRunner", "--targetParallelism=2"};
    return PipelineOptionsFactory.fromArgs(args).withValidation().create();
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"DirectRunner", "FlinkRunner"})
  void backtestAndAccuracyAreTheSameOnEveryRunner(String runner) {
    Pipeline pipeline = Pipeline.create(options(runner));
    PCollectionRowTuple tables =
        RecommendationsBacktestTest.heldOutOrders()
            .into(pipeline)
            .apply(RecommendationsTransform.of(RecommendationsBacktestTest.TOP_TWO));

    PAssert.that(tables.get("backtest"))
        .satisfies(
            rows -> {
              assertThat(
                  RecommendationsSummary.backtest(rows),
                  containsInAnyOrder(
                      "CUST-000001|PRD-0003|[PRD-0003, PRD-0004]|[PRD-0004, PRD-0005]",
                      "CUST-000002|PRD-0004|[PRD-0002, PRD-0004]|[PRD-0004, PRD-0005]",
                      "CUST-000003|PRD-0003|[PRD-0001, PRD-0002]|[PRD-0001, PRD-0002]"));
              return null;
            });
    PAssert.that(tables.get("accuracy"))
        .satisfies(
            rows -> {
              assertThat(
                  RecommendationsSummary.accuracy(rows), contains("0.666667|0.333333|3"));
              return null;
            });
    PAssert.that(tables.get("recommendations"))
        .satisfies(
            rows -> {
              // Fitted on every order: six customers, each with two products left to recommend.
              assertThat(RecommendationsSummary.recommendations(rows).size(), is(12));
              return null;
            });
    assertThat(pipeline.run().waitUntilFinish(), is(PipelineResult.State.DONE));
  }
}
