package org.datamesh.pipelines.orders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.pipeline.BuildProduct;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.rules.contract.ContractProducts;

/**
 * The sales domain's {@code orders} product, from CSV exports to records ready to publish. It is
 * declared by its contract, {@code sales-orders.odcs.yaml} beside this class (columns, rules,
 * standardization, primary key); the one thing the contract cannot state is {@link
 * OrdersRules#BULK}, a warning added here.
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

  /** Where the contract is, on the class path. */
  public static final String CONTRACT_RESOURCE = "sales-orders.odcs.yaml";

  public static final DataContract CONTRACT = loadContract();

  public static final DataProduct PRODUCT = CONTRACT.product();

  /** How the orders product is built: its contract, plus the bulk-order warning. */
  public static final ProductSpec SPEC = spec();

  private OrdersProduct() {}

  public static OrdersProduct create() {
    return new OrdersProduct();
  }

  @Override
  public ProductRecords expand(PCollection<FileIO.ReadableFile> files) {
    return files.apply("Build", BuildProduct.of(SPEC));
  }

  /** The contract's text, for tools that take a contract file. */
  public static String contractText() {
    try (InputStream in = OrdersProduct.class.getResourceAsStream(CONTRACT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CONTRACT_RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DataContract loadContract() {
    try {
      return ContractLoader.parse(contractText(), CONTRACT_RESOURCE);
    } catch (ContractException e) {
      throw new IllegalStateException("the orders contract is broken: " + e.getMessage(), e);
    }
  }

  private static ProductSpec spec() {
    try {
      return ContractProducts.spec(CONTRACT, RecordFormat.Kind.CSV, OrdersRules.BULK);
    } catch (ContractException e) {
      throw new IllegalStateException("the orders contract is broken: " + e.getMessage(), e);
    }
  }
}
