package org.datamesh.rules.dataset;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import org.datamesh.core.quality.CheckResult;

/**
 * What a measured value must be: one of ODCS's comparison operators and its threshold. {@code
 * mustBeBetween} includes both bounds; {@code mustNotBeBetween} excludes both.
 *
 * <pre>{@code
 * Comparison.mustBeLessOrEqualTo(5).test(4.9);     // true
 * Comparison.mustBeBetween(10, 20).expectation();  // "between 10 and 20"
 * }</pre>
 */
public record Comparison(Operator operator, double threshold, double upper)
    implements Serializable {

  /** ODCS's operators, by their contract names. */
  public enum Operator {
    MUST_BE("mustBe"),
    MUST_NOT_BE("mustNotBe"),
    MUST_BE_GREATER_THAN("mustBeGreaterThan"),
    MUST_BE_GREATER_OR_EQUAL_TO("mustBeGreaterOrEqualTo"),
    MUST_BE_LESS_THAN("mustBeLessThan"),
    MUST_BE_LESS_OR_EQUAL_TO("mustBeLessOrEqualTo"),
    MUST_BE_BETWEEN("mustBeBetween"),
    MUST_NOT_BE_BETWEEN("mustNotBeBetween");

    private final String odcsName;

    Operator(String odcsName) {
      this.odcsName = odcsName;
    }

    /** The operator's key in an ODCS quality entry. */
    public String odcsName() {
      return odcsName;
    }
  }

  public static Comparison mustBe(double value) {
    return new Comparison(Operator.MUST_BE, value, value);
  }

  public static Comparison mustNotBe(double value) {
    return new Comparison(Operator.MUST_NOT_BE, value, value);
  }

  public static Comparison mustBeGreaterThan(double value) {
    return new Comparison(Operator.MUST_BE_GREATER_THAN, value, value);
  }

  public static Comparison mustBeGreaterOrEqualTo(double value) {
    return new Comparison(Operator.MUST_BE_GREATER_OR_EQUAL_TO, value, value);
  }

  public static Comparison mustBeLessThan(double value) {
    return new Comparison(Operator.MUST_BE_LESS_THAN, value, value);
  }

  public static Comparison mustBeLessOrEqualTo(double value) {
    return new Comparison(Operator.MUST_BE_LESS_OR_EQUAL_TO, value, value);
  }

  /** Between {@code min} and {@code max}, both included. */
  public static Comparison mustBeBetween(double min, double max) {
    return range(Operator.MUST_BE_BETWEEN, min, max);
  }

  /** Below {@code min} or above {@code max}. */
  public static Comparison mustNotBeBetween(double min, double max) {
    return range(Operator.MUST_NOT_BE_BETWEEN, min, max);
  }

  private static Comparison range(Operator operator, double min, double max) {
    if (min > max) {
      throw new IllegalArgumentException(
          operator.odcsName() + " needs the smaller number first: " + min + ", " + max);
    }
    return new Comparison(operator, min, max);
  }

  /**
   * The comparison an ODCS quality entry declares, from its thresholds as the contract loader
   * reads them ({@code mustBe}, ..., {@code mustBeBetween.min} and {@code .max}); null when it
   * declares none or more than one.
   */
  static Comparison fromOdcs(Map<String, BigDecimal> thresholds) {
    Comparison found = null;
    int operators = 0;
    for (Operator operator : Operator.values()) {
      String name = operator.odcsName();
      BigDecimal single = thresholds.get(name);
      BigDecimal min = thresholds.get(name + ".min");
      BigDecimal max = thresholds.get(name + ".max");
      if (single != null) {
        found = new Comparison(operator, single.doubleValue(), single.doubleValue());
        operators++;
      } else if (min != null && max != null) {
        found = range(operator, min.doubleValue(), max.doubleValue());
        operators++;
      }
    }
    return operators == 1 ? found : null;
  }

  /** Whether {@code measured} meets this comparison. */
  public boolean test(double measured) {
    switch (operator) {
      case MUST_BE:
        return measured == threshold;
      case MUST_NOT_BE:
        return measured != threshold;
      case MUST_BE_GREATER_THAN:
        return measured > threshold;
      case MUST_BE_GREATER_OR_EQUAL_TO:
        return measured >= threshold;
      case MUST_BE_LESS_THAN:
        return measured < threshold;
      case MUST_BE_LESS_OR_EQUAL_TO:
        return measured <= threshold;
      case MUST_BE_BETWEEN:
        return measured >= threshold && measured <= upper;
      default:
        return measured < threshold || measured > upper;
    }
  }

  /** What follows "must be": {@code 0}, {@code not 0}, {@code > 1000}, {@code between 1 and 5}. */
  public String expectation() {
    String value = CheckResult.format(threshold);
    switch (operator) {
      case MUST_BE:
        return value;
      case MUST_NOT_BE:
        return "not " + value;
      case MUST_BE_GREATER_THAN:
        return "> " + value;
      case MUST_BE_GREATER_OR_EQUAL_TO:
        return ">= " + value;
      case MUST_BE_LESS_THAN:
        return "< " + value;
      case MUST_BE_LESS_OR_EQUAL_TO:
        return "<= " + value;
      case MUST_BE_BETWEEN:
        return "between " + value + " and " + CheckResult.format(upper);
      default:
        return "not between " + value + " and " + CheckResult.format(upper);
    }
  }
}
