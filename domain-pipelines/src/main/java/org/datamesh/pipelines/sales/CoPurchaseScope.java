package org.datamesh.pipelines.sales;

/**
 * What counts as "bought together" for the item-to-item similarity.
 *
 * <pre>{@code
 * Recommendations.create().withScope(CoPurchaseScope.ORDER);   // bundles within one order only
 * }</pre>
 */
public enum CoPurchaseScope {
  /** Products in the same order: the bundle signal only. */
  ORDER,
  /**
   * Products bought by the same customer, in any of their orders: the bundle signal and the
   * customer's lasting preferences (the classic item-based collaborative filter).
   */
  CUSTOMER
}
