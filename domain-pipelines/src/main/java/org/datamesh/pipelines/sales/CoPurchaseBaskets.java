package org.datamesh.pipelines.sales;

import java.util.TreeSet;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.datamesh.core.DataTypes;

/**
 * Published orders and order lines joined into {@link CoPurchaseBasket}s, one per order that is
 * not CANCELLED and has at least one line.
 *
 * <pre>{@code
 * PCollection<CoPurchaseBasket> baskets =
 *     PCollectionRowTuple.of("sales/orders/orders", orders)
 *         .and("sales/orders/order_lines", lines)
 *         .apply(CoPurchaseBaskets.create());
 * }</pre>
 */
final class CoPurchaseBaskets
    extends PTransform<PCollectionRowTuple, PCollection<CoPurchaseBasket>> {

  static final String CANCELLED = "CANCELLED";

  private static final TupleTag<KV<String, Long>> ORDER = new TupleTag<>() {};
  private static final TupleTag<String> PRODUCT = new TupleTag<>() {};

  private CoPurchaseBaskets() {}

  static CoPurchaseBaskets create() {
    return new CoPurchaseBaskets();
  }

  @Override
  public PCollection<CoPurchaseBasket> expand(PCollectionRowTuple input) {
    PCollection<KV<String, KV<String, Long>>> orders =
        input
            .get(Recommendations.ORDERS.tag())
            .apply("NotCancelled", Filter.by((Row o) -> !CANCELLED.equals(o.getString("status"))))
            .apply(
                "OrderById",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(),
                            TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs())))
                    .via(
                        (Row o) ->
                            KV.of(
                                o.getString("order_id"),
                                KV.of(
                                    o.getString("customer_id"),
                                    DataTypes.epochMicros(o.getValue("order_ts"))))));
    PCollection<KV<String, String>> lines =
        input
            .get(Recommendations.ORDER_LINES.tag())
            .apply(
                "ProductByOrder",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                    .via((Row l) -> KV.of(l.getString("order_id"), l.getString("product_id"))));
    return KeyedPCollectionTuple.of(ORDER, orders)
        .and(PRODUCT, lines)
        .apply("JoinLines", CoGroupByKey.create())
        .apply("Basket", ParDo.of(new ToBasket()))
        .setCoder(SerializableCoder.of(CoPurchaseBasket.class));
  }

  /** A line without its order (cancelled or quarantined) and an order without lines drop out. */
  private static final class ToBasket extends DoFn<KV<String, CoGbkResult>, CoPurchaseBasket> {
    @ProcessElement
    public void process(
        @Element KV<String, CoGbkResult> joined, OutputReceiver<CoPurchaseBasket> out) {
      KV<String, Long> order = joined.getValue().getOnly(ORDER, null);
      if (order == null) {
        return;
      }
      TreeSet<String> products = new TreeSet<>();
      joined.getValue().getAll(PRODUCT).forEach(products::add);
      if (!products.isEmpty()) {
        out.output(
            new CoPurchaseBasket(
                order.getKey(), joined.getKey(), order.getValue(), products.stream().toList()));
      }
    }
  }
}
