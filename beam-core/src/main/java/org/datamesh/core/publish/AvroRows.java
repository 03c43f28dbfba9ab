package org.datamesh.core.publish;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.LogicalTypes;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

/**
 * Beam rows as Avro records, in the shape Parquet readers expect: decimals keep their declared
 * precision and scale, timestamps are UTC microseconds ({@code timestamp-micros}; Beam's own
 * DATETIME, which holds milliseconds, as {@code timestamp-millis}), dates are days, times of day
 * are microseconds ({@code time-micros}); nested rows are records (Parquet groups) and arrays are
 * arrays (Parquet LISTs), their items a union with null when they may be missing.
 *
 * <p>Beam's own {@code AvroUtils} writes every decimal with precision {@code Integer.MAX_VALUE},
 * which Parquet consumers such as DuckDB reject; hence this converter.
 */
public final class AvroRows {

  private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private AvroRows() {}

  /** The Avro schema of records holding rows of {@code schema}; fails on what Parquet cannot hold. */
  public static org.apache.avro.Schema schemaOf(Schema schema, String recordName) {
    SchemaBuilder.FieldAssembler<org.apache.avro.Schema> fields =
        SchemaBuilder.record(checkName(recordName)).namespace("org.datamesh.product").fields();
    for (Field field : schema.getFields()) {
      org.apache.avro.Schema type = typeOf(field.getType(), recordName + "_" + field.getName());
      if (field.getType().getNullable()) {
        fields =
            fields
                .name(checkName(field.getName()))
                .type(org.apache.avro.Schema.createUnion(
                    org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL), type))
                .withDefault(null);
      } else {
        fields = fields.name(checkName(field.getName())).type(type).noDefault();
      }
    }
    return fields.endRecord();
  }

  private static org.apache.avro.Schema typeOf(FieldType type, String name) {
    switch (type.getTypeName()) {
      case STRING:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING);
      case BOOLEAN:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BOOLEAN);
      case BYTE:
      case INT16:
      case INT32:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT);
      case INT64:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG);
      case FLOAT:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.FLOAT);
      case DOUBLE:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.DOUBLE);
      case DATETIME:
        return LogicalTypes.timestampMillis()
            .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG));
      case ROW:
        return schemaOf(type.getRowSchema(), name);
      case ARRAY:
      case ITERABLE:
        FieldType itemType = type.getCollectionElementType();
        org.apache.avro.Schema item = typeOf(itemType, name + "_item");
        return org.apache.avro.Schema.createArray(
            itemType.getNullable()
                ? org.apache.avro.Schema.createUnion(
                    org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL), item)
                : item);
      case LOGICAL_TYPE:
        if (DataTypes.isFixedDecimal(type)) {
          return LogicalTypes.decimal(DataTypes.precision(type), DataTypes.scale(type))
              .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BYTES));
        }
        if (DataTypes.isDate(type)) {
          return LogicalTypes.date()
              .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT));
        }
        if (DataTypes.isTime(type)) {
          return LogicalTypes.timeMicros()
              .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG));
        }
        if (DataTypes.isMicrosTimestamp(type)) {
          return LogicalTypes.timestampMicros()
              .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG));
        }
        break;
      case DECIMAL:
        throw new IllegalArgumentException(
            "field " + name + " is a DECIMAL without precision and scale; publish it as"
                + " DataTypes.decimal(precision, scale) so consumers know its exact type");
      default:
        break;
    }
    throw new IllegalArgumentException("field " + name + " has type " + type
        + ", which cannot be published as Parquet");
  }

  /** The Avro record for {@code row}; {@code avroSchema} must come from {@link #schemaOf}. */
  public static GenericRecord toRecord(Row row, org.apache.avro.Schema avroSchema) {
    GenericData.Record record = new GenericData.Record(avroSchema);
    Schema schema = row.getSchema();
    // The record's fields are the row's first ones: a trailing field the record lacks (the
    // source position) is left out without copying the row.
    int fields = avroSchema.getFields().size();
    for (int i = 0; i < fields; i++) {
      org.apache.avro.Schema fieldSchema = nonNull(avroSchema.getFields().get(i).schema());
      record.put(i, toValue(schema.getField(i).getType(), row.getValue(i), fieldSchema));
    }
    return record;
  }

  private static @Nullable Object toValue(
      FieldType type, @Nullable Object value, org.apache.avro.Schema avroType) {
    if (value == null) {
      return null;
    }
    switch (type.getTypeName()) {
      case DATETIME:
        return ((org.joda.time.ReadableInstant) value).getMillis();
      case BYTE:
        return ((Byte) value).intValue();
      case INT16:
        return ((Short) value).intValue();
      case ROW:
        return toRecord((Row) value, avroType);
      case ARRAY:
      case ITERABLE:
        List<Object> items = new ArrayList<>();
        org.apache.avro.Schema itemType = nonNull(avroType.getElementType());
        for (Object item : (Iterable<?>) value) {
          items.add(toValue(type.getCollectionElementType(), item, itemType));
        }
        return items;
      case LOGICAL_TYPE:
        if (DataTypes.isDate(type)) {
          return (int) ((LocalDate) value).toEpochDay();
        }
        if (DataTypes.isTime(type)) {
          return ((LocalTime) value).toNanoOfDay() / 1_000;
        }
        if (DataTypes.isMicrosTimestamp(type)) {
          return DataTypes.epochMicros(value);
        }
        java.math.BigDecimal decimal =
            ((java.math.BigDecimal) value).setScale(DataTypes.scale(type));
        return ByteBuffer.wrap(decimal.unscaledValue().toByteArray());
      default:
        return value;
    }
  }

  /**
   * The row of {@code schema} that {@code record} (as read back from a file {@link #toRecord}
   * wrote, possibly through a projection to fewer columns) holds.
   */
  public static Row toRow(GenericRecord record, Schema schema) {
    Row.Builder row = Row.withSchema(schema);
    org.apache.avro.Schema written = record.getSchema();
    for (Field field : schema.getFields()) {
      org.apache.avro.Schema.Field avroField = written.getField(field.getName());
      row.addValue(
          fromValue(
              field.getType(),
              record.get(field.getName()),
              avroField == null ? null : nonNull(avroField.schema())));
    }
    return row.build();
  }

  private static @Nullable Object fromValue(
      FieldType type, @Nullable Object value, org.apache.avro.@Nullable Schema written) {
    if (value == null) {
      return null;
    }
    switch (type.getTypeName()) {
      case STRING:
        return value.toString();
      case DATETIME:
        return new org.joda.time.Instant(Math.floorDiv((Long) value, perMilli(written)));
      case BYTE:
        return ((Integer) value).byteValue();
      case INT16:
        return ((Integer) value).shortValue();
      case ROW:
        return toRow((GenericRecord) value, type.getRowSchema());
      case ARRAY:
      case ITERABLE:
        List<Object> items = new ArrayList<>();
        org.apache.avro.Schema writtenItem =
            written == null || written.getType() != org.apache.avro.Schema.Type.ARRAY
                ? null
                : nonNull(written.getElementType());
        for (Object item : (Iterable<?>) value) {
          items.add(fromValue(type.getCollectionElementType(), item, writtenItem));
        }
        return items;
      case LOGICAL_TYPE:
        if (DataTypes.isDate(type)) {
          return LocalDate.ofEpochDay((Integer) value);
        }
        if (DataTypes.isTime(type)) {
          return LocalTime.ofNanoOfDay((Long) value * 1_000);
        }
        if (DataTypes.isMicrosTimestamp(type)) {
          return DataTypes.ofEpochMicros((Long) value * (perMilli(written) == 1 ? 1_000 : 1));
        }
        ByteBuffer bytes = ((ByteBuffer) value).duplicate();
        byte[] unscaled = new byte[bytes.remaining()];
        bytes.get(unscaled);
        return new java.math.BigDecimal(new java.math.BigInteger(unscaled), DataTypes.scale(type));
      default:
        return value;
    }
  }

  /**
   * How many of the written file's timestamp units make a millisecond: 1 for {@code
   * timestamp-millis} (products published before timestamps kept microseconds, or from Beam's
   * DATETIME), 1000 for {@code timestamp-micros}.
   */
  private static long perMilli(org.apache.avro.@Nullable Schema written) {
    return written != null && written.getLogicalType() instanceof LogicalTypes.TimestampMillis
        ? 1
        : 1_000;
  }

  private static org.apache.avro.Schema nonNull(org.apache.avro.Schema schema) {
    if (schema.getType() == org.apache.avro.Schema.Type.UNION) {
      for (org.apache.avro.Schema branch : schema.getTypes()) {
        if (branch.getType() != org.apache.avro.Schema.Type.NULL) {
          return branch;
        }
      }
    }
    return schema;
  }

  private static String checkName(String name) {
    if (!AVRO_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'" + name + "' cannot name a Parquet column: use letters, digits and '_'");
    }
    return name;
  }
}
