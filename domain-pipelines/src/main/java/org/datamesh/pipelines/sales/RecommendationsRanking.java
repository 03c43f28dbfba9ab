package org.datamesh.pipelines.sales;

import java.util.List;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.KvSwap;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Fits the similarity and the popularity on some baskets and ranks, for every customer in them,
 * the model's and the baseline's top products.
 *
 * <pre>{@code
 * PCollection<RankedProducts> ranked = baskets.apply(RecommendationsRanking.of(config));
 * }</pre>
 *
 * <p>A customer's score sums the similarity lists of the products they bought: the lists meet
 * the buyers in a join on product id, and the contributions meet per customer, so the work per
 * customer is bounded by (distinct products bought) x neighbours.
 */
final class RecommendationsRanking
    extends PTransform<PCollection<CoPurchaseBasket>, PCollection<RankedProducts>> {

  static final TupleTag<String> BUYER = new TupleTag<>() {};
  static final TupleTag<List<KV<String, Double>>> NEIGHBOURS = new TupleTag<>() {};
  static final TupleTag<String> BOUGHT = new TupleTag<>() {};
  static final TupleTag<List<KV<String, Double>>> CONTRIBUTION = new TupleTag<>() {};

  private final RecommendationsConfig config;

  private RecommendationsRanking(RecommendationsConfig config) {
    this.config = config;
  }

  static RecommendationsRanking of(RecommendationsConfig config) {
    return new RecommendationsRanking(config);
  }

  @Override
  public PCollection<RankedProducts> expand(PCollection<CoPurchaseBasket> baskets) {
    PCollection<KV<String, String>> bought =
        baskets
            .apply(
                "CustomerProduct",
                FlatMapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                    .via(
                        (CoPurchaseBasket b) ->
                            b.products().stream().map(p -> KV.of(b.customerId(), p)).toList()))
            .apply("DistinctBought", Distinct.create());
    PCollection<CoPurchaseBasket> together =
        config.scope() == CoPurchaseScope.CUSTOMER
            ? baskets.apply("PerCustomer", CoPurchaseByCustomer.create())
            : baskets;
    PCollection<KV<String, List<KV<String, Double>>>> neighbours =
        together.apply(
            "Similarity",
            ItemSimilarity.cosine()
                .withNeighbours(config.neighbours())
                .withMaxBasket(config.maxBasket()));
    PCollectionView<List<String>> popular =
        baskets.apply("Popularity", PopularProducts.top(config.popularDepth()));
    PCollection<KV<String, List<KV<String, Double>>>> contributions =
        KeyedPCollectionTuple.of(BUYER, bought.apply("ByProduct", KvSwap.create()))
            .and(NEIGHBOURS, neighbours)
            .apply("MeetBuyers", CoGroupByKey.create())
            .apply("Contributions", ParDo.of(new Contributions()))
            .setCoder(
                KvCoder.of(
                    StringUtf8Coder.of(),
                    ListCoder.of(KvCoder.of(StringUtf8Coder.of(), DoubleCoder.of()))));
    return KeyedPCollectionTuple.of(BOUGHT, bought)
        .and(CONTRIBUTION, contributions)
        .apply("MeetPerCustomer", CoGroupByKey.create())
        .apply(
            "TopProducts",
            ParDo.of(new RecommendationsTopProducts(config.top(), popular))
                .withSideInputs(popular))
        .setCoder(SerializableCoder.of(RankedProducts.class));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("scope", config.scope().name()).withLabel("Bought together in"))
        .add(DisplayData.item("top", config.top()).withLabel("Products per customer"))
        .add(DisplayData.item("neighbours", config.neighbours()).withLabel("Similar products kept"))
        .add(DisplayData.item("maxBasket", config.maxBasket()).withLabel("Largest basket counted"))
        .add(DisplayData.item("popularDepth", config.popularDepth())
            .withLabel("Popular products in the side input"));
  }

  /**
   * Each buyer of a product receives the product's whole similarity list as one element: one
   * element per (customer, bought product) rather than one per neighbour, fewer by the factor
   * neighbours.
   */
  private static final class Contributions
      extends DoFn<KV<String, CoGbkResult>, KV<String, List<KV<String, Double>>>> {
    @ProcessElement
    public void process(
        @Element KV<String, CoGbkResult> product,
        OutputReceiver<KV<String, List<KV<String, Double>>>> out) {
      List<KV<String, Double>> similar = product.getValue().getOnly(NEIGHBOURS, List.of());
      if (similar.isEmpty()) {
        return;
      }
      for (String customer : product.getValue().getAll(BUYER)) {
        out.output(KV.of(customer, similar));
      }
    }
  }
}
