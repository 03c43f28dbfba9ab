package org.datamesh.examples.bench;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The baselines' Avro schemas, written by hand: the published orders exactly as the library
 * publishes them (every field optional; timestamps as UTC milliseconds; the amount as {@code
 * DECIMAL(18,4)}), and a plain failure record for the baselines' quarantine file.
 *
 * <pre>{@code
 * GenericRecord row = OrderAvro.toRecord(order, OrderAvro.ORDERS);
 * }</pre>
 */
final class OrderAvro {

  static final Schema ORDERS = orders();
  static final Schema FAILURES = failures();

  private OrderAvro() {}

  private static Schema orders() {
    Schema timestamp = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    Schema amount = LogicalTypes.decimal(18, 4).addToSchema(Schema.create(Schema.Type.BYTES));
    return SchemaBuilder.record("orders")
        .namespace("org.datamesh.product")
        .fields()
        .name("order_id").type(optional(Schema.create(Schema.Type.STRING))).withDefault(null)
        .name("customer_id").type(optional(Schema.create(Schema.Type.STRING))).withDefault(null)
        .name("order_ts").type(optional(timestamp)).withDefault(null)
        .name("updated_at").type(optional(timestamp)).withDefault(null)
        .name("amount").type(optional(amount)).withDefault(null)
        .name("currency").type(optional(Schema.create(Schema.Type.STRING))).withDefault(null)
        .name("status").type(optional(Schema.create(Schema.Type.STRING))).withDefault(null)
        .name("quantity").type(optional(Schema.create(Schema.Type.INT))).withDefault(null)
        .endRecord();
  }

  private static Schema failures() {
    Schema text = optional(Schema.create(Schema.Type.STRING));
    return SchemaBuilder.record("quarantined")
        .namespace("org.datamesh.bench")
        .fields()
        .name("stage").type(text).withDefault(null)
        .name("rules").type(text).withDefault(null)
        .name("source").type(text).withDefault(null)
        .name("record_number").type().longType().noDefault()
        .name("raw_payload").type(text).withDefault(null)
        .name("failed_at").type(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
        .endRecord();
  }

  private static Schema optional(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }

  static GenericRecord toRecord(CleanOrder order, Schema schema) {
    GenericData.Record record = new GenericData.Record(schema);
    record.put(0, order.orderId());
    record.put(1, order.customerId());
    record.put(2, order.orderTs());
    record.put(3, order.updatedAt());
    record.put(4, ByteBuffer.wrap(order.amount().unscaledValue().toByteArray()));
    record.put(5, order.currency());
    record.put(6, order.status());
    record.put(7, order.quantity());
    return record;
  }

  static GenericRecord failure(
      Schema schema, String stage, List<String> rules, String source, long recordNumber, String raw) {
    GenericData.Record record = new GenericData.Record(schema);
    record.put(0, stage);
    record.put(1, String.join(",", rules));
    record.put(2, source);
    record.put(3, recordNumber);
    record.put(4, raw);
    record.put(5, System.currentTimeMillis());
    return record;
  }
}
