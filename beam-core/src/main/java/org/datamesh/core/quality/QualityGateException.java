package org.datamesh.core.quality;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Thrown by a run's commit step when an ERROR dataset check failed: the run is not published,
 * the manifest in force stays as it was, and the message names each failed check with its
 * measured value and threshold.
 *
 * <pre>{@code
 * run 20261121T053012Z-9f3a1c of sales.orders was not published: 1 error check failed
 *   orders: check row_count (ERROR) failed: rowCount measured 3 rows, must be > 1000 rows
 * The version in force stays; the run's report is quality/20261121T053012Z-9f3a1c/report.json.
 * }</pre>
 */
public final class QualityGateException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String runId;
  private final List<CheckResult> failed;

  public QualityGateException(String productId, String runId, List<CheckResult> failed) {
    super(message(productId, runId, failed));
    this.runId = runId;
    this.failed = List.copyOf(failed);
  }

  private static String message(String productId, String runId, List<CheckResult> failed) {
    StringBuilder text =
        new StringBuilder("run ")
            .append(runId)
            .append(" of ")
            .append(productId)
            .append(" was not published: ")
            .append(failed.size())
            .append(failed.size() == 1 ? " error check failed" : " error checks failed");
    failed.forEach(check -> text.append("\n  ").append(check.describe()));
    return text.append("\nThe version in force stays; the run's report is quality/")
        .append(runId)
        .append("/report.json.")
        .toString();
  }

  /**
   * The failed gate that made a run fail, found in what the runner threw (runners wrap a step's
   * exception in their own); empty when the run failed for another reason.
   */
  public static Optional<QualityGateException> in(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof QualityGateException gate) {
        return Optional.of(gate);
      }
    }
    return Optional.empty();
  }

  /** The run that was not published. */
  public String runId() {
    return runId;
  }

  /** The ERROR checks that failed. */
  public List<CheckResult> failed() {
    return failed;
  }
}
