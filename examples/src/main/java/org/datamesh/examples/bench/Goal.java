package org.datamesh.examples.bench;

import java.util.Locale;

/**
 * A scenario's goal on its ratio ({@code >= 0.5}, {@code <= 1.0}), or "completes" for a scenario
 * that has no baseline.
 */
record Goal(String operator, double bound) {

  static final Goal COMPLETES = new Goal("completes", Double.NaN);

  static Goal atLeast(double bound) {
    return new Goal(">=", bound);
  }

  static Goal atMost(double bound) {
    return new Goal("<=", bound);
  }

  /** Whether {@code ratio} meets the goal; "completes" is met by any finished run. */
  boolean isMetBy(Double ratio) {
    switch (operator) {
      case ">=":
        return ratio != null && ratio >= bound;
      case "<=":
        return ratio != null && ratio <= bound;
      default:
        return true;
    }
  }

  @Override
  public String toString() {
    return this == COMPLETES ? operator : String.format(Locale.ROOT, "%s %s", operator, bound);
  }
}
