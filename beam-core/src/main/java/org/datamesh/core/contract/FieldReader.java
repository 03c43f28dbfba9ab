package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Reads the schema object's {@code properties} into {@link ContractField}s. */
final class FieldReader {

  private static final Set<String> READ =
      Set.of(
          "name", "description", "logicalType", "physicalType", "logicalTypeOptions", "required",
          "unique", "primaryKey", "primaryKeyPosition", "partitioned", "partitionKeyPosition",
          "classification", "customProperties", "quality", "relationships");
  private static final Set<String> DOCUMENTATION =
      Set.of(
          "id", "businessName", "physicalName", "tags", "examples", "criticalDataElement",
          "transformSourceObjects", "transformLogic", "transformDescription");

  private static final Set<String> OPTIONS_READ =
      Set.of(
          "pattern", "format", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
          "exclusiveMaximum");
  private static final List<String> BOUNDS =
      List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");

  private final Problems problems;
  private final Map<String, String> names = new HashMap<>();
  private final Map<Integer, String> keyPositions = new HashMap<>();
  private final Map<Integer, String> partitionPositions = new HashMap<>();

  private FieldReader(Problems problems) {
    this.problems = problems;
  }

  /** @param path the path of the {@code properties} sequence */
  static List<ContractField> read(JsonNode properties, String path, Problems problems) {
    FieldReader reader = new FieldReader(problems);
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
    if (name.equals("_source")) {
      // The library's own field: each row's source position, carried until publication.
      problems.error(YamlPaths.key(path, "name"), "_source is reserved for the record's position");
    }
    Nodes.reportUnsupported(property, path, READ, DOCUMENTATION, problems);
    if (Nodes.flag(property, "unique") && !Nodes.flag(property, "primaryKey")) {
      problems.notice(
          YamlPaths.key(path, "unique"),
          "kept, not enforced yet (only the primary key is enforced, by deduplication)");
    }
    if (property.path("logicalTypeOptions").has("format")) {
      problems.notice(
          YamlPaths.key(YamlPaths.key(path, "logicalTypeOptions"), "format"),
          "not supported yet: values are read in ISO-8601 forms");
    }
    String physicalType = Nodes.text(property, "physicalType");
    LogicalType logicalType = logicalType(property, physicalType, path);
    FieldType beamType =
        logicalType == null ? null : BeamTypes.of(logicalType, physicalType, path, problems);

    boolean primaryKey = Nodes.flag(property, "primaryKey");
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
    TypeOptions options = options(property.path("logicalTypeOptions"), logicalType, path);
    List<QualityRule> quality =
        QualityRules.read(property.path("quality"), YamlPaths.key(path, "quality"), name, problems);
    if (beamType == null) {
      return null;
    }
    return new ContractField(
        name,
        Nodes.text(property, "description"),
        logicalType,
        physicalType,
        beamType,
        Nodes.flag(property, "required"),
        Nodes.flag(property, "unique"),
        primaryKey,
        keyPosition,
        partitioned,
        partitionPosition,
        Nodes.text(property, "classification"),
        customProperties(property.path("customProperties"), path),
        options,
        quality);
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

  private TypeOptions options(JsonNode options, @Nullable LogicalType type, String path) {
    if (!options.isObject()) {
      return TypeOptions.NONE;
    }
    String optionsPath = YamlPaths.key(path, "logicalTypeOptions");
    Nodes.reportUnsupported(options, optionsPath, OPTIONS_READ, Set.of(), problems);
    String pattern = Nodes.text(options, "pattern");
    if (pattern != null) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        problems.error(
            YamlPaths.key(optionsPath, "pattern"),
            "not a valid regular expression: " + e.getDescription());
      }
    }
    boolean numeric = type == LogicalType.NUMBER || type == LogicalType.INTEGER;
    Map<String, BigDecimal> bounds = new LinkedHashMap<>();
    for (String bound : BOUNDS) {
      if (!options.has(bound)) {
        continue;
      }
      BigDecimal value = Nodes.decimal(options.get(bound));
      if (numeric && value != null) {
        bounds.put(bound, value);
      } else if (!problems.hasErrorAt(YamlPaths.key(optionsPath, bound))) {
        problems.notice(
            YamlPaths.key(optionsPath, bound),
            "a bound on a " + (type == null ? "property" : type.odcsName())
                + " is not supported yet");
      }
    }
    return new TypeOptions(
        pattern,
        Nodes.text(options, "format"),
        length(options, "minLength"),
        length(options, "maxLength"),
        bounds.get("minimum"),
        bounds.get("maximum"),
        bounds.get("exclusiveMinimum"),
        bounds.get("exclusiveMaximum"));
  }

  private static @Nullable Integer length(JsonNode options, String key) {
    JsonNode value = options.path(key);
    return value.canConvertToInt() && value.isIntegralNumber() ? value.asInt() : null;
  }

  /** Custom properties datamesh-beam acts on; see ContractStandardization. */
  private static final java.util.Set<String> KNOWN_CUSTOM_PROPERTIES =
      java.util.Set.of(
          ContractStandardization.PROPERTY, DataContract.DEDUPLICATE_PROPERTY);

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
