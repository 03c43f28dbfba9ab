package org.datamesh.pipelines.orders;

import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.pipeline.BuildProduct;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.standardize.StandardizationStep;
import org.datamesh.core.standardize.Standardizers;
import org.datamesh.rules.ValidationStep;

/**
 * The sales domain's {@code orders} product, from CSV exports to records ready to publish: parse,
 * validate ({@link OrdersRules}), standardize (timestamps to UTC, amounts to their currency's
 * minor unit, codes upper-cased), and keep the latest record of each order.
 *
 * <pre>{@code
 * ProductRecords records =
 *     pipeline
 *         .apply(FileIO.match().filepattern("/exports/orders/*.csv"))
 *         .apply(FileIO.readMatches())
 *         .apply(OrdersProduct.create());
 * records.apply(PublishDataProduct.of(OrdersProduct.PRODUCT).to("/data/products"));
 * }</pre>
 *
 * <p>IO stays outside: tests feed it files and assert on what it returns, and {@link
 * OrdersPipeline} adds the reading and publishing around it.
 */
public final class OrdersProduct
    extends PTransform<PCollection<FileIO.ReadableFile>, ProductRecords> {

  public static final DataProduct PRODUCT = DataProduct.of("sales", "orders", "1.0.0");

  private OrdersProduct() {}

  public static OrdersProduct create() {
    return new OrdersProduct();
  }

  @Override
  public ProductRecords expand(PCollection<FileIO.ReadableFile> files) {
    return files.apply("Build", BuildProduct.of(SPEC));
  }

  /** Timestamps to UTC, amounts to their currency's minor unit, codes trimmed and upper-cased. */
  static final StandardizationStep STANDARDIZATION =
      StandardizationStep.of(
          Standardizers.trim("order_id"),
          Standardizers.trim("customer_id"),
          Standardizers.upperCase("currency"),
          Standardizers.upperCase("status"),
          Standardizers.timestampUtc("order_ts"),
          Standardizers.timestampUtc("updated_at"),
          Standardizers.currencyAmount("amount", "currency"));

  /** How the orders product is built: CSV exports, its rules and standardization, latest order wins. */
  public static final ProductSpec SPEC =
      ProductSpec.of(PRODUCT)
          .readingFrom(RecordFormat.csv(OrdersSchema.RAW))
          .through(ValidationStep.of(OrdersRules.RULES), STANDARDIZATION)
          .deduplicatedBy("order_id")
          .keepingLatestBy("updated_at");
}
