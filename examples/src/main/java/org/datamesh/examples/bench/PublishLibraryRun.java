package org.datamesh.examples.bench;

import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.datamesh.core.DataTypes;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.product.RunId;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.publish.PublishDataProduct;
import org.datamesh.pipelines.orders.OrdersProduct;

/**
 * Child JVM main: the library's publication step alone. {@link SyntheticOrders} rows in the
 * published orders schema go through {@code PublishDataProduct} (Parquet, quarantine, manifest);
 * nothing is parsed. The input argument is the number of rows.
 *
 * <pre>{@code
 * java -cp CP org.datamesh.examples.bench.PublishLibraryRun 100000 out 1000 --runner=FlinkRunner
 * }</pre>
 */
public final class PublishLibraryRun {

  /** The orders as the library publishes them. */
  static final Schema PUBLISHED =
      Schema.builder()
          .addNullableField("order_id", FieldType.STRING)
          .addNullableField("customer_id", FieldType.STRING)
          .addNullableField("order_ts", FieldType.DATETIME)
          .addNullableField("updated_at", FieldType.DATETIME)
          .addNullableField("amount", DataTypes.decimal(18, 4))
          .addNullableField("currency", FieldType.STRING)
          .addNullableField("status", FieldType.STRING)
          .addNullableField("quantity", FieldType.INT32)
          .build();

  private PublishLibraryRun() {}

  public static void main(String[] args) {
    ChildRun.main("publish-library", args, PublishLibraryRun::run);
  }

  static Counts run(String rows, Path output, String[] beamArgs) throws Exception {
    long count = Long.parseLong(rows);
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs(beamArgs).create());
    PCollection<Row> published =
        pipeline
            .apply("Numbers", GenerateSequence.from(0).to(count))
            .apply(
                "Orders",
                MapElements.into(TypeDescriptors.rows()).via(PublishLibraryRun::row))
            .setRowSchema(PUBLISHED);
    ProductRecords records =
        ProductRecords.of(
            pipeline.apply("InputCount", Create.of(count)),
            published,
            pipeline.apply("NoFailures", Create.empty(TypeDescriptor.of(Failure.class))),
            pipeline.apply("NoDuplicates", Create.empty(PUBLISHED)));
    records.apply(
        "Publish",
        PublishDataProduct.of(OrdersProduct.PRODUCT)
            .to(output.toAbsolutePath().toString())
            .withRunId(RunId.generate()));
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the publication run ended " + state);
    }
    Counts counts = Counts.fromManifest(output.resolve("sales/orders/_manifest.json"));
    return Counts.rows(counts.published());
  }

  /**
   * The synthetic row, built as the library's record path builds its rows (values attached, not
   * re-checked one by one), so the scenario times publication rather than row construction.
   */
  private static Row row(Long i) {
    CleanOrder o = SyntheticOrders.order(i);
    return Row.withSchema(PUBLISHED)
        .attachValues(
            java.util.Arrays.asList(
                o.orderId(),
                o.customerId(),
                new org.joda.time.Instant(o.orderTs()),
                new org.joda.time.Instant(o.updatedAt()),
                o.amount(),
                o.currency(),
                o.status(),
                o.quantity()));
  }
}
