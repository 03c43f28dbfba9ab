package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the contract's top-level custom properties: {@code builtFrom}, the products a
 * consumer-aligned product is made from, each {@code domain/product} as published. ODCS has no
 * field for lineage between products; the catalog draws which product feeds which from it.
 *
 * <pre>{@code
 * customProperties:
 *   - property: builtFrom
 *     value: [crm/customers, sales/orders]
 * }</pre>
 *
 * <p>The value may also be one text, comma-separated. Other top-level custom properties are
 * reported as not supported yet.
 */
final class BuiltFromReader {

  private BuiltFromReader() {}

  /** The products named by {@code builtFrom}; empty when there is none. */
  static List<String> read(JsonNode entries, Problems problems) {
    List<String> products = new ArrayList<>();
    List<JsonNode> list = Nodes.elements(entries);
    boolean seen = false;
    for (int i = 0; i < list.size(); i++) {
      String entryPath = YamlPaths.index("customProperties", i);
      String property = Nodes.text(list.get(i), "property");
      if (property == null) {
        continue; // the structure check has reported it
      }
      if (!property.equals(DataContract.BUILT_FROM_PROPERTY)) {
        problems.notice(entryPath, "custom property " + property + ": not supported yet");
        continue;
      }
      String valuePath = YamlPaths.key(entryPath, "value");
      if (seen) {
        problems.error(entryPath, "builtFrom is declared twice; keep one");
        continue;
      }
      seen = true;
      for (String name : names(list.get(i).path("value"))) {
        String product = name.trim();
        if (!product.matches("[a-z0-9][a-z0-9_-]*/[a-z0-9][a-z0-9_-]*")) {
          problems.error(
              valuePath,
              "builtFrom lists products as domain/product (folder-safe names, such as"
                  + " crm/customers)");
          return List.of();
        }
        if (!products.contains(product)) {
          products.add(product);
        }
      }
    }
    return products;
  }

  private static List<String> names(JsonNode value) {
    List<String> names = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        names.add(item.isTextual() ? item.asText() : item.toString());
      }
    } else if (value.isTextual()) {
      for (String part : value.asText().split(",")) {
        names.add(part);
      }
    } else {
      names.add(value.toString());
    }
    return names;
  }
}
