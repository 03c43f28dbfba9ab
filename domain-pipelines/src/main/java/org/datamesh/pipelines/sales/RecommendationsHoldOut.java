package org.datamesh.pipelines.sales;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The backtest's split: each customer with at least two baskets loses the last one (latest
 * order_ts, then greatest order_id) to the test; everything else is training.
 *
 * <pre>{@code
 * RecommendationsHoldOut.Split split = baskets.apply(RecommendationsHoldOut.lastOrder());
 * split.training();   // baskets to fit on: all but the held-out orders, of every customer
 * split.heldOut();    // (customer, product) of each held-out order, bought for the first time
 * }</pre>
 *
 * <p>Grouping by customer holds one customer's baskets at a time, a few dozen over half a year.
 */
final class RecommendationsHoldOut
    extends PTransform<PCollection<CoPurchaseBasket>, RecommendationsHoldOut.Split> {

  private static final TupleTag<CoPurchaseBasket> TRAINING = new TupleTag<>() {};
  private static final TupleTag<KV<String, String>> HELD_OUT = new TupleTag<>() {};

  private RecommendationsHoldOut() {}

  static RecommendationsHoldOut lastOrder() {
    return new RecommendationsHoldOut();
  }

  /** The two sides of the split. */
  record Split(PCollection<CoPurchaseBasket> training, PCollection<KV<String, String>> heldOut)
      implements POutput {

    @Override
    public Pipeline getPipeline() {
      return training.getPipeline();
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(TRAINING, training, HELD_OUT, heldOut);
    }

    @Override
    public void finishSpecifyingOutput(
        String transformName, PInput input, PTransform<?, ?> transform) {}
  }

  @Override
  public Split expand(PCollection<CoPurchaseBasket> baskets) {
    PCollectionTuple split =
        baskets
            .apply(
                "ByCustomer",
                WithKeys.of(CoPurchaseBasket::customerId).withKeyType(TypeDescriptors.strings()))
            .apply("Group", GroupByKey.create())
            .apply(
                "HoldOutLast",
                ParDo.of(new HoldOutLast()).withOutputTags(TRAINING, TupleTagList.of(HELD_OUT)));
    return new Split(
        split.get(TRAINING).setCoder(SerializableCoder.of(CoPurchaseBasket.class)),
        split.get(HELD_OUT).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
  }

  private static final class HoldOutLast
      extends DoFn<KV<String, Iterable<CoPurchaseBasket>>, CoPurchaseBasket> {
    @ProcessElement
    public void process(
        @Element KV<String, Iterable<CoPurchaseBasket>> customer, MultiOutputReceiver out) {
      List<CoPurchaseBasket> baskets = new ArrayList<>();
      customer.getValue().forEach(baskets::add);
      baskets.sort(CoPurchaseBasket.CHRONOLOGICAL);
      int training = baskets.size() >= 2 ? baskets.size() - 1 : baskets.size();
      Set<String> bought = new TreeSet<>();
      for (CoPurchaseBasket basket : baskets.subList(0, training)) {
        bought.addAll(basket.products());
        out.get(TRAINING).output(basket);
      }
      if (training < baskets.size()) {
        // A product bought before is excluded from both lists, so it could never be a hit.
        for (String product : baskets.get(training).products()) {
          if (!bought.contains(product)) {
            out.get(HELD_OUT).output(KV.of(customer.getKey(), product));
          }
        }
      }
    }
  }
}
