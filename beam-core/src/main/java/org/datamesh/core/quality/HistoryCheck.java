package org.datamesh.core.quality;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A dataset check judged against the product's past runs rather than a fixed threshold: an
 * anomaly check ("the row count may not halve from one run to the next"). The run's metrics are
 * computed with the other checks; the check itself is judged in the commit step, which holds the
 * product's folder and reads {@code quality/history.jsonl} once for every such check of the run.
 *
 * <pre>{@code
 * CheckResult result = check.judge("orders", metrics, pastMetrics);
 * result.passed();  // false when the metric left the range the past runs allow
 * }</pre>
 *
 * <p>Its result is an ordinary {@link CheckResult}: an ERROR one that fails stops publication
 * exactly like a failed threshold check.
 */
public interface HistoryCheck extends Serializable {

  /** The check's id, unique within its table. */
  String id();

  /** What the check compares, for the report: "relative rate of change ... of rowCount". */
  default String description() {
    return id();
  }

  /**
   * This check's result for one run.
   *
   * @param table the table judged
   * @param metrics this run's metrics of the table
   * @param past the table's metrics in earlier published runs, oldest first (empty when none)
   */
  CheckResult judge(String table, Map<String, Double> metrics, List<Map<String, Double>> past);
}
