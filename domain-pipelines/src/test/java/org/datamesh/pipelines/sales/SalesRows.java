package org.datamesh.pipelines.sales;

import java.math.BigDecimal;
import java.time.Instant;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;

/** Rows of the published sales/orders tables (2.0.0), as the mesh design declares them. */
final class SalesRows {

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

  static final Schema LINES =
      Schema.builder()
          .addStringField("order_id")
          .addInt32Field("line_no")
          .addStringField("product_id")
          .addInt32Field("quantity")
          .addField("unit_price", DataTypes.decimal(18, 4))
          .build();

  private SalesRows() {}

  /** An order placed at {@code ts} (ISO-8601, UTC). */
  static Row order(String orderId, String ts, String status) {
    Instant at = Instant.parse(ts);
    return Row.withSchema(ORDERS)
        .addValues(orderId, "tok-customer", at, at, status, "web", "EUR", new BigDecimal("10.0000"))
        .build();
  }

  static Row line(String orderId, int lineNo, String productId, int quantity) {
    return Row.withSchema(LINES)
        .addValues(orderId, lineNo, productId, quantity, new BigDecimal("2.5000"))
        .build();
  }
}
