package org.datamesh.pipelines.sales;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * How many baskets hold each product, n(i), and each pair of products, n(i,j) with i &lt; j: the
 * counts the cosine similarity is made of, summed with {@code Combine} so no key sees more than
 * its own partial sums.
 *
 * <pre>{@code
 * CoPurchaseCounts counts = CoPurchaseCounts.of(baskets, 50);
 * counts.items();   // KV("PRD-0001", 12L)
 * counts.pairs();   // KV(KV("PRD-0001", "PRD-0007"), 5L)
 * }</pre>
 *
 * <p>A basket of n products yields n(n-1)/2 pairs; baskets larger than the cap are left out of
 * both counts so the similarity stays a cosine over the same baskets.
 */
record CoPurchaseCounts(
    PCollection<KV<String, Long>> items, PCollection<KV<KV<String, String>, Long>> pairs) {

  /** The counts over the baskets of at most {@code maxBasket} products. */
  static CoPurchaseCounts of(PCollection<CoPurchaseBasket> baskets, int maxBasket) {
    PCollection<CoPurchaseBasket> counted =
        baskets.apply(
            "AtMost" + maxBasket + "Products",
            Filter.by((CoPurchaseBasket b) -> b.products().size() <= maxBasket));
    PCollection<KV<String, Long>> items =
        counted
            .apply(
                "Items",
                FlatMapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                    .via(
                        (CoPurchaseBasket b) ->
                            b.products().stream().map(p -> KV.of(p, 1L)).toList()))
            .apply("CountItems", Sum.longsPerKey());
    PCollection<KV<KV<String, String>, Long>> pairs =
        counted
            .apply(
                "Pairs",
                FlatMapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()),
                            TypeDescriptors.longs()))
                    .via((CoPurchaseBasket b) -> pairsOf(b.products())))
            .apply("CountPairs", Sum.longsPerKey());
    return new CoPurchaseCounts(items, pairs);
  }

  /** Each unordered pair once, the smaller id first (products are sorted and distinct). */
  static List<KV<KV<String, String>, Long>> pairsOf(List<String> products) {
    List<KV<KV<String, String>, Long>> pairs = new ArrayList<>();
    for (int a = 0; a < products.size(); a++) {
      for (int b = a + 1; b < products.size(); b++) {
        pairs.add(KV.of(KV.of(products.get(a), products.get(b)), 1L));
      }
    }
    return pairs;
  }
}
