package org.datamesh.pipelines.crm;

import java.math.BigDecimal;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.datamesh.core.DataTypes;

/**
 * Customer segments' logic: orders in, one scored row per customer out.
 *
 * <pre>{@code
 * PCollectionRowTuple out = inputs.apply(BuildCustomerSegments.to(schema));
 * }</pre>
 *
 * <ol>
 *   <li>The reference day, the day after the UTC date of the latest {@code order_ts} of all
 *       orders, is a global {@code Max}, read as a side input.
 *   <li>Orders that count (status not {@code CANCELLED}) are combined per customer ({@link
 *       OrderHistory}) into recency, frequency and monetary value.
 *   <li>Each metric's quintile cut points over all customers are a global combine ({@link
 *       QuintileCuts}), read as side inputs to score each customer and name its segment ({@link
 *       RfmSegment}).
 * </ol>
 */
final class BuildCustomerSegments extends PTransform<PCollectionRowTuple, PCollectionRowTuple> {

  private final Schema schema;

  private BuildCustomerSegments(Schema schema) {
    this.schema = schema;
  }

  /** Builds rows of {@code schema}, the contract's published schema of {@code segments}. */
  static BuildCustomerSegments to(Schema schema) {
    return new BuildCustomerSegments(schema);
  }

  @Override
  public PCollectionRowTuple expand(PCollectionRowTuple inputs) {
    PCollection<Row> orders = inputs.get(CustomerSegments.ORDERS.tag());

    PCollectionView<Long> latestOrder =
        orders
            .apply(
                "OrderTimes",
                MapElements.into(TypeDescriptors.longs())
                    .via((Row order) -> DataTypes.instant(order.getValue("order_ts")).toEpochMilli()))
            .apply("LatestOrder", Combine.globally(Max.ofLongs()).asSingletonView());

    Schema metricsSchema = RfmMetricsFn.schema(schema);
    PCollection<Row> metrics =
        orders
            .apply("OrdersThatCount", Filter.by(OrderHistory::counts))
            .apply(
                "OrderByCustomer",
                WithKeys.of((Row order) -> order.getString("customer_id"))
                    .withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), orders.getCoder()))
            .apply("OrderHistory", Combine.perKey(OrderHistory.combine()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), OrderHistory.CODER))
            .apply(
                "Metrics",
                ParDo.of(new RfmMetricsFn(metricsSchema, latestOrder)).withSideInputs(latestOrder))
            .setRowSchema(metricsSchema);

    // Lower recency is better: its cut points are taken over -recency_days, so 5 is most recent.
    PCollectionView<List<BigDecimal>> recencyCuts =
        cuts(metrics, "Recency", row -> BigDecimal.valueOf(-(long) row.getInt32("recency_days")));
    PCollectionView<List<BigDecimal>> frequencyCuts =
        cuts(metrics, "Frequency", row -> BigDecimal.valueOf(row.getInt64("frequency")));
    PCollectionView<List<BigDecimal>> monetaryCuts =
        cuts(metrics, "Monetary", row -> row.getDecimal("monetary"));

    PCollection<Row> segments =
        metrics
            .apply(
                "Score",
                ParDo.of(new RfmScoreFn(schema, recencyCuts, frequencyCuts, monetaryCuts))
                    .withSideInputs(recencyCuts, frequencyCuts, monetaryCuts))
            .setRowSchema(schema);
    return PCollectionRowTuple.of(CustomerSegments.TABLE, segments);
  }

  private static PCollectionView<List<BigDecimal>> cuts(
      PCollection<Row> metrics, String name, SerializableFunction<Row, BigDecimal> metric) {
    return metrics
        .apply(name + "Values", MapElements.into(TypeDescriptor.of(BigDecimal.class)).via(metric))
        .apply(name + "Cuts", Combine.globally(QuintileCuts.create()).asSingletonView());
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("table", CustomerSegments.TABLE).withLabel("Table"));
  }
}
