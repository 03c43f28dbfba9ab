package org.datamesh.pipelines.runners;

import static org.datamesh.core.testing.FailureMatchers.atRecord;
import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.pipeline.BuildProduct;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.testing.ProductTestInput;
import org.datamesh.rules.contract.ContractProducts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CEL rules from a contract on the Direct runner and on embedded Flink: the step travels as
 * text, each worker compiles the programs, and CEL's protobuf classes load in the runner.
 */
class ExpressionRulesOnRunnersIT {

  private static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: deliveries-it
      version: 1.0.0
      status: active
      domain: logistics
      dataProduct: deliveries
      schema:
        - name: deliveries
          quality:
            - type: custom
              engine: cel
              name: delivered_after_sent
              implementation: "delivered_at == null || delivered_at >= sent_at"
          properties:
            - {name: id, logicalType: string, required: true}
            - {name: sent_at, logicalType: timestamp, required: true}
            - {name: delivered_at, logicalType: timestamp}
            - name: fee
              logicalType: number
              physicalType: decimal(8,2)
              quality:
                - type: custom
                  engine: cel
                  name: fee.high
                  severity: warning
                  implementation: "fee == null || fee <= 100"
      """;

  private static PipelineOptions options(String runner) {
    String[] args =
        runner.equals("FlinkRunner")
            ? new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"}
            : new String[] {"--runner=DirectRunner", "--targetParallelism=2"};
    return PipelineOptionsFactory.fromArgs(args).withValidation().create();
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"DirectRunner", "FlinkRunner"})
  void celRulesRunOnEveryRunner(String runner) throws Exception {
    ProductSpec spec =
        ContractProducts.spec(ContractLoader.parse(CONTRACT, "deliveries.yaml"), RecordFormat.Kind.CSV);
    Pipeline pipeline = Pipeline.create(options(runner));
    ProductRecords records =
        pipeline
            .apply(
                ProductTestInput.file(
                    "deliveries.csv",
                    "id,sent_at,delivered_at,fee",
                    "D-1,2024-03-01T10:00:00Z,2024-03-02T10:00:00+02:00,5",
                    "D-2,2024-03-05T10:00:00Z,2024-03-04T10:00:00Z,5",
                    "D-3,2024-03-05T10:00:00Z,,250.5"))
            .apply(BuildProduct.of(spec));
    PAssert.that(records.published())
        .satisfies(
            rows -> {
              List<String> ids = new ArrayList<>();
              rows.forEach((Row r) -> ids.add(r.getString("id")));
              assertThat(ids, containsInAnyOrder("D-1", "D-3"));
              return null;
            });
    PAssert.that(records.failures())
        .satisfies(
            failures -> {
              assertThat(
                  failures,
                  containsInAnyOrder(
                      allOf(atRecord(2), failedAt(Stage.VALIDATE), hasRule("delivered_after_sent"))));
              return null;
            });
    PAssert.that(records.warningCounts()).containsInAnyOrder(KV.of("fee.high", 1L));
    assertThat(pipeline.run().waitUntilFinish(), is(PipelineResult.State.DONE));
  }
}
