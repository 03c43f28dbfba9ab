package org.datamesh.pipelines.sales;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The baseline's ranking: products by the number of distinct customers who bought them, ties by
 * product id, as a side input (the one global list; it holds at most {@code depth} ids).
 *
 * <pre>{@code
 * PCollectionView<List<String>> popular = baskets.apply(PopularProducts.top(1000));
 * // ["PRD-0004", "PRD-0001", ...], most popular first
 * }</pre>
 */
final class PopularProducts
    extends PTransform<PCollection<CoPurchaseBasket>, PCollectionView<List<String>>> {

  private final int depth;

  private PopularProducts(int depth) {
    this.depth = depth;
  }

  static PopularProducts top(int depth) {
    return new PopularProducts(depth);
  }

  @Override
  public PCollectionView<List<String>> expand(PCollection<CoPurchaseBasket> baskets) {
    return baskets
        .apply(
            "ProductCustomer",
            FlatMapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                .via(
                    (CoPurchaseBasket b) ->
                        b.products().stream().map(p -> KV.of(p, b.customerId())).toList()))
        .apply("Distinct", Distinct.create())
        .apply("Customers", Count.perKey())
        .apply("Top" + depth, Top.of(depth, new ByCustomers()))
        .apply(
            "Ids",
            MapElements.into(TypeDescriptors.lists(TypeDescriptors.strings()))
                .via((List<KV<String, Long>> top) -> top.stream().map(KV::getKey).toList()))
        .apply("AsSideInput", View.asSingleton());
  }

  /** More customers first; among equals the smaller product id counts as greater. */
  static final class ByCustomers implements Comparator<KV<String, Long>>, Serializable {
    @Override
    public int compare(KV<String, Long> a, KV<String, Long> b) {
      int byCount = Long.compare(a.getValue(), b.getValue());
      return byCount != 0 ? byCount : b.getKey().compareTo(a.getKey());
    }
  }
}
