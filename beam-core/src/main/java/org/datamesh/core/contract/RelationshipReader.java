package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code relationships} of the contract's schema objects and of their properties (ODCS
 * v3.1). On a property, {@code from} is implicit: the property itself, as {@code table.column}.
 * {@code from} and {@code to} are each one reference or a list of them (a composite key).
 */
final class RelationshipReader {

  private static final String FOREIGN_KEY = "foreignKey";

  private RelationshipReader() {}

  static List<ContractRelationship> read(JsonNode schema, Problems problems) {
    List<ContractRelationship> relationships = new ArrayList<>();
    List<JsonNode> objects = Nodes.elements(schema);
    for (int i = 0; i < objects.size(); i++) {
      JsonNode object = objects.get(i);
      String objectPath = YamlPaths.index("schema", i);
      String table = Nodes.text(object, "name");
      readAll(object.path("relationships"), YamlPaths.key(objectPath, "relationships"), null, relationships);
      List<JsonNode> properties = Nodes.elements(object.path("properties"));
      for (int p = 0; p < properties.size(); p++) {
        String column = Nodes.text(properties.get(p), "name");
        String implicitFrom = table == null || column == null ? column : table + "." + column;
        String path = YamlPaths.key(YamlPaths.index(YamlPaths.key(objectPath, "properties"), p), "relationships");
        readAll(properties.get(p).path("relationships"), path, implicitFrom, relationships);
      }
    }
    if (!relationships.isEmpty()) {
      problems.notice(
          relationships.get(0).path(),
          "relationships are loaded, not checked against the data yet (" + relationships.size()
              + " in the contract)");
    }
    return relationships;
  }

  private static void readAll(
      JsonNode entries, String path, String implicitFrom, List<ContractRelationship> out) {
    List<JsonNode> list = Nodes.elements(entries);
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String type = Nodes.text(entry, "type");
      List<String> from = references(entry.path("from"));
      if (from.isEmpty() && implicitFrom != null) {
        from = List.of(implicitFrom);
      }
      out.add(
          new ContractRelationship(
              type == null ? FOREIGN_KEY : type, from, references(entry.path("to")),
              YamlPaths.index(path, i)));
    }
  }

  private static List<String> references(JsonNode node) {
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    List<String> references = new ArrayList<>();
    for (JsonNode element : Nodes.elements(node)) {
      if (element.isTextual()) {
        references.add(element.asText());
      }
    }
    return references;
  }
}
