package org.datamesh.rules.dataset;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.QualityRule;

/**
 * The dataset check a contract declares on a metric ODCS's library does not name: a {@code
 * quality} entry of {@code type: custom} whose {@code engine} is {@value
 * QualityRule#METRIC_ENGINE} and whose {@code implementation} is {@code <metric> <op> <value>}.
 * Valid ODCS v3: a custom entry needs only an engine and an implementation, and carries no
 * comparison of its own, hence the operator in the text.
 *
 * <pre>{@code
 * properties:
 *   - name: amount
 *     quality:
 *       - {type: custom, engine: datamesh-metric, implementation: "quantile(0.95) < 5000"}
 *       - {type: custom, engine: datamesh-metric, implementation: "mean between 10 and 200"}
 *   - name: order_ts
 *     quality:
 *       - type: custom
 *         engine: datamesh-metric
 *         name: orders_fresh          # the check's id (else its metric)
 *         severity: warning           # error (the default) gates the run
 *         implementation: "freshness <= PT36H"
 * }</pre>
 *
 * <p>Metrics: {@code quantile(q)}, {@code min}, {@code max}, {@code mean}, {@code stddev}, {@code
 * sum}, {@code approxDistinct}, {@code mostCommon} (rows holding the most common value; {@code
 * unit: percent} makes it a share of the rows) and {@code freshness} (an ISO-8601 duration or seconds, with
 * {@code <} or {@code <=}) on a property; on the object, the column comes first: {@code
 * quantile(amount, 0.5)}, {@code freshness(order_ts)}. Operators: {@code <}, {@code <=}, {@code >},
 * {@code >=}, {@code ==}, {@code !=}, {@code between a and b}, {@code not between a and b}. And
 * {@code topValues(3) in (shipped, pending, cancelled)}: the 3 most common values are all listed
 * (quotes optional; on the object {@code topValues(status, 3) in (...)}).
 */
final class ContractMetrics {

  private static final Pattern IMPLEMENTATION =
      Pattern.compile(
          "\\s*([A-Za-z]+)\\s*(?:\\(([^)]*)\\))?\\s*"
              + "(<=|>=|==|!=|<|>|not\\s+between|between)\\s*(\\S+)(?:\\s+and\\s+(\\S+))?\\s*",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern TOP_VALUES =
      Pattern.compile(
          "\\s*topValues\\s*(?:\\(([^)]*)\\))?\\s*in\\s*(?:\\((.*)\\)|\\[(.*)\\])\\s*", Pattern.CASE_INSENSITIVE);

  private ContractMetrics() {}

  /**
   * The check {@code rule} declares on {@code column} (null for the object's rules); throws
   * {@link IllegalArgumentException} saying what is wrong with it.
   */
  static Check check(QualityRule rule, @Nullable String column) {
    String text = rule.implementation();
    Matcher top = text == null ? null : TOP_VALUES.matcher(text);
    if (top != null && top.matches()) {
      if (rule.unit() != null) {
        throw new IllegalArgumentException("topValues counts values, it has no unit");
      }
      return ContractChecks.asDeclared(topValuesIn(top, column), rule);
    }
    Matcher parts = text == null ? null : IMPLEMENTATION.matcher(text);
    if (parts == null || !parts.matches()) {
      throw new IllegalArgumentException(
          "a datamesh-metric check's implementation reads <metric> <op> <value>, e.g."
              + " \"quantile(0.95) < 5000\" or \"freshness <= PT24H\", or topValues(<k>) in (<values>)");
    }
    String metric = parts.group(1);
    Arguments arguments = new Arguments(metric, parts.group(2), column);
    String op = parts.group(3).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Check check;
    if (metric.equals("freshness")) {
      if (rule.unit() != null) {
        throw new IllegalArgumentException("freshness is an age, its unit is given by the value");
      }
      if (!op.equals("<=") && !op.equals("<")) {
        throw new IllegalArgumentException("freshness is checked with <= or <, not " + op);
      }
      Duration maxAge = duration(parts.group(4));
      if (maxAge.isNegative()) {
        throw new IllegalArgumentException("a freshness check's maximum age is not negative");
      }
      double seconds = maxAge.getSeconds() + maxAge.getNano() / 1e9;
      check =
          Check.age(
              arguments.column(),
              op.equals("<")
                  ? Comparison.mustBeLessThan(seconds)
                  : Comparison.mustBeLessOrEqualTo(seconds),
              java.time.Clock.systemUTC());
    } else {
      Comparison comparison = comparison(op, number(parts.group(4)), parts.group(5));
      check =
          switch (metric) {
            case "quantile" -> Check.quantile(arguments.column(), arguments.quantile(), comparison);
            case "min" -> Check.min(arguments.column(), comparison);
            case "max" -> Check.max(arguments.column(), comparison);
            case "mean" -> Check.mean(arguments.column(), comparison);
            case "stddev" -> Check.stddev(arguments.column(), comparison);
            case "sum" -> Check.sum(arguments.column(), comparison);
            case "approxDistinct" -> Check.approxDistinct(arguments.column(), comparison);
            case "mostCommon" -> Check.mostCommonValue(arguments.column(), comparison);
            default ->
                throw new IllegalArgumentException(
                    "the metric " + metric + " is not one of quantile, min, max, mean, stddev,"
                        + " sum, approxDistinct, mostCommon, topValues, freshness");
          };
      String unit = rule.unit() == null ? "" : rule.unit().toLowerCase(Locale.ROOT);
      if (unit.startsWith("percent")) {
        if (!metric.equals("mostCommon")) {
          throw new IllegalArgumentException(
              "only mostCommon is measured in percent, not " + metric);
        }
        check = check.inPercent();
      } else if (!unit.isEmpty() && !unit.startsWith("row")) {
        throw new IllegalArgumentException("the unit " + rule.unit() + " is not rows or percent");
      }
    }
    return ContractChecks.asDeclared(check, rule);
  }

  /** {@code topValues(k) in (a, b, c)}, or on the object {@code topValues(column, k) in (...)}. */
  private static Check topValuesIn(Matcher top, @Nullable String column) {
    String arguments = top.group(1) == null ? "" : top.group(1).trim();
    String[] given = arguments.isEmpty() ? new String[0] : arguments.split("\\s*,\\s*");
    int at = column == null ? 1 : 0;
    if (given.length != at + 1 || (column == null && given[0].isEmpty())) {
      throw new IllegalArgumentException(
          column == null
              ? "on the object, topValues names its column and how many: topValues(status, 3) in (a, b)"
              : "topValues needs how many values: topValues(3) in (a, b)");
    }
    int k;
    try {
      k = Integer.parseInt(given[at]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + given[at] + "' is not a number of values");
    }
    List<String> allowed = values(top.group(2) != null ? top.group(2) : top.group(3));
    return Check.topValuesIn(column != null ? column : given[0], k, allowed);
  }

  /**
   * The values of a list: separated by commas, each bare (trimmed) or quoted with {@code '} or
   * {@code "} (a comma or the other quote inside; the quote itself doubled, as in SQL).
   */
  static List<String> values(String list) {
    List<String> values = new ArrayList<>();
    int at = 0;
    int length = list.length();
    while (true) {
      while (at < length && Character.isWhitespace(list.charAt(at))) {
        at++;
      }
      StringBuilder value = new StringBuilder();
      if (at < length && (list.charAt(at) == '\'' || list.charAt(at) == '"')) {
        char quote = list.charAt(at++);
        while (true) {
          if (at >= length) {
            throw new IllegalArgumentException("a value's quote " + quote + " is not closed: " + list);
          }
          char c = list.charAt(at++);
          if (c == quote && at < length && list.charAt(at) == quote) {
            value.append(quote);
            at++;
          } else if (c == quote) {
            break;
          } else {
            value.append(c);
          }
        }
        while (at < length && Character.isWhitespace(list.charAt(at))) {
          at++;
        }
        if (at < length && list.charAt(at) != ',') {
          throw new IllegalArgumentException("a quoted value is followed by a comma: " + list);
        }
        values.add(value.toString());
      } else {
        while (at < length && list.charAt(at) != ',') {
          value.append(list.charAt(at++));
        }
        String bare = value.toString().trim();
        if (bare.contains("'") || bare.contains("\"")) {
          throw new IllegalArgumentException("a value with a quote inside is quoted whole: " + bare);
        }
        if (!bare.isEmpty()) {
          values.add(bare);
        }
      }
      if (at >= length) {
        return values;
      }
      at++; // the comma
    }
  }

  /** A metric's arguments: the column (implied on a property) and, for a quantile, the rank. */
  private record Arguments(String metric, @Nullable String text, @Nullable String implied) {
    String column() {
      String[] given = given();
      String column = implied != null ? implied : given.length > 0 ? given[0] : null;
      if (column == null || column.isEmpty()) {
        throw new IllegalArgumentException(
            "on the object, " + metric + " names its column first: " + metric + "(<column>"
                + (metric.equals("quantile") ? ", <q>" : "") + ")");
      }
      return column;
    }

    double quantile() {
      String[] given = given();
      int at = implied != null ? 0 : 1;
      if (given.length != at + 1) {
        throw new IllegalArgumentException("quantile needs its rank, 0 to 1: quantile(0.95)");
      }
      return number(given[at]);
    }

    private String[] given() {
      return text == null || text.isBlank() ? new String[0] : text.trim().split("\\s*,\\s*");
    }
  }

  private static Comparison comparison(String op, double value, @Nullable String upper) {
    if (op.endsWith("between")) {
      if (upper == null) {
        throw new IllegalArgumentException(op + " needs two numbers: between 1 and 5");
      }
      return op.startsWith("not")
          ? Comparison.mustNotBeBetween(value, number(upper))
          : Comparison.mustBeBetween(value, number(upper));
    }
    if (upper != null) {
      throw new IllegalArgumentException(op + " takes one number");
    }
    return switch (op) {
      case "<" -> Comparison.mustBeLessThan(value);
      case "<=" -> Comparison.mustBeLessOrEqualTo(value);
      case ">" -> Comparison.mustBeGreaterThan(value);
      case ">=" -> Comparison.mustBeGreaterOrEqualTo(value);
      case "==" -> Comparison.mustBe(value);
      default -> Comparison.mustNotBe(value);
    };
  }

  private static double number(String text) {
    try {
      return new BigDecimal(text).doubleValue();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number");
    }
  }

  /** An ISO-8601 duration ({@code PT24H}, {@code P2D}) or a number of seconds. */
  private static Duration duration(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      try {
        BigDecimal seconds = new BigDecimal(text);
        return Duration.ofSeconds(seconds.longValue())
            .plusNanos(seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
      } catch (NumberFormatException | ArithmeticException notSeconds) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a duration: PT24H, P2D, or a number of seconds");
      }
    }
  }
}
