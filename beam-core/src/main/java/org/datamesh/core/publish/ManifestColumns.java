package org.datamesh.core.publish;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;

/**
 * A published schema described for the manifest, with types named as SQL consumers name them.
 *
 * <pre>{@code
 * STRING, INT64, DECIMAL(18,4), DATE, TIME, TIMESTAMP
 * ARRAY<INT64>                                   items may be null
 * ARRAY<STRUCT(sku STRING NOT NULL, qty INT32)>   a nested field's NOT NULL when required
 * }</pre>
 *
 * <p>Nested nullability is part of a nested type's name, so schema evolution sees a nested field
 * made required; {@code SchemaEvolution} reads these names back to compare nested fields.
 */
final class ManifestColumns {

  private ManifestColumns() {}

  static List<Manifest.Column> of(Schema schema) {
    List<Manifest.Column> columns = new ArrayList<>();
    for (Field field : schema.getFields()) {
      columns.add(
          new Manifest.Column(field.getName(), typeName(field.getType()), field.getType().getNullable()));
    }
    return List.copyOf(columns);
  }

  static String typeName(FieldType type) {
    if (DataTypes.isFixedDecimal(type)) {
      return "DECIMAL(" + DataTypes.precision(type) + "," + DataTypes.scale(type) + ")";
    }
    if (DataTypes.isDate(type)) {
      return "DATE";
    }
    if (DataTypes.isTime(type)) {
      return "TIME";
    }
    if (DataTypes.isMicrosTimestamp(type)) {
      return "TIMESTAMP";
    }
    switch (type.getTypeName()) {
      case DATETIME:
        return "TIMESTAMP";
      case ARRAY:
      case ITERABLE:
        return "ARRAY<" + nested(type.getCollectionElementType()) + ">";
      case ROW:
        List<String> fields = new ArrayList<>();
        for (Field field : type.getRowSchema().getFields()) {
          fields.add(field.getName() + " " + nested(field.getType()));
        }
        return "STRUCT(" + String.join(", ", fields) + ")";
      default:
        return type.getTypeName().name();
    }
  }

  private static String nested(FieldType type) {
    return typeName(type) + (type.getNullable() ? "" : " NOT NULL");
  }
}
