package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads the schema object's {@code properties} into {@link ContractField}s; an {@code object}'s
 * nested {@code properties} and an {@code array}'s {@code items} are read the same way, so a
 * column of any depth is one tree of fields whose Beam type is a nested row or an array.
 *
 * <pre>{@code
 * - name: customer
 *   logicalType: object
 *   properties:
 *     - {name: zip, logicalType: string, required: true}   # customer.zip, not nullable
 * - name: lines
 *   logicalType: array
 *   items: {logicalType: object, properties: [{name: quantity, logicalType: integer}]}
 * }</pre>
 */
final class FieldReader {

  private static final Set<String> READ =
      Set.of(
          "name", "description", "logicalType", "physicalType", "logicalTypeOptions", "required",
          "unique", "primaryKey", "primaryKeyPosition", "partitioned", "partitionKeyPosition",
          "classification", "customProperties", "quality", "relationships", "properties", "items",
          "transformSourceObjects", "transformLogic", "transformDescription");
  private static final Set<String> DOCUMENTATION =
      Set.of(
          "id", "businessName", "physicalName", "tags", "examples", "criticalDataElement");

  private final Problems problems;
  /** Null at the top level; the enclosing column's path inside a nested value. */
  private final @Nullable String parent;
  /** Names an object's {@code logicalTypeOptions.required} lists. */
  private final Set<String> requiredNames;
  private final Map<String, String> names = new HashMap<>();
  private final Map<Integer, String> keyPositions = new HashMap<>();
  private final Map<Integer, String> partitionPositions = new HashMap<>();

  private FieldReader(Problems problems, @Nullable String parent, Set<String> requiredNames) {
    this.problems = problems;
    this.parent = parent;
    this.requiredNames = requiredNames;
  }

  /** @param path the path of the {@code properties} sequence */
  static List<ContractField> read(JsonNode properties, String path, Problems problems) {
    return new FieldReader(problems, null, Set.of()).readAll(properties, path);
  }

  private List<ContractField> readAll(JsonNode properties, String path) {
    FieldReader reader = this;
    List<ContractField> fields = new ArrayList<>();
    List<JsonNode> entries = Nodes.elements(properties);
    for (int i = 0; i < entries.size(); i++) {
      ContractField field = reader.field(entries.get(i), YamlPaths.index(path, i));
      if (field != null) {
        fields.add(field);
      }
    }
    return fields;
  }

  private @Nullable ContractField field(JsonNode property, String path) {
    String name = Nodes.text(property, "name");
    if (name == null) {
      // The JSON Schema has said so already.
      return null;
    }
    String first = names.putIfAbsent(name, path);
    if (first != null) {
      problems.error(
          YamlPaths.key(path, "name"), "a second property with this name (the first is " + first + ")");
    }
    return field(property, path, name, parent == null ? name : parent + "." + name);
  }

  /**
   * A property, or an array's items (named after the array: {@code lines[]}).
   *
   * @param column where the value sits in a record: {@code customer.address.zip}, {@code
   *     lines[].quantity}
   */
  private @Nullable ContractField field(
      JsonNode property, String path, String name, String column) {
    if (parent == null && name.equals("_source")) {
      // The library's own field: each row's source position, carried until publication.
      problems.error(YamlPaths.key(path, "name"), "_source is reserved for the record's position");
    }
    Nodes.reportUnsupported(property, path, READ, DOCUMENTATION, problems);
    if (Nodes.flag(property, "unique") && !Nodes.flag(property, "primaryKey")) {
      problems.notice(
          YamlPaths.key(path, "unique"),
          parent == null
              ? "enforced after deduplication by a dataset check (duplicateValues must be 0,"
                  + " error): a run with a repeated value does not publish"
              : "kept, not enforced yet on a nested property");
    }
    String physicalType = Nodes.text(property, "physicalType");
    LogicalType logicalType = logicalType(property, physicalType, path);
    List<ContractField> nested = List.of();
    ContractField items = null;
    if (logicalType == LogicalType.OBJECT) {
      nested = nested(property, path, column);
    } else if (logicalType == LogicalType.ARRAY) {
      items = items(property, path, name, column);
    }
    FieldType beamType =
        logicalType == null
            ? null
            : BeamTypes.of(logicalType, physicalType, nested, items, path, problems);

    boolean primaryKey = Nodes.flag(property, "primaryKey");
    if (parent != null) {
      for (String key : KNOWN_CUSTOM_PROPERTIES) {
        if (Nodes.elements(property.path("customProperties")).stream()
            .anyMatch(p -> key.equals(Nodes.text(p, "property")))) {
          problems.error(
              YamlPaths.key(YamlPaths.key(path, "customProperties"), key),
              "not supported inside an object or array yet: only on a top-level property");
        }
      }
      for (String key : List.of("primaryKey", "partitioned")) {
        if (Nodes.flag(property, key)) {
          problems.error(
              YamlPaths.key(path, key), "only a top-level property can be a " + key + " column");
        }
      }
    }
    int keyPosition = Nodes.integer(property, "primaryKeyPosition", -1);
    if (primaryKey) {
      checkPosition(keyPositions, keyPosition, name, YamlPaths.key(path, "primaryKeyPosition"));
    }
    boolean partitioned = Nodes.flag(property, "partitioned");
    int partitionPosition = Nodes.integer(property, "partitionKeyPosition", -1);
    if (partitioned) {
      checkPosition(
          partitionPositions, partitionPosition, name, YamlPaths.key(path, "partitionKeyPosition"));
    }
    TypeOptions options =
        TypeOptionsReader.read(property.path("logicalTypeOptions"), logicalType, path, problems);
    List<QualityRule> quality =
        QualityRules.read(property.path("quality"), YamlPaths.key(path, "quality"), name, problems);
    if (beamType == null) {
      return null;
    }
    Map<String, String> custom = customProperties(property.path("customProperties"), path);
    return new ContractField(
        name,
        Nodes.text(property, "description"),
        logicalType,
        physicalType,
        beamType,
        Nodes.flag(property, "required") || requiredNames.contains(name),
        Nodes.flag(property, "unique"),
        primaryKey,
        keyPosition,
        partitioned,
        partitionPosition,
        Nodes.text(property, "classification"),
        custom,
        options,
        quality,
        nested,
        items,
        sources(property, custom, path));
  }

  /**
   * The property's {@code transform*} keys, and its {@code lineageType} custom property from
   * {@code custom}, its custom properties as read.
   */
  private ColumnSources sources(JsonNode property, Map<String, String> custom, String path) {
    List<String> objects = new java.util.ArrayList<>();
    for (JsonNode entry : Nodes.elements(property.path("transformSourceObjects"))) {
      if (entry.isTextual()) {
        objects.add(entry.asText());
      }
    }
    String lineageType = custom.get(ColumnSources.LINEAGE_TYPE_PROPERTY);
    if (lineageType != null
        && !ColumnSources.LINEAGE_TYPES.contains(lineageType.toUpperCase(java.util.Locale.ROOT))) {
      problems.error(
          YamlPaths.key(YamlPaths.key(path, "customProperties"), ColumnSources.LINEAGE_TYPE_PROPERTY),
          "must be one of IDENTITY, TRANSFORMATION, AGGREGATION, not " + lineageType);
      lineageType = null;
    }
    String logic = Nodes.text(property, "transformLogic");
    String description = Nodes.text(property, "transformDescription");
    if (objects.isEmpty() && logic == null && description == null && lineageType == null) {
      return ColumnSources.NONE;
    }
    return new ColumnSources(objects, logic, description, lineageType);
  }

  /** An object's properties, read by a reader of their own (names are unique per object). */
  private List<ContractField> nested(JsonNode property, String path, String column) {
    String propertiesPath = YamlPaths.key(path, "properties");
    if (Nodes.elements(property.path("properties")).isEmpty()) {
      problems.notice(
          propertiesPath,
          "an object without properties is published as its JSON text (a STRING column); list"
              + " its properties to publish a nested value");
      return List.of();
    }
    JsonNode required = property.path("logicalTypeOptions").path("required");
    Set<String> requiredNames = new java.util.HashSet<>();
    Nodes.elements(required).forEach(n -> requiredNames.add(n.asText()));
    FieldReader reader = new FieldReader(problems, column, requiredNames);
    List<ContractField> fields = reader.readAll(property.path("properties"), propertiesPath);
    List<JsonNode> listed = Nodes.elements(required);
    for (int i = 0; i < listed.size(); i++) {
      if (!reader.names.containsKey(listed.get(i).asText())) {
        problems.error(
            YamlPaths.index(YamlPaths.key(YamlPaths.key(path, "logicalTypeOptions"), "required"), i),
            "not one of the object's properties");
      }
    }
    return fields;
  }

  /** An array's items: one field, its element type. */
  private @Nullable ContractField items(
      JsonNode property, String path, String name, String column) {
    String itemsPath = YamlPaths.key(path, "items");
    if (!property.path("items").isObject()) {
      problems.notice(
          itemsPath,
          "an array without items is published as its JSON text (a STRING column); give its"
              + " items a type to publish a list");
      return null;
    }
    return new FieldReader(problems, column, Set.of())
        .field(property.path("items"), itemsPath, name + "[]", column + "[]");
  }

  private @Nullable LogicalType logicalType(
      JsonNode property, @Nullable String physicalType, String path) {
    String typePath = YamlPaths.key(path, "logicalType");
    if (property.has("logicalType")) {
      String name = Nodes.text(property, "logicalType");
      LogicalType type = name == null ? null : LogicalType.fromOdcs(name);
      if (type == null && !problems.hasErrorAt(typePath)) {
        problems.error(typePath, "not an ODCS logical type");
      }
      return type;
    }
    if (property.has("properties")) {
      return LogicalType.OBJECT; // ODCS items may give properties alone
    }
    LogicalType inferred = BeamTypes.infer(physicalType);
    if (inferred == null) {
      problems.error(
          typePath,
          "missing, and the physicalType is not an obvious SQL type to infer it from;"
              + " give a logicalType");
    }
    return inferred;
  }

  private void checkPosition(Map<Integer, String> taken, int position, String name, String path) {
    if (position < 0) {
      return;
    }
    String other = taken.putIfAbsent(position, name);
    if (other != null) {
      problems.error(path, "position " + position + " is already taken by property " + other);
    }
  }

  /** Custom properties datamesh-beam acts on; see ContractStandardization and ContractProtection. */
  private static final java.util.Set<String> KNOWN_CUSTOM_PROPERTIES =
      java.util.Set.of(
          ContractStandardization.PROPERTY,
          DataContract.DEDUPLICATE_PROPERTY,
          ContractProtection.PROPERTY,
          ColumnSources.LINEAGE_TYPE_PROPERTY);

  private Map<String, String> customProperties(JsonNode entries, String path) {
    Map<String, String> properties = new LinkedHashMap<>();
    List<JsonNode> list = Nodes.elements(entries);
    for (int i = 0; i < list.size(); i++) {
      String property = Nodes.text(list.get(i), "property");
      if (property != null) {
        properties.put(property, Nodes.asText(list.get(i).path("value")));
        if (KNOWN_CUSTOM_PROPERTIES.contains(property)) {
          continue;
        }
        problems.notice(
            YamlPaths.index(YamlPaths.key(path, "customProperties"), i),
            "custom property " + property + ": kept, not enforced yet");
      }
    }
    return properties;
  }
}
