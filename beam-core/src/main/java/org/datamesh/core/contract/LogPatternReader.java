package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.parse.LogPattern;

/**
 * Reads the schema object's custom property {@code logPattern}, the regular expression log lines
 * are read with ({@code indirectSources} is {@link IndirectSources}'s). It is compiled here so that a
 * broken expression is a contract problem at its line, not a failure when the product runs.
 */
final class LogPatternReader {

  private LogPatternReader() {}

  /**
   * The object's {@code logPattern}, checked to compile; custom properties other than it and
   * {@code indirectSources} are reported as not supported yet.
   */
  static @Nullable String read(JsonNode entries, String path, Problems problems) {
    String logPattern = null;
    boolean seen = false;
    List<JsonNode> list = Nodes.elements(entries);
    for (int i = 0; i < list.size(); i++) {
      String entryPath = YamlPaths.index(path, i);
      String property = Nodes.text(list.get(i), "property");
      if (property == null) {
        continue; // the JSON Schema has reported it
      }
      if (property.equals(IndirectSources.PROPERTY)) {
        continue; // read by IndirectSources
      }
      if (!property.equals(DataContract.LOG_PATTERN_PROPERTY)) {
        problems.notice(entryPath, "custom property " + property + ": not supported yet");
        continue;
      }
      String valuePath = YamlPaths.key(entryPath, "value");
      String regex = Nodes.text(list.get(i), "value");
      if (seen) {
        problems.error(entryPath, "logPattern is declared twice; keep one");
        continue;
      }
      seen = true;
      if (regex == null || regex.isEmpty()) {
        problems.error(valuePath, "logPattern must be a regular expression (text) with named groups");
      } else {
        try {
          LogPattern.of(regex);
          logPattern = regex;
        } catch (IllegalArgumentException e) {
          problems.error(valuePath, "logPattern " + e.getMessage());
        }
      }
    }
    return logPattern;
  }

}
