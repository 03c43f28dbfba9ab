package org.datamesh.core.failure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;

/**
 * A row as the raw payload of a failure raised after parsing: one JSON object, field by field,
 * without the {@link SourceField} (the failure holds the position itself).
 */
public final class RowPayload {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RowPayload() {}

  public static String of(Row row) {
    try {
      return JSON.writeValueAsString(toJson(row));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a row could not be rendered as JSON", e);
    }
  }

  /** The row as a JSON object, field by field, without the {@link SourceField}. */
  public static ObjectNode toJson(Row row) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (Field field : row.getSchema().getFields()) {
      if (field.getName().equals(SourceField.NAME)) {
        continue;
      }
      put(node, field.getName(), row.getValue(field.getName()));
    }
    return node;
  }

  private static void put(ObjectNode node, String name, Object value) {
    if (value == null) {
      node.putNull(name);
    } else if (value instanceof Row nested) {
      node.set(name, toJson(nested));
    } else if (value instanceof BigDecimal decimal) {
      node.put(name, decimal);
    } else if (value instanceof Number || value instanceof Boolean) {
      node.putPOJO(name, value);
    } else if (value instanceof Iterable<?> items) {
      ArrayNode array = node.putArray(name);
      for (Object item : items) {
        array.add(
            item == null
                ? null
                : item instanceof java.time.Instant instant
                    ? DataTypes.instantText(instant)
                    : item.toString());
      }
    } else if (value instanceof java.time.Instant instant) {
      node.put(name, DataTypes.instantText(instant));
    } else {
      node.put(name, value.toString());
    }
  }
}
