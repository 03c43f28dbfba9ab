package org.datamesh.pipelines.crm;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Customer 360's logic: customers, orders and interactions in, one row per customer out.
 *
 * <pre>{@code
 * PCollectionRowTuple out = inputs.apply(BuildCustomer360.to(schema));
 * }</pre>
 *
 * <ol>
 *   <li>Orders that count (status not {@code CANCELLED}) are combined per customer into an {@link
 *       OrderHistory}, interactions into an {@link InteractionHistory}.
 *   <li>Profiles and both histories are joined on {@code customer_id} ({@code CoGroupByKey});
 *       keys without a profile are left out, a profile without history gets zero counts.
 * </ol>
 */
final class BuildCustomer360 extends PTransform<PCollectionRowTuple, PCollectionRowTuple> {

  static final TupleTag<Row> PROFILES = new TupleTag<>() {};
  static final TupleTag<OrderHistory> ORDERS = new TupleTag<>() {};
  static final TupleTag<InteractionHistory> INTERACTIONS = new TupleTag<>() {};

  private final Schema schema;

  private BuildCustomer360(Schema schema) {
    this.schema = schema;
  }

  /** Builds rows of {@code schema}, the contract's published schema of {@code customer_360}. */
  static BuildCustomer360 to(Schema schema) {
    return new BuildCustomer360(schema);
  }

  @Override
  public PCollectionRowTuple expand(PCollectionRowTuple inputs) {
    PCollection<Row> customers = inputs.get(Customer360.CUSTOMERS.tag());
    PCollection<Row> orders = inputs.get(Customer360.ORDERS.tag());
    PCollection<Row> interactions = inputs.get(Customer360.INTERACTIONS.tag());

    PCollection<KV<String, Row>> profiles =
        customers.apply("ProfileByCustomer", byCustomer()).setCoder(
            KvCoder.of(StringUtf8Coder.of(), customers.getCoder()));
    PCollection<KV<String, OrderHistory>> orderHistories =
        orders
            .apply("OrdersThatCount", Filter.by(OrderHistory::counts))
            .apply("OrderByCustomer", byCustomer())
            .setCoder(KvCoder.of(StringUtf8Coder.of(), orders.getCoder()))
            .apply("OrderHistory", Combine.perKey(OrderHistory.combine()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), OrderHistory.CODER));
    PCollection<KV<String, InteractionHistory>> interactionHistories =
        interactions
            .apply("InteractionByCustomer", byCustomer())
            .setCoder(KvCoder.of(StringUtf8Coder.of(), interactions.getCoder()))
            .apply("InteractionHistory", Combine.perKey(InteractionHistory.combine()))
            .setCoder(
                KvCoder.of(StringUtf8Coder.of(), InteractionHistory.CODER));

    PCollection<Row> rows =
        KeyedPCollectionTuple.of(PROFILES, profiles)
            .and(ORDERS, orderHistories)
            .and(INTERACTIONS, interactionHistories)
            .apply("JoinOnCustomer", CoGroupByKey.create())
            .apply("Customer360Row", ParDo.of(new Customer360RowFn(schema)))
            .setRowSchema(schema);
    return PCollectionRowTuple.of(Customer360.TABLE, rows);
  }

  private static WithKeys<String, Row> byCustomer() {
    return WithKeys.of((Row row) -> row.getString("customer_id"))
        .withKeyType(TypeDescriptors.strings());
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("table", Customer360.TABLE).withLabel("Table"));
  }
}
