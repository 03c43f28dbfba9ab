package org.datamesh.pipelines.sales;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * One non-cancelled order as the recommender sees it: who, when, and which distinct products.
 *
 * @param products distinct product ids, sorted, never empty
 */
record CoPurchaseBasket(String customerId, String orderId, long orderMicros, List<String> products)
    implements Serializable {

  /** Oldest first: by order_ts, then order_id (the contract's order for "the last order"). */
  static final Comparator<CoPurchaseBasket> CHRONOLOGICAL =
      Comparator.comparingLong(CoPurchaseBasket::orderMicros)
          .thenComparing(CoPurchaseBasket::orderId);

  CoPurchaseBasket {
    products = List.copyOf(products);
  }
}
