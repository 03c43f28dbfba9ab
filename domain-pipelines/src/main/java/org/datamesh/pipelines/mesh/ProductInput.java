package org.datamesh.pipelines.mesh;

import java.io.Serializable;

/**
 * One table of a published product that a consumer-aligned product reads, through the product's
 * manifest: {@code <output>/<domain>/<product>/}, table {@code table}.
 *
 * <pre>{@code
 * ProductInput orders = ProductInput.of("sales", "orders", "orders");
 * orders.tag();   // "sales/orders/orders": its tag in the consumer's PCollectionRowTuple
 * }</pre>
 */
public record ProductInput(String domain, String product, String table) implements Serializable {

  public ProductInput {
    if (domain.isBlank() || product.isBlank() || table.isBlank()) {
      throw new IllegalArgumentException("a product input names a domain, a product and a table");
    }
  }

  public static ProductInput of(String domain, String product, String table) {
    return new ProductInput(domain, product, table);
  }

  /** The input's tag in the tuple a consumer product's transform takes. */
  public String tag() {
    return domain + "/" + product + "/" + table;
  }

  /** The product this input belongs to, as {@code domain/product}. */
  public String productPath() {
    return domain + "/" + product;
  }
}
