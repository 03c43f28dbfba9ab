package org.datamesh.core.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A product's {@code quality/history.jsonl} as read once by a run's commit step: what anomaly
 * checks compare this run with, and what the report's trend chart draws.
 *
 * <pre>{@code
 * QualityHistory history = QualityHistory.parse(QualityFiles.readLines(file), runId);
 * history.pastMetrics("orders");  // the table's metrics in earlier published runs, oldest first
 * }</pre>
 *
 * <p>Only published runs are a baseline for anomalies: a run the gate refused was never in
 * force, and counting it would let a repeat of the same bad data look normal. A line that is not
 * JSON, and the line of the run itself (a retried commit), are left out.
 */
final class QualityHistory {

  /** One earlier run: when, whether it published, its score, and each table's metrics. */
  record Run(
      String runId,
      String at,
      boolean published,
      double score,
      Map<String, Map<String, Double>> metrics) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Run> runs;

  private QualityHistory(List<Run> runs) {
    this.runs = List.copyOf(runs);
  }

  static QualityHistory parse(List<String> lines, String currentRunId) {
    List<Run> runs = new ArrayList<>();
    for (String line : lines) {
      Run run = parseLine(line);
      if (run != null && !run.runId().equals(currentRunId)) {
        runs.add(run);
      }
    }
    return new QualityHistory(runs);
  }

  /** Every earlier run, published or not, oldest first. */
  List<Run> runs() {
    return runs;
  }

  /** {@code table}'s metrics in earlier published runs that measured it, oldest first. */
  List<Map<String, Double>> pastMetrics(String table) {
    List<Map<String, Double>> past = new ArrayList<>();
    for (Run run : runs) {
      Map<String, Double> metrics = run.metrics().get(table);
      if (run.published() && metrics != null) {
        past.add(metrics);
      }
    }
    return past;
  }

  private static Run parseLine(String line) {
    if (line.isBlank()) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      return null; // kept in the file as it is, but nothing to compare with
    }
    if (node == null || !node.isObject()) {
      return null;
    }
    Map<String, Map<String, Double>> tables = new LinkedHashMap<>();
    node.path("tables")
        .fields()
        .forEachRemaining(
            table -> {
              Map<String, Double> metrics = new TreeMap<>();
              table.getValue()
                  .path("metrics")
                  .fields()
                  .forEachRemaining(
                      m -> {
                        if (m.getValue().isNumber()) {
                          metrics.put(m.getKey(), m.getValue().doubleValue());
                        }
                      });
              tables.put(table.getKey(), metrics);
            });
    return new Run(
        node.path("runId").asText(""),
        node.path("at").asText(""),
        node.path("published").asBoolean(false),
        node.path("score").asDouble(1.0),
        tables);
  }
}
