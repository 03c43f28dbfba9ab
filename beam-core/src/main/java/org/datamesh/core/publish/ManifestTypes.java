package org.datamesh.core.publish;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;

/**
 * The Beam schema of a published table, read back from the type names its manifest gives
 * ({@link ManifestColumns} writes them), so a consumer needs nothing but the manifest to read it.
 *
 * <pre>{@code
 * Schema schema = ManifestTypes.schemaOf(Manifest.read(productDir).table("orders").schema());
 * ManifestTypes.fieldType("ARRAY<STRUCT(sku STRING NOT NULL, qty INT32)>");
 * }</pre>
 */
public final class ManifestTypes {

  private final String text;
  private int at;

  private ManifestTypes(String text) {
    this.text = text;
  }

  /** The schema of rows whose columns the manifest lists as {@code columns}. */
  public static Schema schemaOf(List<Manifest.Column> columns) {
    Schema.Builder schema = Schema.builder();
    for (Manifest.Column column : columns) {
      schema.addField(column.name(), fieldType(column.type()).withNullable(column.nullable()));
    }
    return schema.build();
  }

  /** The (non-null) Beam type a manifest type name stands for. */
  public static FieldType fieldType(String name) {
    ManifestTypes reader = new ManifestTypes(name);
    FieldType type = reader.type();
    if (reader.at != name.length()) {
      throw reader.unreadable();
    }
    return type;
  }

  private FieldType type() {
    if (take("ARRAY<")) {
      FieldType item = type();
      boolean required = take(" NOT NULL");
      expect(">");
      return FieldType.array(item.withNullable(!required));
    }
    if (take("STRUCT(")) {
      Schema.Builder fields = Schema.builder();
      while (!take(")")) {
        int space = text.indexOf(' ', at);
        if (space < 0) {
          throw unreadable();
        }
        String name = text.substring(at, space);
        at = space + 1;
        FieldType type = type();
        boolean required = take(" NOT NULL");
        fields.addField(name, type.withNullable(!required));
        take(", ");
      }
      return FieldType.row(fields.build());
    }
    if (take("DECIMAL(")) {
      int comma = text.indexOf(',', at);
      int close = text.indexOf(')', at);
      if (comma < 0 || close < comma) {
        throw unreadable();
      }
      int precision = Integer.parseInt(text.substring(at, comma).trim());
      int scale = Integer.parseInt(text.substring(comma + 1, close).trim());
      at = close + 1;
      return DataTypes.decimal(precision, scale);
    }
    int end = at;
    while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
      end++;
    }
    String word = text.substring(at, end);
    at = end;
    return switch (word) {
      case "DATE" -> DataTypes.date();
      case "TIME" -> DataTypes.time();
      case "TIMESTAMP" -> DataTypes.timestamp();
      case "STRING" -> FieldType.STRING;
      case "BOOLEAN" -> FieldType.BOOLEAN;
      case "BYTE" -> FieldType.BYTE;
      case "INT16" -> FieldType.INT16;
      case "INT32" -> FieldType.INT32;
      case "INT64" -> FieldType.INT64;
      case "FLOAT" -> FieldType.FLOAT;
      case "DOUBLE" -> FieldType.DOUBLE;
      default -> throw unreadable();
    };
  }

  private boolean take(String expected) {
    if (text.startsWith(expected, at)) {
      at += expected.length();
      return true;
    }
    return false;
  }

  private void expect(String expected) {
    if (!take(expected)) {
      throw unreadable();
    }
  }

  private IllegalArgumentException unreadable() {
    return new IllegalArgumentException(
        "the manifest type " + text + " cannot be read (at character " + at + ")");
  }
}
