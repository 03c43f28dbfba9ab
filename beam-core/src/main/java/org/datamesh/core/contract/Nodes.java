package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Lenient reads from the YAML tree. Mapping runs even on a contract the JSON Schema refused, so
 * that every problem is reported at once; these reads never throw on an unexpected shape.
 */
final class Nodes {

  private Nodes() {}

  /** The text at {@code key}, or null when absent or not text. */
  static @Nullable String text(JsonNode object, String key) {
    JsonNode value = object.path(key);
    return value.isTextual() ? value.asText() : null;
  }

  static boolean flag(JsonNode object, String key) {
    return object.path(key).asBoolean(false);
  }

  /** The integer at {@code key}, or {@code absent}. */
  static int integer(JsonNode object, String key, int absent) {
    JsonNode value = object.path(key);
    return value.canConvertToInt() ? value.asInt() : absent;
  }

  /** A number as an exact decimal, or null when the node is not a number. */
  static @Nullable BigDecimal decimal(JsonNode value) {
    return value.isNumber() ? value.decimalValue() : null;
  }

  /** The elements of a sequence; none when the node is not one. */
  static List<JsonNode> elements(JsonNode sequence) {
    List<JsonNode> elements = new ArrayList<>();
    if (sequence.isArray()) {
      sequence.forEach(elements::add);
    }
    return elements;
  }

  /** A scalar as text (what custom properties hold); a collection in its JSON form. */
  static String asText(JsonNode value) {
    if (value.isNull() || value.isMissingNode()) {
      return "";
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** Plain, serializable Java values: String, BigDecimal, Boolean, null, List, Map. */
  static @Nullable Object toJava(JsonNode value) {
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      value.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
      return Collections.unmodifiableMap(map);
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      value.forEach(v -> list.add(toJava(v)));
      return Collections.unmodifiableList(list);
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return value.isNull() ? null : value.asText();
  }

  /**
   * Reports every key of {@code object} that is neither read by datamesh-beam nor documentation
   * only, so nothing a contract says is ignored silently.
   */
  static void reportUnsupported(
      JsonNode object, String path, Set<String> read, Set<String> documentation, Problems problems) {
    for (Iterator<String> keys = object.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!read.contains(key) && !documentation.contains(key)) {
        problems.notice(YamlPaths.key(path, key), "not supported yet");
      }
    }
  }
}
