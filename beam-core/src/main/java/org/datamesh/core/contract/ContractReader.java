package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Maps a contract's YAML tree to a {@link DataContract}, reporting what makes it unusable as
 * errors and what it holds that is not supported yet as notices.
 */
final class ContractReader {

  private static final Set<String> READ =
      Set.of(
          "version", "apiVersion", "kind", "id", "status", "domain", "dataProduct", "name",
          "description", "schema", "servers", "team", "slaProperties");
  private static final Set<String> DOCUMENTATION =
      Set.of("tenant", "tags", "contractCreatedTs", "slaDefaultElement");

  private static final Set<String> OBJECT_READ =
      Set.of("name", "properties", "quality", "logicalType", "customProperties");
  private static final Set<String> OBJECT_DOCUMENTATION =
      Set.of(
          "id", "physicalName", "physicalType", "businessName", "description",
          "dataGranularityDescription", "tags");

  private static final Set<String> DESCRIPTION_READ = Set.of("purpose", "usage");
  private static final Set<String> DESCRIPTION_DOCUMENTATION = Set.of("limitations");
  private static final Set<String> TEAM_READ = Set.of("name", "members");
  private static final Set<String> TEAM_DOCUMENTATION = Set.of("id", "description", "tags");

  private ContractReader() {}

  /** The contract, or null when {@code problems} has errors. */
  static @Nullable DataContract read(JsonNode root, Problems problems) {
    Nodes.reportUnsupported(root, YamlPaths.ROOT, READ, DOCUMENTATION, problems);
    String version = Nodes.text(root, "version");
    String domain = domain(root, problems);
    String productName = productName(root, problems);
    if (version != null && !PathSegments.isVersion(version)) {
      problems.error("version", PathSegments.VERSION_RULE);
    }

    JsonNode object = onlyObject(root.path("schema"), problems);
    String objectName = object == null ? null : Nodes.text(object, "name");
    List<ContractField> fields = List.of();
    List<QualityRule> datasetQuality = List.of();
    String logPattern = null;
    if (object != null) {
      String objectPath = YamlPaths.index("schema", 0);
      Nodes.reportUnsupported(object, objectPath, OBJECT_READ, OBJECT_DOCUMENTATION, problems);
      String propertiesPath = YamlPaths.key(objectPath, "properties");
      if (Nodes.elements(object.path("properties")).isEmpty()) {
        problems.error(
            propertiesPath, "an object without properties publishes nothing; list its properties");
      }
      fields = FieldReader.read(object.path("properties"), propertiesPath, problems);
      datasetQuality =
          QualityRules.read(
              object.path("quality"), YamlPaths.key(objectPath, "quality"), null, problems);
      logPattern =
          LogPatternReader.read(
              object.path("customProperties"),
              YamlPaths.key(objectPath, "customProperties"),
              problems);
    }
    String topic = object == null ? null : Nodes.text(object, "physicalName");
    List<OutputPort> ports =
        OutputPorts.read(root.path("servers"), topic != null ? topic : objectName, problems);
    ServiceLevels serviceLevels = ServiceLevelsReader.read(root.path("slaProperties"), problems);
    String owner = owner(root.path("team"), problems);
    String description = description(root.path("description"), problems);

    if (problems.hasErrors()) {
      return null;
    }
    return new DataContract(
        orEmpty(Nodes.text(root, "id")),
        version,
        orEmpty(Nodes.text(root, "apiVersion")),
        orEmpty(Nodes.text(root, "status")),
        domain,
        productName,
        owner,
        description,
        objectName,
        fields,
        ports,
        serviceLevels,
        datasetQuality,
        logPattern,
        problems.notices());
  }

  private static @Nullable String domain(JsonNode root, Problems problems) {
    String domain = Nodes.text(root, "domain");
    if (domain == null) {
      if (!problems.hasErrorAt("domain")) {
        problems.error("domain", "required; it is the product's folder in the output");
      }
    } else if (!PathSegments.isName(domain)) {
      problems.error("domain", PathSegments.NAME_RULE);
    }
    return domain;
  }

  /** {@code dataProduct}, or else {@code name}: what the product is called. */
  private static @Nullable String productName(JsonNode root, Problems problems) {
    String key = root.has("dataProduct") ? "dataProduct" : "name";
    String name = Nodes.text(root, key);
    if (name == null) {
      if (!problems.hasErrorAt(key)) {
        problems.error("dataProduct", "required (or name); it names the product and its folder");
      }
    } else if (!PathSegments.isName(name)) {
      problems.error(key, PathSegments.NAME_RULE);
    }
    return name;
  }

  private static @Nullable JsonNode onlyObject(JsonNode schema, Problems problems) {
    int count = schema.isArray() ? schema.size() : 0;
    if (count == 1) {
      return schema.get(0);
    }
    if (!schema.isMissingNode() && !schema.isArray()) {
      return null; // the JSON Schema has reported its shape
    }
    String message = "a contract builds one product from one object; found " + count;
    if (count > 1) {
      message += "; write one contract per object (each object is its own product)";
    }
    problems.error("schema", message);
    return null;
  }

  /** The team's name, or the first member whose role is owner. */
  private static @Nullable String owner(JsonNode team, Problems problems) {
    JsonNode members = team;
    String name = null;
    if (team.isObject()) {
      Nodes.reportUnsupported(team, "team", TEAM_READ, TEAM_DOCUMENTATION, problems);
      name = Nodes.text(team, "name");
      members = team.path("members");
    }
    if (name != null) {
      return name;
    }
    for (JsonNode member : Nodes.elements(members)) {
      String role = Nodes.text(member, "role");
      if (role != null && role.trim().equalsIgnoreCase("owner")) {
        String username = Nodes.text(member, "username");
        return username != null ? username : Nodes.text(member, "name");
      }
    }
    return null;
  }

  /** The purpose and the usage, a blank line apart. */
  private static @Nullable String description(JsonNode description, Problems problems) {
    if (!description.isObject()) {
      return null;
    }
    Nodes.reportUnsupported(
        description, "description", DESCRIPTION_READ, DESCRIPTION_DOCUMENTATION, problems);
    String purpose = Nodes.text(description, "purpose");
    String usage = Nodes.text(description, "usage");
    if (purpose == null) {
      return usage;
    }
    return usage == null ? purpose : purpose + "\n\n" + usage;
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }
}
