package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads {@code servers} into {@link OutputPort}s. Only the server types a product can be published
 * to today (local, s3, kafka) become ports; the others are reported as not supported yet.
 */
final class OutputPorts {

  private static final Set<String> COMMON = Set.of("server", "type", "environment", "format");
  private static final Set<String> DOCUMENTATION = Set.of("id", "description");
  private static final Map<String, Set<String>> READ_BY_TYPE =
      Map.of(
          "local", union(COMMON, Set.of("path")),
          "s3", union(COMMON, Set.of("location")),
          "kafka", union(COMMON, Set.of("host")));

  private OutputPorts() {}

  /** @param topic the Kafka topic: the schema object's physical name, or its name */
  static List<OutputPort> read(JsonNode servers, @Nullable String topic, Problems problems) {
    List<OutputPort> ports = new ArrayList<>();
    List<JsonNode> entries = Nodes.elements(servers);
    for (int i = 0; i < entries.size(); i++) {
      JsonNode server = entries.get(i);
      String path = YamlPaths.index("servers", i);
      String type = Nodes.text(server, "type");
      if (type == null) {
        continue; // the JSON Schema has reported the missing or non-text type, or the entry's shape
      }
      Set<String> read = READ_BY_TYPE.get(type);
      if (read == null) {
        problems.notice(path, "server type " + type + ": not supported yet, not an output port");
        continue;
      }
      Nodes.reportUnsupported(server, path, read, DOCUMENTATION, problems);
      String name = Nodes.text(server, "server");
      ports.add(
          new OutputPort(
              name == null ? "" : name,
              type,
              Nodes.text(server, "local".equals(type) ? "path" : "location"),
              Nodes.text(server, "format"),
              "kafka".equals(type) ? topic : null,
              Nodes.text(server, "host"),
              Nodes.text(server, "environment")));
    }
    return ports;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    return Set.copyOf(union);
  }
}
