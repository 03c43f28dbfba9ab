package org.datamesh.core.quality;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the dataset checks of one table of a run found: every metric computed, and each check's
 * result. {@code PublishDataProduct} takes it as the table's quality and refuses to commit a run
 * in which one ERROR check failed (the quality gate).
 *
 * <pre>{@code
 * TableQuality quality = ...;       // from DatasetChecks
 * quality.metrics().get("rowCount"); // 1250.0
 * quality.blocking();               // the ERROR checks that failed
 * }</pre>
 *
 * @param table the table's name in the manifest
 * @param metrics each metric by name ({@code rowCount}, {@code nullValues(email)}, ...), sorted
 * @param checks the checks' results, in the order the checks were declared; the results of
 *     {@code history} checks follow once they are judged ({@link #judgedAgainst})
 * @param history checks judged against past runs (anomalies) by the commit step, which reads
 *     the product's history; empty when the table has none
 * @param topValues the most common published values of each column a check asked about, most
 *     common first; reported, never kept in the history
 */
public record TableQuality(
    String table,
    Map<String, Double> metrics,
    List<CheckResult> checks,
    List<HistoryCheck> history,
    Map<String, List<FrequentValue>> topValues)
    implements Serializable {

  public TableQuality {
    metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    checks = List.copyOf(checks);
    history = List.copyOf(history);
    TreeMap<String, List<FrequentValue>> top = new TreeMap<>();
    if (topValues != null) { // null when read from a form written before top values existed
      topValues.forEach((column, values) -> top.put(column, List.copyOf(values)));
    }
    topValues = Collections.unmodifiableMap(top);
  }

  /** What checks found, without values of columns. */
  public TableQuality(
      String table, Map<String, Double> metrics, List<CheckResult> checks, List<HistoryCheck> history) {
    this(table, metrics, checks, history, Map.of());
  }

  /** What checks without history checks found. */
  public TableQuality(String table, Map<String, Double> metrics, List<CheckResult> checks) {
    this(table, metrics, checks, List.of());
  }

  /**
   * Returns this table's quality with every history check judged against {@code past} (the
   * table's metrics in earlier published runs, oldest first) and its result added to {@link
   * #checks}; unchanged when they were judged already.
   */
  public TableQuality judgedAgainst(List<Map<String, Double>> past) {
    if (history.isEmpty() || checks.stream().anyMatch(this::isAnomaly)) {
      return this;
    }
    List<CheckResult> all = new ArrayList<>(checks);
    history.forEach(check -> all.add(check.judge(table, metrics, past)));
    return new TableQuality(table, metrics, all, history, topValues);
  }

  /** Whether {@code result} is the result of one of this table's history checks. */
  public boolean isAnomaly(CheckResult result) {
    return history.stream().anyMatch(check -> check.id().equals(result.id()));
  }

  /** The share of checks that passed, from 0 to 1; 1 when there are no checks. */
  public double score() {
    return score(checks);
  }

  /** The ERROR checks that failed; the run is not published when there is one. */
  public List<CheckResult> blocking() {
    return checks.stream().filter(CheckResult::blocks).toList();
  }

  /** The share of {@code checks} that passed, from 0 to 1; 1 when there are none. */
  public static double score(List<CheckResult> checks) {
    if (checks.isEmpty()) {
      return 1.0;
    }
    long passed = checks.stream().filter(CheckResult::passed).count();
    return (double) passed / checks.size();
  }
}
