package org.datamesh.pipelines.crm;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both crm products, unchanged, on the Direct runner and on embedded Flink: the same hand-computed
 * rows as {@link Customer360Test} and {@link CustomerSegmentsTest}, so side inputs, the
 * CoGroupByKey and the histories' coders hold on a runner that really serializes.
 */
class CrmProductsOnRunnersIT {

  private static PipelineOptions options(String runner) {
    String[] args =
        runner.equals("FlinkRunner")
            ? new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"}
            : new String[] {"--runner=DirectRunner", "--targetParallelism=2"};
    return PipelineOptionsFactory.fromArgs(args).withValidation().create();
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"DirectRunner", "FlinkRunner"})
  void bothProductsGiveTheHandComputedRows(String runner) {
    Pipeline pipeline = Pipeline.create(options(runner));
    PCollectionRowTuple inputs =
        PCollectionRowTuple.of(
                Customer360.CUSTOMERS.tag(),
                pipeline.apply(
                    "Customers",
                    Create.of(Customer360Test.CUSTOMERS).withRowSchema(CrmRows.CUSTOMERS)))
            .and(
                Customer360.ORDERS.tag(),
                pipeline.apply(
                    "Orders", Create.of(Customer360Test.ORDERS).withRowSchema(CrmRows.ORDERS)))
            .and(
                Customer360.INTERACTIONS.tag(),
                pipeline.apply(
                    "Interactions",
                    Create.of(Customer360Test.INTERACTIONS).withRowSchema(CrmRows.INTERACTIONS)));
    PAssert.that(inputs.apply("Customer360", Customer360.create().transform()).get(Customer360.TABLE))
        .containsInAnyOrder(Customer360Test.expected());

    PCollectionRowTuple orders =
        PCollectionRowTuple.of(
            CustomerSegments.ORDERS.tag(),
            pipeline.apply(
                "SegmentOrders",
                Create.of(CustomerSegmentsTest.ORDERS).withRowSchema(CrmRows.ORDERS)));
    PAssert.that(
            orders.apply("Segments", CustomerSegments.create().transform())
                .get(CustomerSegments.TABLE))
        .containsInAnyOrder(CustomerSegmentsTest.expected());

    assertThat(pipeline.run().waitUntilFinish(), is(PipelineResult.State.DONE));
  }
}
