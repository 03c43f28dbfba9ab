package org.datamesh.pipelines.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler.BadRecordErrorHandler;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.FieldProtection;
import org.datamesh.core.protect.ProtectionStep;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.relate.Relationship;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A product of two related tables with tokenized keys on the Direct runner and on embedded Flink:
 * the relationship's orphans are quarantined, counts balance, and every failure also reaches a
 * Beam error handler as a BadRecord.
 */
class RelationshipsOnRunnersIT {

  static final DataProduct SALES = DataProduct.of("sales", "orders", "1.0.0");
  static final Schema ORDERS =
      Schema.builder()
          .addNullableField("order_id", FieldType.STRING)
          .addNullableField("amount", FieldType.INT64)
          .build();
  static final Schema LINES =
      Schema.builder()
          .addNullableField("order_id", FieldType.STRING)
          .addNullableField("line_no", FieldType.INT32)
          .build();

  @TempDir Path dir;

  private static PipelineOptions options(String runner) {
    String[] args =
        runner.equals("FlinkRunner")
            ? new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"}
            : new String[] {"--runner=DirectRunner", "--targetParallelism=2"};
    return PipelineOptionsFactory.fromArgs(args).withValidation().create();
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"DirectRunner", "FlinkRunner"})
  void orphansAreQuarantinedAndEveryFailureReachesTheErrorHandler(String runner) throws Exception {
    Path orders = Files.writeString(dir.resolve("orders.csv"), "order_id,amount\nO-1,10\nO-2,20\nO-2,21\nO-3,x\n");
    Path lines =
        Files.writeString(
            dir.resolve("lines.csv"), "order_id,line_no\nO-1,1\nO-1,2\nO-2,1\nO-3,1\nO-9,1\n");
    DataKeys keys = DataKeys.generate();
    ProtectionStep tokens = ProtectionStep.of(keys, FieldProtection.tokenize("order_id"));
    ProductSpec orderSpec =
        ProductSpec.of(SALES).table("orders").readingFrom(RecordFormat.csv(ORDERS))
            .protectedBy(tokens).deduplicatedBy("order_id");
    ProductSpec lineSpec =
        ProductSpec.of(SALES).table("order_lines").readingFrom(RecordFormat.csv(LINES))
            .protectedBy(tokens).deduplicatedBy("order_id", "line_no");

    Pipeline pipeline = Pipeline.create(options(runner));
    BadRecordErrorHandler<PCollection<BadRecord>> errors =
        pipeline.registerBadRecordErrorHandler(new Passed());
    pipeline.apply(
        DataProductPipeline.of(List.of(orderSpec, lineSpec))
            .withRelationships(List.of(Relationship.from("order_lines", "order_id").to("orders", "order_id")))
            .withErrorHandler(errors)
            .from("orders", orders.toString())
            .from("order_lines", lines.toString())
            .to(dir.resolve("out").toString())
            .withRunId("run-1"));
    errors.close();
    PAssert.that(
            errors.getOutput()
                .apply(
                    "Rules",
                    MapElements.into(TypeDescriptor.of(String.class))
                        .via((BadRecord bad) -> bad.getFailure().getException())))
        .containsInAnyOrder(
            "PARSE parse.number",
            "VALIDATE order_lines.order_id.relationship",
            "VALIDATE order_lines.order_id.relationship");
    assertThat(pipeline.run().waitUntilFinish(), is(PipelineResult.State.DONE));

    Manifest manifest = Manifest.read(dir.resolve("out/sales/orders"));
    assertThat(manifest.table("orders").counts(), equalTo(new Manifest.Counts(4, 2, 1, 1)));
    assertThat(manifest.table("order_lines").counts(), equalTo(new Manifest.Counts(5, 3, 2, 0)));
    assertThat(
        manifest.quality().failuresByRule(),
        equalTo(Map.of("parse.number", 1L, "order_lines.order_id.relationship", 2L)));
  }

  /** The error handler's sink: the bad records themselves, for PAssert. */
  private static final class Passed
      extends PTransform<PCollection<BadRecord>, PCollection<BadRecord>> {
    @Override
    public PCollection<BadRecord> expand(PCollection<BadRecord> records) {
      return records
          .apply(MapElements.into(TypeDescriptor.of(BadRecord.class)).via((BadRecord b) -> b))
          .setCoder(BadRecord.getCoder(records.getPipeline()));
    }
  }
}
