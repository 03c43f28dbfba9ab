package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the contract's {@code schema} objects into {@link ContractTable}s, one table per object.
 *
 * <p>Each table gets a folder-safe name, unique within the product: two objects whose names give
 * the same folder are told apart by a number ({@code orders}, {@code orders_2}) and a notice says
 * so. A contract without objects, or an object without properties, is valid ODCS: it is loaded,
 * with a notice that {@code run} has nothing to publish for it.
 */
final class TableReader {

  private static final Set<String> READ =
      Set.of(
          "name", "properties", "quality", "logicalType", "customProperties", "relationships",
          "physicalName", "description");
  private static final Set<String> DOCUMENTATION =
      Set.of(
          "id", "physicalType", "businessName", "dataGranularityDescription", "tags",
          "authoritativeDefinitions");

  private TableReader() {}

  static List<ContractTable> read(JsonNode schema, Problems problems) {
    List<JsonNode> objects = Nodes.elements(schema);
    if (objects.isEmpty()) {
      problems.notice(
          "schema", "declares no table: the contract is valid, but run has nothing to publish");
    }
    List<ContractTable> tables = new ArrayList<>();
    Map<String, Integer> folders = new HashMap<>();
    for (int i = 0; i < objects.size(); i++) {
      String path = YamlPaths.index("schema", i);
      ContractTable table = table(objects.get(i), path, folders, problems);
      if (table != null) {
        tables.add(table);
      }
    }
    return tables;
  }

  private static ContractTable table(
      JsonNode object, String path, Map<String, Integer> folders, Problems problems) {
    Nodes.reportUnsupported(object, path, READ, DOCUMENTATION, problems);
    String name = Nodes.text(object, "name");
    if (name == null) {
      // ODCS lets an object go unnamed; its position names it.
      name = "table_" + (folders.size() + 1);
    }
    String folder = uniqueFolder(PathSegments.slug(name, "t"), folders);
    if (!folder.equals(name)) {
      problems.notice(
          YamlPaths.key(path, "name"),
          "the table is published in the folder " + folder + " (names become folder-safe and"
              + " unique within the product)");
    }
    String propertiesPath = YamlPaths.key(path, "properties");
    if (Nodes.elements(object.path("properties")).isEmpty()) {
      problems.notice(
          propertiesPath, "the table " + folder + " declares no columns: run has nothing to publish for it");
    }
    List<ContractField> fields = FieldReader.read(object.path("properties"), propertiesPath, problems);
    List<QualityRule> quality =
        QualityRules.read(object.path("quality"), YamlPaths.key(path, "quality"), null, problems);
    String logPattern =
        LogPatternReader.read(
            object.path("customProperties"), YamlPaths.key(path, "customProperties"), problems);
    return new ContractTable(
        name,
        folder,
        path,
        Nodes.text(object, "physicalName"),
        Nodes.text(object, "description"),
        fields,
        quality,
        logPattern,
        IndirectSources.read(
            object.path("customProperties"), YamlPaths.key(path, "customProperties"), problems));
  }

  private static String uniqueFolder(String folder, Map<String, Integer> folders) {
    Integer seen = folders.get(folder);
    if (seen == null) {
      folders.put(folder, 1);
      return folder;
    }
    int next = seen + 1;
    while (folders.containsKey(folder + "_" + next)) {
      next++;
    }
    folders.put(folder, next);
    String unique = folder + "_" + next;
    folders.put(unique, 1);
    return unique;
  }
}
