package org.datamesh.rules.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datamesh.core.contract.QualityRule;
import org.datamesh.rules.dataset.anomaly.AnomalyStrategy;
import org.datamesh.rules.dataset.anomaly.ZScore;

/**
 * The anomaly check a contract declares: an ODCS {@code quality} entry of {@code type: custom}
 * whose {@code engine} is {@value QualityRule#ANOMALY_ENGINE} and whose {@code implementation}
 * is {@code <metric>: <strategy>(<numbers>)}. Valid ODCS v3: a custom entry needs only an engine
 * and an implementation.
 *
 * <pre>{@code
 * quality:
 *   - type: custom
 *     engine: datamesh-anomaly
 *     name: rows_steady                      # the check's id (else <metric>.<strategy>)
 *     severity: error                        # error gates the run; warning reports
 *     implementation: "rowCount: relativeRateOfChange(0.5, 2)"
 * # on a property email, the column is implied, and unit: percent judges the share of rows:
 *   - {type: custom, engine: datamesh-anomaly, unit: percent, implementation: "nullValues: zScore(3)"}
 * }</pre>
 *
 * <p>Strategies: {@code absoluteChange(maxDecrease, maxIncrease)}, {@code
 * relativeRateOfChange(minRatio, maxRatio)}, {@code zScore(maxDeviations[, minHistory[,
 * window]])}.
 */
final class ContractAnomalies {

  private static final Pattern IMPLEMENTATION =
      Pattern.compile("\\s*([^:]+?)\\s*:\\s*([A-Za-z]+)\\s*\\(([^)]*)\\)\\s*");

  private static final List<String> COLUMN_METRICS =
      List.of("nullValues", "duplicateValues", "approxDistinct", "min", "max", "mean", "stddev", "sum");

  private ContractAnomalies() {}

  /**
   * The check {@code rule} declares on {@code column} (null for the object's rules); throws
   * {@link IllegalArgumentException} saying what is wrong with it.
   */
  static Check check(QualityRule rule, String column) {
    String text = rule.implementation();
    Matcher parts = text == null ? null : IMPLEMENTATION.matcher(text);
    if (parts == null || !parts.matches()) {
      throw new IllegalArgumentException(
          "an anomaly check's implementation reads <metric>: <strategy>(<numbers>), e.g."
              + " \"rowCount: relativeRateOfChange(0.5, 2)\"");
    }
    String metric = parts.group(1);
    if (column != null && COLUMN_METRICS.contains(metric)) {
      metric = metric + "(" + column + ")";
    }
    Check check = Check.anomaly(metric, strategy(parts.group(2), numbers(parts.group(3))));
    String unit = rule.unit() == null ? "" : rule.unit().toLowerCase(Locale.ROOT);
    if (unit.startsWith("percent")) {
      check = check.inPercent();
    } else if (!unit.isEmpty() && !unit.equals("rows") && !unit.equals("row")) {
      throw new IllegalArgumentException("the unit " + rule.unit() + " is not supported (rows or percent)");
    }
    return ContractChecks.asDeclared(check, rule);
  }

  private static AnomalyStrategy strategy(String name, List<Double> args) {
    switch (name) {
      case "absoluteChange":
        requireCount(name, args, 2, 2);
        return AnomalyStrategy.absoluteChange(args.get(0), args.get(1));
      case "relativeRateOfChange":
        requireCount(name, args, 2, 2);
        return AnomalyStrategy.relativeRateOfChange(args.get(0), args.get(1));
      case "zScore":
        requireCount(name, args, 1, 3);
        ZScore z = AnomalyStrategy.zScore(args.get(0));
        if (args.size() > 1) {
          z = z.withMinHistory(whole(name, args.get(1)));
        }
        return args.size() > 2 ? z.overLast(whole(name, args.get(2))) : z;
      default:
        throw new IllegalArgumentException(
            "the anomaly strategy " + name + " is not known (absoluteChange, relativeRateOfChange,"
                + " zScore)");
    }
  }

  private static List<Double> numbers(String text) {
    List<Double> numbers = new ArrayList<>();
    if (text.isBlank()) {
      return numbers;
    }
    for (String part : text.split(",")) {
      try {
        numbers.add(Double.parseDouble(part.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("an anomaly strategy takes numbers, found " + part.trim());
      }
    }
    return numbers;
  }

  private static void requireCount(String name, List<Double> args, int min, int max) {
    if (args.size() < min || args.size() > max) {
      throw new IllegalArgumentException(
          name + " takes " + (min == max ? String.valueOf(min) : min + " to " + max)
              + " numbers, found " + args.size());
    }
  }

  private static int whole(String name, double value) {
    if (value != Math.rint(value)) {
      throw new IllegalArgumentException(name + " takes whole numbers of runs, found " + value);
    }
    return (int) value;
  }
}
