package org.datamesh.pipelines.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;

/**
 * Orders and order lines with the published schemas of {@code sales/orders} 2.0.0 (the mesh
 * design), built one order at a time for the recommendation tests.
 *
 * <pre>{@code
 * RecommendationsInputs in = new RecommendationsInputs();
 * in.order("ORD-000001", "CUST-000001", 1, "PAID", "PRD-0001", "PRD-0002");
 * PCollectionRowTuple tuple = in.into(pipeline);
 * }</pre>
 */
final class RecommendationsInputs {

  static final Schema ORDERS =
      Schema.builder()
          .addStringField("order_id")
          .addStringField("customer_id")
          .addField("order_ts", DataTypes.timestamp())
          .addNullableField("updated_at", DataTypes.timestamp())
          .addStringField("status")
          .addStringField("channel")
          .addStringField("currency")
          .addField("amount", DataTypes.decimal(18, 4))
          .build();

  static final Schema ORDER_LINES =
      Schema.builder()
          .addStringField("order_id")
          .addField("line_no", FieldType.INT32)
          .addStringField("product_id")
          .addField("quantity", FieldType.INT32)
          .addField("unit_price", DataTypes.decimal(18, 4))
          .build();

  /** Day 0 of the history, 2026-01-05, in UTC. */
  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  private final List<Row> orders = new ArrayList<>();
  private final List<Row> lines = new ArrayList<>();

  /** One order on day {@code day} at noon, one line per product given (repeats allowed). */
  RecommendationsInputs order(
      String orderId, String customerId, int day, String status, String... products) {
    Instant at = START.plus(java.time.Duration.ofDays(day)).plusMillis(43_200_000L);
    orders.add(
        Row.withSchema(ORDERS)
            .addValues(orderId, customerId, at, at, status, "web", "EUR",
                new BigDecimal("10.0000"))
            .build());
    for (int i = 0; i < products.length; i++) {
      lines.add(
          Row.withSchema(ORDER_LINES)
              .addValues(orderId, i + 1, products[i], 1, new BigDecimal("5.0000"))
              .build());
    }
    return this;
  }

  /** A line whose order is not among the orders (an orphan the source would quarantine). */
  RecommendationsInputs orphanLine(String orderId, String product) {
    lines.add(
        Row.withSchema(ORDER_LINES)
            .addValues(orderId, 1, product, 1, new BigDecimal("5.0000"))
            .build());
    return this;
  }

  int orderCount() {
    return orders.size();
  }

  PCollectionRowTuple into(Pipeline pipeline) {
    return into(pipeline, "");
  }

  /** Like {@link #into(Pipeline)}, the steps' names prefixed to read the same input twice. */
  PCollectionRowTuple into(Pipeline pipeline, String prefix) {
    return PCollectionRowTuple.of(
            Recommendations.ORDERS.tag(),
            pipeline.apply(prefix + "Orders", Create.of(orders).withRowSchema(ORDERS)))
        .and(
            Recommendations.ORDER_LINES.tag(),
            pipeline.apply(prefix + "OrderLines", Create.of(lines).withRowSchema(ORDER_LINES)));
  }
}
