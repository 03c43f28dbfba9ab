package org.datamesh.pipelines.sales;

import java.io.Serializable;

/**
 * How {@link Recommendations} fits its model: the settings its contract's descriptions state.
 *
 * @param scope what counts as bought together: products of one customer (the default) or of one
 *     order
 * @param top products per customer (the contract's rank is 1..10)
 * @param neighbours most similar products kept per product, which bounds the scoring work per
 *     customer to (distinct products bought) x neighbours
 * @param maxBasket co-purchase baskets (a customer's products, or an order's) with more distinct
 *     products than this are left out of the similarity: a basket of n products yields n(n-1)/2
 *     pairs, and a pathological one (a reseller, a test account) would swamp the counts
 * @param popularDepth how many of the most popular products the side input holds; a customer who
 *     bought nearly all of them gets a shorter popular list
 */
record RecommendationsConfig(
    CoPurchaseScope scope, int top, int neighbours, int maxBasket, int popularDepth)
    implements Serializable {

  static final RecommendationsConfig DEFAULT =
      new RecommendationsConfig(CoPurchaseScope.CUSTOMER, 10, 50, 50, 1000);

  RecommendationsConfig {
    if (scope == null) {
      throw new IllegalArgumentException("a co-purchase scope is required");
    }
    if (top < 1 || neighbours < 1 || maxBasket < 2 || popularDepth < top) {
      throw new IllegalArgumentException(
          "top and neighbours must be positive, maxBasket at least 2, popularDepth at least top");
    }
  }

  RecommendationsConfig withScope(CoPurchaseScope value) {
    return new RecommendationsConfig(value, top, neighbours, maxBasket, popularDepth);
  }

  RecommendationsConfig withTop(int value) {
    return new RecommendationsConfig(scope, value, neighbours, maxBasket, popularDepth);
  }

  RecommendationsConfig withNeighbours(int value) {
    return new RecommendationsConfig(scope, top, value, maxBasket, popularDepth);
  }

  RecommendationsConfig withMaxBasket(int value) {
    return new RecommendationsConfig(scope, top, neighbours, value, popularDepth);
  }
}
