package org.datamesh.pipelines.sales;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The logic of {@link Recommendations}: orders and lines in, its contract's three tables out.
 *
 * <pre>{@code
 * PCollectionRowTuple tables = inputs.apply(Recommendations.create().transform());
 * tables.get("recommendations");   // customer_id, rank, product_id, score
 * tables.get("backtest");          // customer_id, held_out_product_id, model_top10, popular_top10
 * tables.get("accuracy");          // one row: model_hit_rate, popular_hit_rate, customers
 * }</pre>
 *
 * <p>The model is fitted twice: on every basket for the published recommendations, and on the
 * baskets left after holding out each customer's last order for the backtest.
 */
final class RecommendationsTransform extends PTransform<PCollectionRowTuple, PCollectionRowTuple> {

  static final String RECOMMENDATIONS = "recommendations";
  static final String BACKTEST = "backtest";
  static final String ACCURACY = "accuracy";

  private static final TupleTag<String> HELD_OUT = new TupleTag<>() {};
  private static final TupleTag<RankedProducts> RANKED = new TupleTag<>() {};

  private final RecommendationsConfig config;

  private RecommendationsTransform(RecommendationsConfig config) {
    this.config = config;
  }

  static RecommendationsTransform of(RecommendationsConfig config) {
    return new RecommendationsTransform(config);
  }

  static Schema schema(String table) {
    return Recommendations.CONTRACT.table(table).publishedSchema();
  }

  @Override
  public PCollectionRowTuple expand(PCollectionRowTuple input) {
    PCollection<CoPurchaseBasket> baskets = input.apply("Baskets", CoPurchaseBaskets.create());

    Schema recommendationSchema = schema(RECOMMENDATIONS);
    PCollection<Row> recommendations =
        baskets
            .apply("FitOnAllOrders", RecommendationsRanking.of(config))
            .apply("RecommendationRows", ParDo.of(new RecommendationRows(recommendationSchema)))
            .setRowSchema(recommendationSchema);

    RecommendationsHoldOut.Split split =
        baskets.apply("HoldOutLastOrders", RecommendationsHoldOut.lastOrder());
    PCollection<KV<String, RankedProducts>> fitted =
        split
            .training()
            .apply("FitWithoutLastOrders", RecommendationsRanking.of(config))
            .apply(
                "ByCustomer",
                WithKeys.of(RankedProducts::customerId).withKeyType(TypeDescriptors.strings()))
            .setCoder(
                KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(RankedProducts.class)));
    Schema backtestSchema = schema(BACKTEST);
    PCollection<Row> backtest =
        KeyedPCollectionTuple.of(HELD_OUT, split.heldOut())
            .and(RANKED, fitted)
            .apply("MeetHeldOut", CoGroupByKey.create())
            .apply("BacktestRows", ParDo.of(new BacktestRows(backtestSchema)))
            .setRowSchema(backtestSchema);

    return PCollectionRowTuple.of(RECOMMENDATIONS, recommendations)
        .and(BACKTEST, backtest)
        .and(ACCURACY, accuracy(backtest));
  }

  /** Tallies per customer first, then one global sum of small tallies. */
  private static PCollection<Row> accuracy(PCollection<Row> backtest) {
    Schema schema = schema(ACCURACY);
    SerializableFunction<Iterable<HitRate>, HitRate> sum = HitRate::sum;
    return backtest
        .apply(
            "Hits",
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(HitRate.class)))
                .via(
                    (Row r) -> {
                      String product = r.getString("held_out_product_id");
                      return KV.of(
                          r.getString("customer_id"),
                          HitRate.of(
                              r.<String>getArray("model_top10").contains(product),
                              r.<String>getArray("popular_top10").contains(product)));
                    }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(HitRate.class)))
        .apply("PerCustomer", Combine.perKey(sum))
        .apply("Tallies", Values.create())
        .apply(
            "OneCustomerEach",
            MapElements.into(TypeDescriptor.of(HitRate.class)).via(HitRate::asOneCustomer))
        .setCoder(SerializableCoder.of(HitRate.class))
        .apply("Overall", Combine.globally(sum))
        .apply(
            "AccuracyRow",
            MapElements.into(TypeDescriptors.rows())
                .via(
                    (HitRate h) ->
                        Row.withSchema(schema)
                            .addValues(h.modelRate(), h.popularRate(), h.customers())
                            .build()))
        .setRowSchema(schema);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("method", "item-to-item cosine of co-purchases"))
        .add(DisplayData.item("scope", config.scope().name()).withLabel("Bought together in"))
        .add(DisplayData.item("baseline", "most distinct customers"))
        .add(DisplayData.item("top", config.top()).withLabel("Products per customer"))
        .add(DisplayData.item("neighbours", config.neighbours()).withLabel("Similar products kept"))
        .add(DisplayData.item("maxBasket", config.maxBasket()).withLabel("Largest basket counted"));
  }

  /** One row per (customer, rank). */
  private static final class RecommendationRows extends DoFn<RankedProducts, Row> {
    private final Schema schema;

    RecommendationRows(Schema schema) {
      this.schema = schema;
    }

    @ProcessElement
    public void process(@Element RankedProducts ranked, OutputReceiver<Row> out) {
      for (int i = 0; i < ranked.model().size(); i++) {
        out.output(
            Row.withSchema(schema)
                .addValues(ranked.customerId(), i + 1, ranked.model().get(i), ranked.scores().get(i))
                .build());
      }
    }
  }

  /** One row per held-out product, with the customer's lists fitted without the held-out orders. */
  private static final class BacktestRows extends DoFn<KV<String, CoGbkResult>, Row> {
    private final Schema schema;

    BacktestRows(Schema schema) {
      this.schema = schema;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> customer, OutputReceiver<Row> out) {
      RankedProducts ranked = customer.getValue().getOnly(RANKED, null);
      if (ranked == null) {
        return; // only customers with a training basket have a held-out order
      }
      for (String product : customer.getValue().getAll(HELD_OUT)) {
        out.output(
            Row.withSchema(schema)
                .addValues(customer.getKey(), product, ranked.model(), ranked.popular())
                .build());
      }
    }
  }
}
