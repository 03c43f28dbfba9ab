package org.datamesh.core.publish;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.datamesh.core.DataTypes;

/**
 * Writes Beam rows straight into Parquet, with no Avro record in between: each value goes to
 * parquet-java's record consumer in the shape {@link RowParquetSchema} declares. A row may carry
 * trailing fields the schema lacks (the source position); they are not written.
 *
 * <p>The footer also holds the Avro form of the schema under parquet-avro's key, so readers that
 * go through parquet-avro (this library's {@code ReadDataProduct} among them) read the same types
 * as from files parquet-avro wrote.
 */
final class RowWriteSupport extends WriteSupport<Row> {

  private static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";

  private final Schema schema;
  private final MessageType parquet;
  private final String avroSchema;
  private RecordConsumer consumer;
  /** Entries for the footer known only once the rows are written; set before the writer closes. */
  private final Map<String, String> atEnd = new HashMap<>();

  RowWriteSupport(Schema schema, String name) {
    this.schema = schema;
    // The Avro form first: it refuses column names and decimals Parquet readers cannot take.
    this.avroSchema = AvroRows.schemaOf(schema, name).toString();
    this.parquet = RowParquetSchema.of(schema, name);
  }

  @Override
  public WriteContext init(Configuration configuration) {
    Map<String, String> metadata = new HashMap<>();
    metadata.put(AVRO_SCHEMA_KEY, avroSchema);
    return new WriteContext(parquet, metadata);
  }

  /** Puts {@code key} into the footer with {@code value}: call it before the writer closes. */
  void putAtEnd(String key, String value) {
    atEnd.put(key, value);
  }

  @Override
  public FinalizedWriteContext finalizeWrite() {
    return new FinalizedWriteContext(new HashMap<>(atEnd));
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(Row row) {
    consumer.startMessage();
    writeFields(row, schema);
    consumer.endMessage();
  }

  private void writeFields(Row row, Schema fields) {
    int count = fields.getFieldCount();
    for (int i = 0; i < count; i++) {
      Object value = row.getValue(i);
      if (value == null) {
        if (!fields.getField(i).getType().getNullable()) {
          // Parquet's writer would not notice, and the file would be unreadable.
          throw new IllegalStateException(
              "the required column " + fields.getField(i).getName() + " has no value");
        }
        continue; // an OPTIONAL field left out is null
      }
      String name = fields.getField(i).getName();
      consumer.startField(name, i);
      writeValue(fields.getField(i).getType(), value);
      consumer.endField(name, i);
    }
  }

  private void writeValue(FieldType type, Object value) {
    switch (type.getTypeName()) {
      case STRING:
        consumer.addBinary(Binary.fromString((String) value));
        return;
      case BOOLEAN:
        consumer.addBoolean((Boolean) value);
        return;
      case BYTE:
      case INT16:
      case INT32:
        consumer.addInteger(((Number) value).intValue());
        return;
      case INT64:
        consumer.addLong((Long) value);
        return;
      case FLOAT:
        consumer.addFloat((Float) value);
        return;
      case DOUBLE:
        consumer.addDouble((Double) value);
        return;
      case DATETIME:
        consumer.addLong(((org.joda.time.ReadableInstant) value).getMillis());
        return;
      case ROW:
        consumer.startGroup();
        writeFields((Row) value, type.getRowSchema());
        consumer.endGroup();
        return;
      case ARRAY:
      case ITERABLE:
        writeList(type.getCollectionElementType(), (Iterable<?>) value);
        return;
      case LOGICAL_TYPE:
        writeLogical(type, value);
        return;
      default:
        throw new IllegalStateException("no Parquet form for " + type);
    }
  }

  /** Three levels: the LIST group, a repeated {@code list} group per item, its {@code element}. */
  private void writeList(FieldType elementType, Iterable<?> items) {
    consumer.startGroup();
    boolean any = false;
    for (Object item : items) {
      if (!any) {
        consumer.startField("list", 0);
        any = true;
      }
      consumer.startGroup();
      if (item == null && !elementType.getNullable()) {
        throw new IllegalStateException("a list whose items are required holds a null item");
      }
      if (item != null) {
        consumer.startField("element", 0);
        writeValue(elementType, item);
        consumer.endField("element", 0);
      }
      consumer.endGroup();
    }
    if (any) {
      consumer.endField("list", 0);
    }
    consumer.endGroup();
  }

  private void writeLogical(FieldType type, Object value) {
    if (DataTypes.isMicrosTimestamp(type)) {
      consumer.addLong(DataTypes.epochMicros(value));
    } else if (DataTypes.isDate(type)) {
      consumer.addInteger((int) ((LocalDate) value).toEpochDay());
    } else if (DataTypes.isTime(type)) {
      consumer.addLong(((LocalTime) value).toNanoOfDay() / 1_000);
    } else {
      BigDecimal decimal = ((BigDecimal) value).setScale(DataTypes.scale(type));
      consumer.addBinary(Binary.fromConstantByteArray(decimal.unscaledValue().toByteArray()));
    }
  }
}
