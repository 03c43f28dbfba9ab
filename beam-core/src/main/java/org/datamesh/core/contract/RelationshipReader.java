package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
      readAll(
          object.path("relationships"), YamlPaths.key(objectPath, "relationships"), null,
          relationships, problems);
      List<JsonNode> properties = Nodes.elements(object.path("properties"));
      for (int p = 0; p < properties.size(); p++) {
        String column = Nodes.text(properties.get(p), "name");
        String implicitFrom = table == null || column == null ? column : table + "." + column;
        String path = YamlPaths.key(YamlPaths.index(YamlPaths.key(objectPath, "properties"), p), "relationships");
        readAll(properties.get(p).path("relationships"), path, implicitFrom, relationships, problems);
      }
    }
    List<String> tables = new ArrayList<>();
    for (JsonNode object : objects) {
      String name = Nodes.text(object, "name");
      if (name != null) {
        tables.add(name);
      }
    }
    for (ContractRelationship relationship : relationships) {
      String why = relationship.whyNotChecked(tables);
      if (why != null) {
        problems.notice(relationship.path(), "relationship not checked: " + why);
      }
    }
    return relationships;
  }


  private static void readAll(
      JsonNode entries,
      String path,
      String implicitFrom,
      List<ContractRelationship> out,
      Problems problems) {
    List<JsonNode> list = Nodes.elements(entries);
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String type = Nodes.text(entry, "type");
      List<String> from = references(entry.path("from"));
      if (from.isEmpty() && implicitFrom != null) {
        from = List.of(implicitFrom);
      }
      String entryPath = YamlPaths.index(path, i);
      out.add(
          new ContractRelationship(
              type == null ? FOREIGN_KEY : type, from, references(entry.path("to")), entryPath,
              customProperties(entry.path("customProperties"), entryPath, problems)));
    }
  }

  private static Map<String, String> customProperties(
      JsonNode entries, String path, Problems problems) {
    Map<String, String> properties = new LinkedHashMap<>();
    List<JsonNode> list = Nodes.elements(entries);
    for (int i = 0; i < list.size(); i++) {
      String property = Nodes.text(list.get(i), "property");
      if (property == null) {
        continue;
      }
      properties.put(property, Nodes.asText(list.get(i).path("value")));
      if (!property.equals(ContractRelationship.PRODUCT_PROPERTY)
          && !property.equals(ContractRelationship.SEVERITY_PROPERTY)) {
        problems.notice(
            YamlPaths.index(YamlPaths.key(path, "customProperties"), i),
            "custom property " + property + ": kept, not enforced");
      }
    }
    return properties;
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
