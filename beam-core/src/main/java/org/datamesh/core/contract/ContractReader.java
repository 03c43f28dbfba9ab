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
          "description", "schema", "servers", "team", "slaProperties", "roles",
          "customProperties");
  private static final Set<String> DOCUMENTATION =
      Set.of("tenant", "tags", "contractCreatedTs", "slaDefaultElement");

  private static final Set<String> DESCRIPTION_READ = Set.of("purpose", "usage");
  private static final Set<String> DESCRIPTION_DOCUMENTATION = Set.of("limitations");
  private static final Set<String> TEAM_READ = Set.of("name", "members");
  private static final Set<String> TEAM_DOCUMENTATION = Set.of("id", "description", "tags");

  private ContractReader() {}

  /** The contract, or null when {@code problems} has errors. */
  static @Nullable DataContract read(JsonNode root, Problems problems) {
    Nodes.reportUnsupported(root, YamlPaths.ROOT, READ, DOCUMENTATION, problems);
    String version = Nodes.text(root, "version");
    if (version != null && version.isBlank()) {
      problems.error("version", "must not be blank: it is the version consumers see");
    }
    String declaredDomain = Nodes.text(root, "domain");
    String domain = declaredDomain == null ? DataContract.DEFAULT_DOMAIN : folder(root, "domain", "d", problems);
    if (declaredDomain == null) {
      problems.notice(
          "domain",
          "none declared: published under the domain " + DataContract.DEFAULT_DOMAIN
              + " (run --domain=NAME chooses another)");
    }
    String productName = productName(root, problems);

    List<ContractTable> tables = TableReader.read(root.path("schema"), problems);
    List<ContractRelationship> relationships = RelationshipReader.read(root.path("schema"), problems);
    String topic = tables.isEmpty() ? null : tables.get(0).topic();
    List<OutputPort> ports = OutputPorts.read(root.path("servers"), topic, problems);
    ServiceLevels serviceLevels = ServiceLevelsReader.read(root.path("slaProperties"), problems);
    List<ContractRole> roles = RoleReader.read(root.path("roles"), problems);
    String owner = owner(root.path("team"), problems);
    String description = description(root.path("description"), problems);
    List<String> builtFrom = BuiltFromReader.read(root.path("customProperties"), problems);

    if (problems.hasErrors() || version == null || productName == null) {
      return null;
    }
    return new DataContract(
        orEmpty(Nodes.text(root, "id")),
        version,
        orEmpty(Nodes.text(root, "apiVersion")),
        orEmpty(Nodes.text(root, "status")),
        domain,
        declaredDomain != null,
        productName,
        owner,
        description,
        tables,
        ports,
        serviceLevels,
        relationships,
        roles,
        builtFrom,
        problems.notices());
  }

  /**
   * The folder-safe form of the text at {@code key}, with a notice naming the folder when it had
   * to change.
   */
  private static String folder(JsonNode root, String key, String fallback, Problems problems) {
    String text = Nodes.text(root, key);
    String folder = PathSegments.slug(text, fallback);
    if (!folder.equals(text)) {
      problems.notice(key, "published in the folder " + folder + " (names become folder-safe)");
    }
    return folder;
  }

  /** {@code dataProduct}, else {@code name}, else {@code id}: what the product is called. */
  private static @Nullable String productName(JsonNode root, Problems problems) {
    for (String key : List.of("dataProduct", "name", "id")) {
      if (Nodes.text(root, key) != null) {
        return folder(root, key, "p", problems);
      }
    }
    if (!problems.hasErrorAt("id")) {
      problems.error("id", "required; with dataProduct or name it names the product");
    }
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
