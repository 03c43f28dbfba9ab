package org.datamesh.core.publish;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.datamesh.core.DataTypes;

/**
 * The Parquet schema of published rows, column for column what parquet-avro wrote for the same
 * rows before {@link RowWriteSupport} replaced it, so readers see no change: text as {@code
 * STRING}, 8/16/32-bit integers as plain {@code INT32}, decimals as {@code BINARY DECIMAL(p,s)},
 * timestamps as {@code INT64 TIMESTAMP} adjusted to UTC (microseconds, or milliseconds for Beam's
 * DATETIME), dates as {@code INT32 DATE}, times of day as {@code INT64 TIME(MICROS)}; nested rows
 * as groups and arrays as standard three-level {@code LIST}s ({@code list}/{@code element}).
 * Non-nullable fields are {@code REQUIRED}.
 *
 * <pre>{@code
 * MessageType parquet = RowParquetSchema.of(schema, "orders");
 * }</pre>
 */
final class RowParquetSchema {

  private RowParquetSchema() {}

  /**
   * The message type of rows of {@code schema}; fails on a type Parquet cannot hold. Column names
   * and decimals without a scale are refused by {@link AvroRows#schemaOf}, which {@link
   * RowWriteSupport} calls first.
   */
  static MessageType of(Schema schema, String name) {
    return new MessageType(name, fields(schema));
  }

  private static Type[] fields(Schema schema) {
    Type[] types = new Type[schema.getFieldCount()];
    for (int i = 0; i < types.length; i++) {
      Field field = schema.getField(i);
      types[i] = type(field.getName(), field.getType());
    }
    return types;
  }

  private static Type type(String name, FieldType type) {
    Repetition repetition = type.getNullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
    switch (type.getTypeName()) {
      case STRING:
        return Types.primitive(PrimitiveTypeName.BINARY, repetition)
            .as(LogicalTypeAnnotation.stringType())
            .named(name);
      case BOOLEAN:
        return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
      case BYTE:
      case INT16:
      case INT32:
        return Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
      case INT64:
        return Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
      case FLOAT:
        return Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
      case DOUBLE:
        return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
      case DATETIME:
        return Types.primitive(PrimitiveTypeName.INT64, repetition)
            .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS))
            .named(name);
      case ROW:
        return new GroupType(repetition, name, fields(type.getRowSchema()));
      case ARRAY:
      case ITERABLE:
        Type element = type("element", type.getCollectionElementType());
        return Types.buildGroup(repetition)
            .as(LogicalTypeAnnotation.listType())
            .addField(new GroupType(Repetition.REPEATED, "list", element))
            .named(name);
      case LOGICAL_TYPE:
        return logical(name, type, repetition);
      default:
        throw new IllegalArgumentException(
            "field " + name + " has type " + type + ", which cannot be published as Parquet");
    }
  }

  private static Type logical(String name, FieldType type, Repetition repetition) {
    if (DataTypes.isFixedDecimal(type)) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition)
          .as(LogicalTypeAnnotation.decimalType(DataTypes.scale(type), DataTypes.precision(type)))
          .named(name);
    }
    if (DataTypes.isDate(type)) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.dateType())
          .named(name);
    }
    if (DataTypes.isTime(type)) {
      return Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timeType(true, TimeUnit.MICROS))
          .named(name);
    }
    if (DataTypes.isMicrosTimestamp(type)) {
      return Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS))
          .named(name);
    }
    throw new IllegalArgumentException(
        "field " + name + " has type " + type + ", which cannot be published as Parquet");
  }
}
