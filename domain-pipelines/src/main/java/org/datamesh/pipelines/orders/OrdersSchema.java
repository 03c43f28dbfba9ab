package org.datamesh.pipelines.orders;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * The orders records as exported (every column text or a loose number, all nullable so missing
 * values are reported by rules, not by the parser) and as published.
 */
public final class OrdersSchema {

  /** Columns of the CSV export, matched by name. */
  public static final Schema RAW =
      Schema.builder()
          .addNullableField("order_id", FieldType.STRING)
          .addNullableField("customer_id", FieldType.STRING)
          .addNullableField("order_ts", FieldType.STRING)
          .addNullableField("updated_at", FieldType.STRING)
          .addNullableField("amount", FieldType.DECIMAL)
          .addNullableField("currency", FieldType.STRING)
          .addNullableField("status", FieldType.STRING)
          .addNullableField("quantity", FieldType.INT32)
          .build();

  private OrdersSchema() {}
}
