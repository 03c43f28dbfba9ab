package org.datamesh.core.publish;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.core.quality.FailureSample;
import org.datamesh.core.quality.FrequentValue;
import org.datamesh.core.quality.HistoryCheck;
import org.datamesh.core.quality.TableQuality;

/**
 * A run's {@code quality/<run-id>/report.html}, for people: the same facts as {@code report.json}
 * (score, each check with its measured value and threshold, every metric, failure counts per
 * rule, anomalies, and for a refused run which checks failed) and a trend chart per table drawn
 * from the history. Rendered from the Mustache template {@code quality-report.mustache}, which
 * escapes every value (rule ids and check names come from contracts); styles are inline and
 * there is no script, so the file works opened from disk without a network.
 *
 * <p>It holds no clear value of a protected column: checks measure the published rows, after
 * protection, and the failure samples (a few quarantined records per rule) are taken from the
 * quarantine as written, whose payloads are encrypted whenever the product protects a column.
 */
final class QualityReportHtml {

  static final String FILE = "report.html";

  private static final Mustache TEMPLATE =
      new DefaultMustacheFactory("org/datamesh/core/publish").compile("quality-report.mustache");

  private QualityReportHtml() {}

  /**
   * The report of run {@code runId}; {@code history} holds the runs before it, which the trend
   * charts show with this one.
   */
  static byte[] render(
      DataProduct product,
      String runId,
      String createdAt,
      List<Manifest.Table> tables,
      Map<String, TableQuality> quality,
      Map<String, List<FailureSample>> samples,
      QualityHistory history) {
    List<CheckResult> all = new ArrayList<>();
    quality.values().forEach(q -> all.addAll(q.checks()));
    List<CheckResult> failed = all.stream().filter(CheckResult::blocks).toList();
    double score = TableQuality.score(all);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("product", product.id());
    model.put("version", product.version());
    model.put("runId", runId);
    model.put("createdAt", createdAt);
    model.put("passed", failed.isEmpty());
    model.put("score", percent(score));
    model.put("failed", failed.stream().map(QualityReportHtml::check).toList());
    List<TrendChart.Point> scores = new ArrayList<>();
    history.runs().forEach(
        r -> scores.add(new TrendChart.Point(r.runId(), 100 * r.score(), r.published(), false)));
    scores.add(new TrendChart.Point(runId, 100 * score, failed.isEmpty(), true));
    model.put(
        "scoreChart",
        TrendChart.of("score (percent of checks passed)", scores).withAxis(0, 100).model());
    List<Map<String, Object>> perTable = new ArrayList<>();
    for (Manifest.Table table : tables) {
      TableQuality found = quality.get(table.name());
      TableQuality checked =
          found == null ? new TableQuality(table.name(), Map.of(), List.of()) : found;
      Map<String, Object> tableModel = table(table, checked, history, runId, failed.isEmpty());
      tableModel.put(
          "samples",
          samples.getOrDefault(table.name(), List.of()).stream()
              .map(QualityReportHtml::sample)
              .toList());
      perTable.add(tableModel);
    }
    model.put("tables", perTable);
    StringWriter out = new StringWriter();
    TEMPLATE.execute(out, model);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> table(
      Manifest.Table table,
      TableQuality quality,
      QualityHistory history,
      String runId,
      boolean published) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", table.name());
    Manifest.Counts counts = table.counts();
    model.put("input", counts.input());
    model.put("published", counts.published());
    model.put("quarantined", counts.quarantined());
    model.put("deduplicated", counts.deduplicated());
    model.put("score", percent(quality.score()));
    List<Map<String, Object>> checks = new ArrayList<>();
    List<Map<String, Object>> anomalies = new ArrayList<>();
    for (CheckResult result : quality.checks()) {
      if (quality.isAnomaly(result)) {
        Map<String, Object> anomaly = check(result);
        anomaly.put(
            "strategy",
            quality.history().stream()
                .filter(h -> h.id().equals(result.id()))
                .map(HistoryCheck::description)
                .findFirst()
                .orElse(""));
        anomalies.add(anomaly);
      } else {
        checks.add(check(result));
      }
    }
    model.put("checks", checks);
    model.put("anomalies", anomalies);
    model.put("metrics", entries(quality.metrics()));
    model.put("topValues", topValues(quality, counts.published()));
    model.put("failuresByStage", entries(table.quality().failuresByStage()));
    model.put("failuresByRule", entries(table.quality().failuresByRule()));
    model.put("warningsByRule", entries(table.quality().warningsByRule()));
    List<Map<String, Object>> charts = new ArrayList<>();
    List<String> charted = new ArrayList<>();
    charted.add("rowCount");
    for (CheckResult result : quality.checks()) {
      if (quality.isAnomaly(result) && !charted.contains(result.metric())
          && quality.metrics().containsKey(result.metric())) {
        charted.add(result.metric());
      }
    }
    for (String metric : charted) {
      List<TrendChart.Point> points = new ArrayList<>();
      for (QualityHistory.Run run : history.runs()) {
        Map<String, Double> metrics = run.metrics().get(table.name());
        if (metrics != null) {
          points.add(new TrendChart.Point(run.runId(), metrics.get(metric), run.published(), false));
        }
      }
      points.add(new TrendChart.Point(runId, quality.metrics().get(metric), published, true));
      charts.add(TrendChart.of(metric + " of " + table.name(), points).model());
    }
    model.put("charts", charts);
    return model;
  }

  /** Each column's most common values with their share of the published rows. */
  private static List<Map<String, Object>> topValues(TableQuality quality, long published) {
    List<Map<String, Object>> columns = new ArrayList<>();
    quality.topValues().forEach(
        (column, values) -> {
          // a path through arrays counts its values, not the rows
          Double counted = quality.metrics().get("values(" + column + ")");
          double of = counted != null ? counted : column.contains("[]") ? 0 : published;
          List<Map<String, Object>> rows = new ArrayList<>();
          for (FrequentValue value : values) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("value", value.value());
            row.put(
                "count",
                (value.maxError() > 0 ? "at least " : "") + CheckResult.format(value.count()));
            row.put("share", of == 0 ? "" : CheckResult.format(100.0 * value.count() / of) + "%");
            rows.add(row);
          }
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("column", column);
          model.put("values", rows);
          columns.add(model);
        });
    return columns;
  }

  private static Map<String, Object> sample(FailureSample sample) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("stage", sample.stage());
    model.put("rule", sample.rules().get(0));
    model.put("source", sample.source() == null ? "" : sample.source());
    model.put("reason", sample.reason());
    model.put("payload", sample.payload() == null ? "" : sample.payload());
    return model;
  }

  private static Map<String, Object> check(CheckResult result) {
    Map<String, Object> model = new LinkedHashMap<>();
    String unit = result.unit().isEmpty() ? "" : " " + result.unit();
    model.put("id", result.id());
    model.put("table", result.table());
    model.put("metric", result.metric());
    model.put("severity", result.severity().toString());
    model.put(
        "measured",
        result.measured() == null ? "no value" : CheckResult.format(result.measured()) + unit);
    model.put("expectation", result.expectation() + unit);
    model.put("passed", result.passed());
    return model;
  }

  private static List<Map<String, Object>> entries(Map<String, ? extends Number> values) {
    List<Map<String, Object>> rows = new ArrayList<>();
    values.forEach(
        (name, value) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("name", name);
          row.put("value", CheckResult.format(value.doubleValue()));
          rows.add(row);
        });
    return rows;
  }

  private static String percent(double share) {
    return CheckResult.format(100 * share) + "%";
  }
}
