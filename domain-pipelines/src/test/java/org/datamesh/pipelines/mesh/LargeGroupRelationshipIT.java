package org.datamesh.pipelines.mesh;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.StageResult;
import org.datamesh.core.relate.CheckRelationship;
import org.datamesh.core.relate.Relationship;
import org.junit.jupiter.api.Test;

/**
 * A relationship check whose one group holds far more than 10,000 values, on embedded Flink:
 * Flink's batch runner gives a group's values once, and a check that read the group's two sides
 * one after the other failed there ("GBK result is not re-iterable") on the mesh's order lines.
 */
class LargeGroupRelationshipIT {

  private static final Schema LINES =
      Schema.builder().addStringField("order_id").addInt32Field("line_no").build();
  private static final Schema ORDERS = Schema.builder().addStringField("order_id").build();

  @Test
  void checksThirtyThousandRowsInOneGroupOnFlink() {
    Pipeline pipeline =
        Pipeline.create(
            PipelineOptionsFactory.fromArgs(
                    "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2")
                .create());
    List<Row> orders = new ArrayList<>();
    List<Row> lines = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      orders.add(Row.withSchema(ORDERS).addValue("O" + i).build());
    }
    // 3 lines per order for 9,900 orders, and 300 lines of 100 orders that do not exist.
    for (int i = 0; i < 10_000; i++) {
      String order = i < 9_900 ? "O" + i : "MISSING" + i;
      for (int line = 1; line <= 3; line++) {
        lines.add(Row.withSchema(LINES).addValues(order, line).build());
      }
    }
    PCollection<Row> referenced = pipeline.apply("Orders", Create.of(orders).withRowSchema(ORDERS));
    StageResult checked =
        pipeline
            .apply("Lines", Create.of(lines).withRowSchema(LINES))
            .apply(
                CheckRelationship.of(
                        Relationship.from("order_lines", "order_id").to("orders", "order_id"),
                        referenced)
                    .withShards(1)
                    .forProduct("sales.orders"));

    PAssert.thatSingleton(checked.rows().apply("CountPassed", Count.globally())).isEqualTo(29_700L);
    PAssert.thatSingleton(checked.failures().apply("CountFailed", Count.globally())).isEqualTo(300L);
    pipeline.run().waitUntilFinish();
  }
}
