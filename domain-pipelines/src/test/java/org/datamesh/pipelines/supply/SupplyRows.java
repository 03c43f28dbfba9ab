package org.datamesh.pipelines.supply;

import java.time.LocalDate;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;

/** Rows of the published supply products (1.0.0), as the mesh design declares them. */
final class SupplyRows {

  static final Schema INVENTORY =
      Schema.builder()
          .addField("snapshot_date", DataTypes.date())
          .addStringField("warehouse_id")
          .addStringField("region")
          .addStringField("product_id")
          .addInt32Field("on_hand")
          .addInt32Field("reorder_point")
          .build();

  static final Schema SHIPMENTS =
      Schema.builder()
          .addStringField("shipment_id")
          .addStringField("product_id")
          .addStringField("warehouse_id")
          .addStringField("lane")
          .addInt32Field("quantity")
          .addField("shipped_date", DataTypes.date())
          .addField("expected_date", DataTypes.date())
          .addNullableField("delivered_date", DataTypes.date())
          .build();

  static final Schema WEATHER =
      Schema.builder()
          .addField("day", DataTypes.date())
          .addStringField("region")
          .addStringField("kind")
          .addNullableField("temperature_c", Schema.FieldType.DOUBLE)
          .addNullableField("precipitation_mm", Schema.FieldType.DOUBLE)
          .addBooleanField("severe")
          .build();

  static final LocalDate SNAPSHOT = LocalDate.of(2026, 6, 28);

  private SupplyRows() {}

  static Row stock(String warehouse, String region, String product, int onHand, int reorder) {
    return Row.withSchema(INVENTORY)
        .addValues(SNAPSHOT, warehouse, region, product, onHand, reorder)
        .build();
  }

  /** A shipment; {@code delivered} null while in transit. Dates as ISO text. */
  static Row shipment(
      String id,
      String product,
      String warehouse,
      String lane,
      int quantity,
      String expected,
      String delivered) {
    LocalDate expectedDate = LocalDate.parse(expected);
    return Row.withSchema(SHIPMENTS)
        .addValues(
            id,
            product,
            warehouse,
            lane,
            quantity,
            expectedDate.minusDays(10),
            expectedDate,
            delivered == null ? null : LocalDate.parse(delivered))
        .build();
  }

  static Row weather(String day, String region, String kind, boolean severe) {
    return Row.withSchema(WEATHER)
        .addValues(LocalDate.parse(day), region, kind, 18.5, severe ? 40.0 : 0.0, severe)
        .build();
  }
}
