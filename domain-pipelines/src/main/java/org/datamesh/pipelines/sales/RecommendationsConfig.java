package org.datamesh.pipelines.sales;

import java.io.Serializable;

/**
 * How {@link Recommendations} fits its model: the settings its contract's descriptions state.
 *
 * @param top products per customer (the contract's rank is 1..10)
 * @param neighbours most similar products kept per product, which bounds the scoring work per
 *     customer to (distinct products bought) x neighbours
 * @param maxBasket orders with more distinct products than this are left out of the similarity:
 *     an order of n products yields n(n-1)/2 pairs, and a pathological basket (a reseller, a test
 *     order) would swamp the co-purchase counts
 * @param popularDepth how many of the most popular products the side input holds; a customer who
 *     bought nearly all of them gets a shorter popular list
 */
record RecommendationsConfig(int top, int neighbours, int maxBasket, int popularDepth)
    implements Serializable {

  static final RecommendationsConfig DEFAULT = new RecommendationsConfig(10, 50, 50, 1000);

  RecommendationsConfig {
    if (top < 1 || neighbours < 1 || maxBasket < 2 || popularDepth < top) {
      throw new IllegalArgumentException(
          "top and neighbours must be positive, maxBasket at least 2, popularDepth at least top");
    }
  }

  RecommendationsConfig withNeighbours(int value) {
    return new RecommendationsConfig(top, value, maxBasket, popularDepth);
  }

  RecommendationsConfig withMaxBasket(int value) {
    return new RecommendationsConfig(top, neighbours, value, popularDepth);
  }
}
