package org.datamesh.pipelines.sales;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.datamesh.pipelines.mesh.ConsumerProduct;
import org.datamesh.pipelines.mesh.ProductInput;

/**
 * The sales domain's {@code recommendations} product: ten products per customer from item-to-item
 * co-purchase similarity, and a backtest against the ten most popular products. Declared by
 * {@code sales-recommendations.odcs.yaml} beside this class.
 *
 * <pre>{@code
 * Recommendations product = Recommendations.create();
 * PCollectionRowTuple tables =
 *     PCollectionRowTuple.of(Recommendations.ORDERS.tag(), orders)
 *         .and(Recommendations.ORDER_LINES.tag(), lines)
 *         .apply(product.transform());
 * PCollection<Row> top10 = tables.get("recommendations");
 * PCollection<Row> accuracy = tables.get("accuracy");   // one row: model vs popular hit rate
 * }</pre>
 */
public final class Recommendations implements ConsumerProduct {

  /** Where the contract is, on the class path. */
  public static final String CONTRACT_RESOURCE = "sales-recommendations.odcs.yaml";

  public static final DataContract CONTRACT = loadContract();

  public static final ProductInput ORDERS = ProductInput.of("sales", "orders", "orders");

  public static final ProductInput ORDER_LINES = ProductInput.of("sales", "orders", "order_lines");

  private final RecommendationsConfig config;

  private Recommendations(RecommendationsConfig config) {
    this.config = config;
  }

  /**
   * The product as its contract describes it: products bought by the same customer count as
   * bought together; 50 neighbours; co-purchase baskets up to 50 products.
   */
  public static Recommendations create() {
    return new Recommendations(RecommendationsConfig.DEFAULT);
  }

  /** Returns a product like this one but with what counts as bought together from {@code scope}. */
  public Recommendations withScope(CoPurchaseScope scope) {
    return new Recommendations(config.withScope(scope));
  }

  /** Returns a product like this one but keeping {@code neighbours} similar products per item. */
  public Recommendations withNeighbours(int neighbours) {
    return new Recommendations(config.withNeighbours(neighbours));
  }

  /**
   * Returns a product like this one but leaving co-purchase baskets with more than {@code
   * maxBasket} distinct products out of the similarity (their pairs grow with the square of
   * their size).
   */
  public Recommendations withMaxBasket(int maxBasket) {
    return new Recommendations(config.withMaxBasket(maxBasket));
  }

  @Override
  public DataContract contract() {
    return CONTRACT;
  }

  @Override
  public List<ProductInput> inputs() {
    return List.of(ORDERS, ORDER_LINES);
  }

  @Override
  public PTransform<PCollectionRowTuple, PCollectionRowTuple> transform() {
    return RecommendationsTransform.of(config);
  }

  /** The contract's text, for tools that take a contract file. */
  public static String contractText() {
    try (InputStream in = Recommendations.class.getResourceAsStream(CONTRACT_RESOURCE)) {
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
      throw new IllegalStateException(
          "the recommendations contract is broken: " + e.getMessage(), e);
    }
  }
}
