package org.datamesh.core.publish;

import org.datamesh.core.product.DataProduct;

/**
 * Refuses to commit one product over another's manifest: a link in the output ({@code
 * sales/orders -> orders_v2}) can make two products share a folder, and committing there would
 * replace the other product's version.
 *
 * <pre>{@code
 * ProductIdentity.check(orders, Manifest.read(productDir), "/data/sales/orders/_manifest.json");
 * // UnsafeOutputException: /data/sales/orders/_manifest.json is the manifest of sales.orders_v2,
 * // not of sales.orders (...)
 * }</pre>
 */
final class ProductIdentity {

  private ProductIdentity() {}

  /** Throws unless {@code inForce} is a manifest of {@code product}. */
  static void check(DataProduct product, Manifest inForce, String where) {
    if (!product.id().equals(inForce.product())) {
      throw new UnsafeOutputException(
          where + " is the manifest of " + inForce.product() + ", not of " + product.id()
              + " (is the folder a link to another product's?); refusing to publish over it");
    }
  }
}
