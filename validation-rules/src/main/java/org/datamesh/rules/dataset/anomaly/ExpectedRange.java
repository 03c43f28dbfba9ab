package org.datamesh.rules.dataset.anomaly;

import java.io.Serializable;
import org.datamesh.core.quality.CheckResult;

/**
 * The values a metric may take in this run without being an anomaly, both bounds included.
 *
 * <pre>{@code
 * new ExpectedRange(500, 2000).contains(2000);  // true
 * new ExpectedRange(500, 2000).expectation();   // "between 500 and 2000"
 * }</pre>
 */
public record ExpectedRange(double lower, double upper) implements Serializable {

  public ExpectedRange {
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException(
          "an expected range needs lower <= upper, found " + lower + " and " + upper);
    }
  }

  /** The range between two bounds in either order. */
  static ExpectedRange between(double a, double b) {
    return new ExpectedRange(Math.min(a, b), Math.max(a, b));
  }

  /** Whether {@code value} is inside the range (not an anomaly). */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  /** What follows "must be" in a check's line. */
  public String expectation() {
    return lower == upper
        ? CheckResult.format(lower)
        : "between " + CheckResult.format(lower) + " and " + CheckResult.format(upper);
  }
}
