package org.datamesh.pipelines.sales;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Item-to-item similarity from co-purchases: the cosine n(i,j) / sqrt(n(i) n(j)) of the baskets
 * holding i and j, keeping each product's most similar products. A basket is whatever counts as
 * bought together: an order, or all of a customer's products ({@link CoPurchaseByCustomer}).
 *
 * <pre>{@code
 * PCollection<KV<String, List<KV<String, Double>>>> neighbours =
 *     baskets.apply(ItemSimilarity.cosine().withNeighbours(50).withMaxBasket(50));
 * // KV("PRD-0001", [KV("PRD-0007", 0.61), KV("PRD-0003", 0.4), ...]), most similar first
 * }</pre>
 *
 * <p>The counts meet through two joins on product id (first i's count, then j's), so no step
 * needs every count at once. Equal similarities keep the smaller product id.
 */
final class ItemSimilarity
    extends PTransform<PCollection<CoPurchaseBasket>, PCollection<KV<String, List<KV<String, Double>>>>> {

  private static final TupleTag<KV<String, Long>> PAIR = new TupleTag<>() {};
  private static final TupleTag<Long> COUNT = new TupleTag<>() {};
  private static final TupleTag<KV<String, KV<Long, Long>>> HALF = new TupleTag<>() {};

  private final int neighbours;
  private final int maxBasket;

  private ItemSimilarity(int neighbours, int maxBasket) {
    this.neighbours = neighbours;
    this.maxBasket = maxBasket;
  }

  /** Cosine similarity with the contract's settings: 50 neighbours, baskets up to 50 products. */
  static ItemSimilarity cosine() {
    return new ItemSimilarity(RecommendationsConfig.DEFAULT.neighbours(),
        RecommendationsConfig.DEFAULT.maxBasket());
  }

  /** Returns a similarity like this one but keeping {@code n} most similar products per product. */
  ItemSimilarity withNeighbours(int n) {
    return new ItemSimilarity(n, maxBasket);
  }

  /** Returns a similarity like this one but ignoring baskets of more than {@code n} products. */
  ItemSimilarity withMaxBasket(int n) {
    return new ItemSimilarity(neighbours, n);
  }

  @Override
  public PCollection<KV<String, List<KV<String, Double>>>> expand(
      PCollection<CoPurchaseBasket> baskets) {
    CoPurchaseCounts counts = CoPurchaseCounts.of(baskets, maxBasket);
    PCollection<KV<String, KV<String, Long>>> byFirst =
        counts.pairs()
            .apply(
                "ByFirst",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(),
                            TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs())))
                    .via(p -> KV.of(p.getKey().getKey(), KV.of(p.getKey().getValue(), p.getValue()))));
    PCollection<KV<String, KV<String, KV<Long, Long>>>> bySecond =
        KeyedPCollectionTuple.of(PAIR, byFirst)
            .and(COUNT, counts.items())
            .apply("JoinFirstCount", CoGroupByKey.create())
            .apply("BySecond", ParDo.of(new WithFirstCount()))
            .setCoder(
                KvCoder.of(
                    StringUtf8Coder.of(),
                    KvCoder.of(
                        StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))));
    return KeyedPCollectionTuple.of(HALF, bySecond)
        .and(COUNT, counts.items())
        .apply("JoinSecondCount", CoGroupByKey.create())
        .apply("Cosine", ParDo.of(new Cosine()))
        .setCoder(
            KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), DoubleCoder.of())))
        .apply("MostSimilar", Top.perKey(neighbours, new BySimilarity()));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("neighbours", neighbours).withLabel("Similar products kept"))
        .add(DisplayData.item("maxBasket", maxBasket).withLabel("Largest basket counted"));
  }

  /** (i, [(j, n(i,j))], [n(i)]) becomes (j, (i, (n(i,j), n(i)))). */
  private static final class WithFirstCount
      extends DoFn<KV<String, CoGbkResult>, KV<String, KV<String, KV<Long, Long>>>> {
    @ProcessElement
    public void process(
        @Element KV<String, CoGbkResult> item,
        OutputReceiver<KV<String, KV<String, KV<Long, Long>>>> out) {
      Long count = item.getValue().getOnly(COUNT, null);
      if (count == null) {
        return; // every paired product is counted; nothing else can arrive here
      }
      for (KV<String, Long> pair : item.getValue().getAll(PAIR)) {
        out.output(KV.of(pair.getKey(), KV.of(item.getKey(), KV.of(pair.getValue(), count))));
      }
    }
  }

  /** (j, [(i, (n(i,j), n(i)))], [n(j)]) becomes the similarity in both directions. */
  private static final class Cosine
      extends DoFn<KV<String, CoGbkResult>, KV<String, KV<String, Double>>> {
    @ProcessElement
    public void process(
        @Element KV<String, CoGbkResult> item, OutputReceiver<KV<String, KV<String, Double>>> out) {
      Long count = item.getValue().getOnly(COUNT, null);
      if (count == null) {
        return;
      }
      String j = item.getKey();
      for (KV<String, KV<Long, Long>> half : item.getValue().getAll(HALF)) {
        String i = half.getKey();
        double similarity =
            half.getValue().getKey() / Math.sqrt((double) half.getValue().getValue() * count);
        out.output(KV.of(i, KV.of(j, similarity)));
        out.output(KV.of(j, KV.of(i, similarity)));
      }
    }
  }

  /** Greater similarity first; among equals the smaller product id counts as greater. */
  static final class BySimilarity implements Comparator<KV<String, Double>>, Serializable {
    @Override
    public int compare(KV<String, Double> a, KV<String, Double> b) {
      int bySimilarity = Double.compare(a.getValue(), b.getValue());
      return bySimilarity != 0 ? bySimilarity : b.getKey().compareTo(a.getKey());
    }
  }
}
