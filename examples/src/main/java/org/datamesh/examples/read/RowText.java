package org.datamesh.examples.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/** A row as one line of CSV or JSON, as {@code read} prints it. */
final class RowText {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RowText() {}

  static String csvHeader(Schema schema) {
    List<String> names = new ArrayList<>();
    for (String name : schema.getFieldNames()) {
      names.add(csvField(name));
    }
    return String.join(",", names);
  }

  static String csv(Row row) {
    List<String> fields = new ArrayList<>();
    for (Object value : row.getValues()) {
      fields.add(value == null ? "" : csvField(text(value)));
    }
    return String.join(",", fields);
  }

  static String jsonLine(Row row) {
    ObjectNode node = JSON.createObjectNode();
    Schema schema = row.getSchema();
    for (int i = 0; i < schema.getFieldCount(); i++) {
      Object value = row.getValue(i);
      String name = schema.getField(i).getName();
      if (value == null) {
        node.putNull(name);
      } else if (value instanceof Number || value instanceof Boolean) {
        node.set(name, JSON.valueToTree(value));
      } else {
        node.put(name, text(value));
      }
    }
    return node.toString();
  }

  private static String text(Object value) {
    if (value instanceof java.time.Instant instant) {
      return org.datamesh.core.DataTypes.instantText(instant);
    }
    return value instanceof Row nested ? jsonLine(nested) : String.valueOf(value);
  }

  private static String csvField(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
