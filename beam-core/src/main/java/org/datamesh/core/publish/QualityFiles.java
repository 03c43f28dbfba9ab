package org.datamesh.core.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.core.quality.FailureSample;
import org.datamesh.core.quality.TableQuality;

/**
 * A run's quality files: {@code quality/<run-id>/report.json} (every metric and check of every
 * table, written whether or not the gate let the run publish) and {@code quality/history.jsonl}
 * (one line per run: its metrics, for comparing runs).
 *
 * <p>The history is rewritten whole (the lines read, this run's line replaced or added), through
 * {@link AtomicFiles}: a new object on an object store, a rename on a local disk, under the
 * product's commit lock there. Object stores cannot append, and have no lock: two runs of one
 * product finishing at the same moment on S3 can lose one of their lines (the last write wins);
 * each run's report keeps the same metrics, so the line can be rebuilt from it.
 */
final class QualityFiles {

  static final String FOLDER = "quality";
  static final String REPORT = "report.json";
  static final String HISTORY = "history.jsonl";

  private static final ObjectMapper LINE = new ObjectMapper();

  private QualityFiles() {}

  /**
   * The run's report: gate, score, and per table its counts, checks, metrics and a few
   * quarantined records per rule ({@link FailureSamples}).
   */
  static byte[] report(
      DataProduct product,
      String runId,
      String createdAt,
      List<Manifest.Table> tables,
      Map<String, TableQuality> quality,
      Map<String, List<FailureSample>> samples) {
    List<CheckResult> all = new ArrayList<>();
    quality.values().forEach(q -> all.addAll(q.checks()));
    List<String> failed = all.stream().filter(CheckResult::blocks).map(CheckResult::describe).toList();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("product", product.id());
    report.put("version", product.version());
    report.put("runId", runId);
    report.put("createdAt", createdAt);
    report.put("gate", failed.isEmpty() ? "passed" : "failed");
    report.put("published", failed.isEmpty());
    report.put("score", TableQuality.score(all));
    report.put("failedChecks", failed);
    List<Map<String, Object>> perTable = new ArrayList<>();
    for (Manifest.Table table : tables) {
      TableQuality found = quality.get(table.name());
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", table.name());
      entry.put("counts", table.counts());
      entry.put("score", found == null ? 1.0 : found.score());
      entry.put("checks", found == null ? List.of() : found.checks());
      entry.put(
          "anomalyChecks",
          found == null ? List.of() : found.history().stream().map(h -> h.id()).toList());
      entry.put("metrics", found == null ? Map.of() : found.metrics());
      entry.put("topValues", found == null ? Map.of() : found.topValues());
      entry.put("failuresByStage", table.quality().failuresByStage());
      entry.put("failuresByRule", table.quality().failuresByRule());
      entry.put("warningsByRule", table.quality().warningsByRule());
      entry.put("failureSamples", samples.getOrDefault(table.name(), List.of()));
      perTable.add(entry);
    }
    report.put("tables", perTable);
    try {
      return Manifest.JSON.writeValueAsBytes(report);
    } catch (IOException e) {
      throw new IllegalStateException("a quality report could not be written as JSON", e);
    }
  }

  /** The run's line of the history: when, whether it published, and each table's metrics. */
  static String historyLine(
      String runId, String at, boolean published, Map<String, TableQuality> quality) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("runId", runId);
    line.put("at", at);
    line.put("published", published);
    List<CheckResult> all = new ArrayList<>();
    Map<String, Object> tables = new LinkedHashMap<>();
    quality.forEach(
        (name, q) -> {
          all.addAll(q.checks());
          Map<String, Object> table = new LinkedHashMap<>();
          table.put("score", q.score());
          table.put("metrics", q.metrics());
          tables.put(name, table);
        });
    line.put("score", TableQuality.score(all));
    line.put("tables", tables);
    try {
      return LINE.writeValueAsString(line);
    } catch (IOException e) {
      throw new IllegalStateException("a quality history line could not be written as JSON", e);
    }
  }

  /** Writes the report to {@code quality/<run-id>/report.json}, replacing a retried bundle's. */
  static void writeReport(ResourceId productDirectory, String runId, byte[] report)
      throws IOException {
    write(productDirectory, runId, REPORT, report);
  }

  /** Writes {@code content} to {@code quality/<run-id>/<name>}, replacing a retried bundle's. */
  static void write(ResourceId productDirectory, String runId, String name, byte[] content)
      throws IOException {
    ResourceId target =
        productDirectory
            .resolve(FOLDER, StandardResolveOptions.RESOLVE_DIRECTORY)
            .resolve(runId, StandardResolveOptions.RESOLVE_DIRECTORY)
            .resolve(name, StandardResolveOptions.RESOLVE_FILE);
    AtomicFiles.write(target, content, () -> {});
  }

  /** The product's history, read once, without the line of {@code runId} itself. */
  static QualityHistory readHistory(ResourceId productDirectory, String runId) throws IOException {
    ResourceId file =
        productDirectory
            .resolve(FOLDER, StandardResolveOptions.RESOLVE_DIRECTORY)
            .resolve(HISTORY, StandardResolveOptions.RESOLVE_FILE);
    return QualityHistory.parse(readLines(file), runId);
  }

  /**
   * Puts {@code line} into the history in place of any earlier line of the same run (a retried
   * commit writes its line once), after every other line.
   */
  static void recordHistory(
      ResourceId productDirectory, String runId, String line, AtomicFiles.BeforeRename check)
      throws IOException {
    ResourceId target =
        productDirectory
            .resolve(FOLDER, StandardResolveOptions.RESOLVE_DIRECTORY)
            .resolve(HISTORY, StandardResolveOptions.RESOLVE_FILE);
    StringBuilder text = new StringBuilder();
    for (String old : readLines(target)) {
      if (!old.isBlank() && !runId.equals(runIdOf(old))) {
        text.append(old).append('\n');
      }
    }
    text.append(line).append('\n');
    AtomicFiles.write(target, text.toString().getBytes(StandardCharsets.UTF_8), check);
  }

  /** The history's lines, oldest first; none when there is no history yet. */
  static List<String> readLines(ResourceId history) throws IOException {
    MatchResult match = FileSystems.match(history.toString(), EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
      return List.of();
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(history))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
  }

  private static String runIdOf(String line) {
    try {
      JsonNode node = LINE.readTree(line);
      return node == null ? "" : node.path("runId").asText("");
    } catch (IOException e) {
      return ""; // a line that is not JSON is kept as it is
    }
  }
}
