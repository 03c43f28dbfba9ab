package org.datamesh.core.publish;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;

/** A published schema described for the manifest, with types named as SQL consumers name them. */
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
    switch (type.getTypeName()) {
      case DATETIME:
        return "TIMESTAMP";
      case ARRAY:
      case ITERABLE:
        return "ARRAY<" + typeName(type.getCollectionElementType()) + ">";
      case ROW:
        return "STRUCT";
      default:
        return type.getTypeName().name();
    }
  }
}
