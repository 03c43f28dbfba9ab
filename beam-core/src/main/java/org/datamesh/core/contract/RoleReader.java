package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Reads a contract's {@code roles} and the access convention of {@link ContractRole}. */
final class RoleReader {

  private static final Set<String> KNOWN =
      Set.of(
          ContractRole.READ_COLUMNS,
          ContractRole.MASKED_COLUMNS,
          ContractRole.CLEAR_COLUMNS,
          ContractRole.ROW_FILTER);

  private RoleReader() {}

  static List<ContractRole> read(JsonNode roles, Problems problems) {
    List<ContractRole> read = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<JsonNode> list = Nodes.elements(roles);
    for (int i = 0; i < list.size(); i++) {
      JsonNode role = list.get(i);
      String path = YamlPaths.index("roles", i);
      String name = Nodes.text(role, "role");
      if (name == null || name.isBlank()) {
        continue; // the ODCS check reports a role without a name
      }
      if (!names.add(name)) {
        problems.error(YamlPaths.key(path, "role"), "the role " + name + " is declared twice");
        continue;
      }
      List<String> readColumns = null;
      List<String> masked = List.of();
      List<String> clear = List.of();
      String rowFilter = null;
      List<JsonNode> properties = Nodes.elements(role.path("customProperties"));
      for (int p = 0; p < properties.size(); p++) {
        String property = Nodes.text(properties.get(p), "property");
        JsonNode value = properties.get(p).path("value");
        String at = YamlPaths.index(YamlPaths.key(path, "customProperties"), p);
        if (property == null) {
          continue;
        }
        switch (property) {
          case ContractRole.READ_COLUMNS -> readColumns = columns(value, at, problems);
          case ContractRole.MASKED_COLUMNS -> masked = columns(value, at, problems);
          case ContractRole.CLEAR_COLUMNS -> clear = columns(value, at, problems);
          case ContractRole.ROW_FILTER -> rowFilter = filter(value, at, problems);
          default ->
              problems.notice(
                  at,
                  "custom property " + property + ": kept, not enforced (the access convention"
                      + " reads " + String.join(", ", KNOWN.stream().sorted().toList()) + ")");
        }
      }
      read.add(
          new ContractRole(
              name, Nodes.text(role, "access"), path, readColumns, masked, clear, rowFilter));
    }
    return read;
  }

  /** A list of column names: a YAML list, or text separated by commas. */
  private static List<String> columns(JsonNode value, String path, Problems problems) {
    List<String> columns = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        columns.add(item.asText().trim());
      }
    } else {
      for (String part : Nodes.asText(value).split(",")) {
        if (!part.isBlank()) {
          columns.add(part.trim());
        }
      }
    }
    if (columns.stream().anyMatch(String::isEmpty)) {
      problems.error(path, "a column name is empty");
    }
    return columns;
  }

  private static @Nullable String filter(JsonNode value, String path, Problems problems) {
    String text = value.isValueNode() ? value.asText() : null;
    if (text == null || text.isBlank()) {
      problems.error(path, "rowFilter must be an expression, e.g. \"region == 'EU'\"");
      return null;
    }
    return text.trim();
  }
}
