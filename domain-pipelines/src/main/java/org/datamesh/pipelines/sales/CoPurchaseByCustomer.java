package org.datamesh.pipelines.sales;

import java.util.TreeSet;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * One basket per customer holding every distinct product of their baskets, for the similarity in
 * {@link CoPurchaseScope#CUSTOMER} scope. Its order id is the customer id and its time the
 * customer's latest order.
 *
 * <pre>{@code
 * PCollection<CoPurchaseBasket> perCustomer = baskets.apply(CoPurchaseByCustomer.create());
 * }</pre>
 */
final class CoPurchaseByCustomer
    extends PTransform<PCollection<CoPurchaseBasket>, PCollection<CoPurchaseBasket>> {

  private CoPurchaseByCustomer() {}

  static CoPurchaseByCustomer create() {
    return new CoPurchaseByCustomer();
  }

  @Override
  public PCollection<CoPurchaseBasket> expand(PCollection<CoPurchaseBasket> baskets) {
    return baskets
        .apply(
            "ByCustomer",
            WithKeys.of(CoPurchaseBasket::customerId).withKeyType(TypeDescriptors.strings()))
        .apply("Group", GroupByKey.create())
        .apply("Merge", ParDo.of(new Merge()))
        .setCoder(SerializableCoder.of(CoPurchaseBasket.class));
  }

  private static final class Merge
      extends DoFn<KV<String, Iterable<CoPurchaseBasket>>, CoPurchaseBasket> {
    @ProcessElement
    public void process(
        @Element KV<String, Iterable<CoPurchaseBasket>> customer,
        OutputReceiver<CoPurchaseBasket> out) {
      TreeSet<String> products = new TreeSet<>();
      long latest = Long.MIN_VALUE;
      for (CoPurchaseBasket basket : customer.getValue()) {
        products.addAll(basket.products());
        latest = Math.max(latest, basket.orderMicros());
      }
      out.output(
          new CoPurchaseBasket(
              customer.getKey(), customer.getKey(), latest, products.stream().toList()));
    }
  }
}
