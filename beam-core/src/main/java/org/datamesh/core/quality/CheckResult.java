package org.datamesh.core.quality;

import java.io.Serializable;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Severity;

/**
 * The outcome of one dataset check of one run: what it measured and what it expected.
 *
 * <pre>{@code
 * // check email.null_share on orders: nullValues(email) measured 12.5 percent, must be <= 5 percent
 * result.passed();    // false
 * result.measured();  // 12.5
 * }</pre>
 *
 * @param id the check's id, unique within its table
 * @param table the table the check judged
 * @param metric the metric the check reads, e.g. {@code nullValues(email)}
 * @param severity ERROR stops the run's publication when the check fails; WARN reports it
 * @param measured the measured value in the check's unit; null when the metric had no value
 *     (the minimum of a column without values)
 * @param unit {@code rows}, {@code percent}, or empty for a plain value (a mean, say)
 * @param expectation the threshold, e.g. {@code <= 5}, {@code between 10 and 20}
 * @param passed whether the measured value meets the expectation
 */
public record CheckResult(
    String id,
    String table,
    String metric,
    Severity severity,
    @Nullable Double measured,
    String unit,
    String expectation,
    boolean passed)
    implements Serializable {

  /** Whether this is an ERROR check that failed: one is enough to stop the publication. */
  public boolean blocks() {
    return !passed && severity == Severity.ERROR;
  }

  /**
   * One line saying what was measured against what: no value of a record, only the metric.
   *
   * <pre>{@code
   * orders: check email.null_share (ERROR) failed: nullValues(email) measured 12.5 percent, must be <= 5 percent
   * }</pre>
   */
  public String describe() {
    String suffix = unit.isEmpty() ? "" : " " + unit;
    String value = measured == null ? "no value" : format(measured) + suffix;
    return table + ": check " + id + " (" + severity + ") " + (passed ? "passed" : "failed") + ": "
        + metric + " measured " + value + ", must be " + expectation + suffix;
  }

  /** A number as people write it: integers without a fraction, others with up to 4 decimals. */
  public static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.valueOf((long) value);
    }
    String text = String.format(Locale.ROOT, "%.4f", value);
    return text.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
