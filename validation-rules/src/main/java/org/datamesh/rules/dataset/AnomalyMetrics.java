package org.datamesh.rules.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datamesh.rules.dataset.anomaly.AnomalyStrategy;

/**
 * The metrics an anomaly check can watch, by the names reports give them, and the analyzers that
 * compute each: {@code rowCount}; {@code input}, {@code quarantined}, {@code deduplicated} (the
 * run's counts, always measured); {@code nullValues(c)}, {@code approxDistinct(c)}, {@code
 * min(c)}, {@code max(c)}, {@code mean(c)}, {@code stddev(c)}, {@code sum(c)}; {@code
 * duplicateValues(a,b)}.
 */
final class AnomalyMetrics {

  private static final Pattern CALL = Pattern.compile("([A-Za-z]+)\\((.+)\\)");

  private AnomalyMetrics() {}

  /** The check watching {@code metric} with {@code strategy}, ERROR, measured in its own unit. */
  static Check.Builder check(String metric, AnomalyStrategy strategy) {
    if (metric == null || strategy == null) {
      throw new IllegalArgumentException("an anomaly check needs a metric and a strategy");
    }
    String name = metric.replace(" ", "");
    Check.Builder builder =
        Check.builder(name, null)
            .setId(name + "." + strategy.name())
            .setAnomaly(strategy);
    switch (name) {
      case RowCount.METRIC:
        return builder.setDenominator(List.of());
      case DatasetChecks.INPUT:
        return builder.setDenominator(List.of()).setAnalyzers(List.of());
      case FailureMetrics.QUARANTINED:
      case DatasetChecks.DEDUPLICATED:
        return builder.setDenominator(List.of(DatasetChecks.INPUT)).setAnalyzers(List.of());
      default:
        break;
    }
    Matcher call = CALL.matcher(name);
    if (!call.matches()) {
      throw unknown(metric);
    }
    String column = call.group(2);
    switch (call.group(1)) {
      case "nullValues":
        ValueCount nulls = ValueCount.nulls(column);
        return builder.setCounted(List.of(nulls.metric())).setAnalyzers(List.of(new RowCount(), nulls));
      case "duplicateValues":
        List<String> columns = Arrays.asList(column.split(","));
        return builder
            .setMetric(KeyDuplicates.metric(columns))
            .setCounted(List.of(KeyDuplicates.metric(columns)))
            .setDuplicateKeys(List.of(List.copyOf(columns)));
      case "approxDistinct":
        return values(builder, new DistinctCount(column));
      case "min":
      case "max":
      case "mean":
      case "stddev":
      case "sum":
        return values(builder, new Statistics(column));
      default:
        throw unknown(metric);
    }
  }

  private static Check.Builder values(Check.Builder builder, Analyzer<?> analyzer) {
    return builder
        .setDenominator(List.of())
        .setUnit(Check.Unit.VALUE)
        .setAnalyzers(List.of(analyzer));
  }

  private static IllegalArgumentException unknown(String metric) {
    return new IllegalArgumentException(
        "an anomaly check cannot watch the metric " + metric + "; it watches rowCount, input,"
            + " quarantined, deduplicated, nullValues(c), duplicateValues(a,b), approxDistinct(c),"
            + " min(c), max(c), mean(c), stddev(c) or sum(c)");
  }
}
