package org.datamesh.core.contract;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.JsonText;
import org.datamesh.core.TemporalFormat;

/**
 * The types records are read into before the record path: the published types, with every
 * value inside an object or array nullable, and with each date, time and timestamp field carrying
 * its {@link TemporalFormat} as field options for the parsers.
 *
 * <pre>{@code
 * // customer: {zip: string, required}  published ROW(zip STRING NOT NULL)
 * RawTypes.field(customer);   // customer ROW(zip STRING), nullable
 * }</pre>
 *
 * <p>Why nullable: a missing required value inside a nested value is then reported by
 * validation's {@code customer.zip.not_null} rule, with the record's other problems, as for a
 * top-level column; {@code ConformToSchema} gives the rows the published types at the end.
 */
final class RawTypes {

  private RawTypes() {}

  /** The nullable raw field of a top-level column whose type is its published type. */
  static Schema.Field field(ContractField column) {
    return withFormat(Schema.Field.nullable(column.name(), type(column)), column);
  }

  /** The option marking a field whose value is read as JSON text ({@link JsonText}). */
  private static Schema.Field withJsonText(Schema.Field raw, ContractField field) {
    if (!field.jsonText()) {
      return raw;
    }
    return raw.withOptions(
        Schema.Options.builder()
            .setOption(
                JsonText.OPTION,
                FieldType.STRING,
                field.logicalType() == LogicalType.OBJECT ? JsonText.OBJECT : JsonText.ARRAY));
  }

  /** The raw type of {@code field}: nested values nullable, formats as options. */
  static FieldType type(ContractField field) {
    if (field.jsonText()) {
      return FieldType.STRING;
    }
    switch (field.logicalType()) {
      case OBJECT:
        Schema.Builder row = Schema.builder();
        for (ContractField property : field.properties()) {
          row.addField(withFormat(Schema.Field.nullable(property.name(), type(property)), property));
        }
        return FieldType.row(row.build());
      case ARRAY:
        return FieldType.array(type(field.items()).withNullable(true));
      default:
        return field.beamType();
    }
  }

  /** An array's format is its innermost items' (an array field's options apply to them). */
  private static Schema.Field withFormat(Schema.Field raw, ContractField field) {
    raw = withJsonText(raw, field);
    ContractField leaf = field;
    while (leaf.items() != null) {
      leaf = leaf.items();
    }
    LogicalType type = leaf.logicalType();
    if (type != LogicalType.DATE && type != LogicalType.TIME && type != LogicalType.TIMESTAMP) {
      return raw;
    }
    return raw.withOptions(leaf.temporalFormat().asOptions());
  }
}
