package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Reads ODCS {@code quality} entries into {@link QualityRule}s. */
final class QualityRules {

  private static final List<String> SINGLE_OPERATORS =
      List.of(
          "mustBe",
          "mustNotBe",
          "mustBeGreaterThan",
          "mustBeGreaterOrEqualTo",
          "mustBeLessThan",
          "mustBeLessOrEqualTo");
  private static final List<String> RANGE_OPERATORS = List.of("mustBeBetween", "mustNotBeBetween");

  private static final Set<String> READ =
      Set.of(
          "type", "name", "metric", "rule", "severity", "description", "arguments", "unit",
          "dimension", "mustBe", "mustNotBe", "mustBeGreaterThan", "mustBeGreaterOrEqualTo",
          "mustBeLessThan", "mustBeLessOrEqualTo", "mustBeBetween", "mustNotBeBetween", "query");
  // A custom rule's body is covered by the notice about its type; a CEL rule's (engine: cel) is
  // read and run on each record, a sql rule's query run with Beam SQL as a dataset check.
  private static final Set<String> DOCUMENTATION =
      Set.of(
          "id", "businessImpact", "method", "schedule", "scheduler", "tags", "engine",
          "implementation");

  private QualityRules() {}

  /**
   * @param path the path of the {@code quality} sequence
   * @param field the property the rules are declared on; null for the object's rules
   */
  static List<QualityRule> read(
      JsonNode quality, String path, @Nullable String field, Problems problems) {
    List<QualityRule> rules = new ArrayList<>();
    List<JsonNode> entries = Nodes.elements(quality);
    for (int i = 0; i < entries.size(); i++) {
      rules.add(rule(entries.get(i), YamlPaths.index(path, i), field, problems));
    }
    return rules;
  }

  private static QualityRule rule(
      JsonNode entry, String path, @Nullable String field, Problems problems) {
    String type = Nodes.text(entry, "type");
    if (type == null) {
      type = "library";
    }
    String engine = Nodes.text(entry, "engine");
    boolean cel = "custom".equals(type) && engine != null && engine.trim().equalsIgnoreCase(QualityRule.CEL_ENGINE);
    boolean anomaly =
        "custom".equals(type)
            && engine != null
            && (engine.trim().equalsIgnoreCase(QualityRule.ANOMALY_ENGINE)
                || engine.trim().equalsIgnoreCase(QualityRule.METRIC_ENGINE));
    boolean sql = "sql".equals(type) && Nodes.text(entry, "query") != null;
    if (!"library".equals(type) && !cel && !anomaly && !sql) {
      problems.notice(path, "a quality rule of type " + type + ": kept, not enforced yet");
    }
    Nodes.reportUnsupported(entry, path, READ, DOCUMENTATION, problems);
    Map<String, Object> arguments = new LinkedHashMap<>();
    entry.path("arguments").fields()
        .forEachRemaining(e -> arguments.put(e.getKey(), Nodes.toJava(e.getValue())));
    return new QualityRule(
        path,
        field,
        type,
        Nodes.text(entry, "name"),
        Nodes.text(entry, "metric"),
        Nodes.text(entry, "rule"),
        Nodes.text(entry, "severity"),
        Nodes.text(entry, "description"),
        arguments,
        thresholds(entry, path, problems),
        Nodes.text(entry, "unit"),
        Nodes.text(entry, "dimension"),
        engine,
        Nodes.text(entry, "implementation"),
        "sql".equals(type) ? Nodes.text(entry, "query") : null);
  }

  private static Map<String, BigDecimal> thresholds(JsonNode entry, String path, Problems problems) {
    Map<String, BigDecimal> thresholds = new LinkedHashMap<>();
    for (String operator : SINGLE_OPERATORS) {
      JsonNode value = entry.get(operator);
      if (value == null) {
        continue;
      }
      BigDecimal number = Nodes.decimal(value);
      if (number == null) {
        problems.notice(YamlPaths.key(path, operator), "a threshold that is not a number: not supported yet");
      } else {
        thresholds.put(operator, number);
      }
    }
    for (String operator : RANGE_OPERATORS) {
      JsonNode range = entry.get(operator);
      if (range == null) {
        continue;
      }
      BigDecimal min = range.size() == 2 ? Nodes.decimal(range.get(0)) : null;
      BigDecimal max = range.size() == 2 ? Nodes.decimal(range.get(1)) : null;
      if (min == null || max == null) {
        problems.error(YamlPaths.key(path, operator), "must be two numbers, the smaller first");
      } else {
        thresholds.put(operator + ".min", min);
        thresholds.put(operator + ".max", max);
      }
    }
    return thresholds;
  }
}
