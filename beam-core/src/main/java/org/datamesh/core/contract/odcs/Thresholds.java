package org.datamesh.core.contract.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The threshold of a library or SQL quality rule: exactly one operator, with a value of its kind.
 *
 * <pre>{@code
 * quality:
 *   - metric: nullValues
 *     mustBe: 0                   # any value
 *   - metric: rowCount
 *     mustBeGreaterThan: 1000     # a number
 *   - metric: invalidValues
 *     mustBeBetween: [0, 5]       # two different numbers
 * }</pre>
 *
 * <p>ODCS states this as "one of" the operators: a rule with none, or with two, does not say
 * what passes.
 */
final class Thresholds {

  private static final Check BOUNDS =
      (value, where, report) -> {
        if (!value.isArray() || value.size() != 2
            || !value.get(0).isNumber() || !value.get(1).isNumber()) {
          report.add(where, "must be a list of two numbers, such as [0, 5]");
        } else if (Values.sameNumber(value.get(0), value.get(1))) {
          report.add(where, "must be two different numbers");
        }
      };

  /** Each operator, and what its value must be. */
  static final Map<String, Check> OPERATORS = operators();

  private static final String NAMES = String.join(", ", OPERATORS.keySet());

  private Thresholds() {}

  private static Map<String, Check> operators() {
    Map<String, Check> operators = new LinkedHashMap<>();
    operators.put("mustBe", Values.ANY);
    operators.put("mustNotBe", Values.ANY);
    operators.put("mustBeGreaterThan", Values.NUMBER);
    operators.put("mustBeGreaterOrEqualTo", Values.NUMBER);
    operators.put("mustBeLessThan", Values.NUMBER);
    operators.put("mustBeLessOrEqualTo", Values.NUMBER);
    operators.put("mustBeBetween", BOUNDS);
    operators.put("mustNotBeBetween", BOUNDS);
    return operators;
  }

  /** Reports a rule at {@code where} with no operator, or with more than one. */
  static void checkOnlyOne(JsonNode rule, Location where, String kind, Report report) {
    List<String> present = new ArrayList<>();
    for (String key : Values.keys(rule)) {
      if (OPERATORS.containsKey(key)) {
        present.add(key);
      }
    }
    if (present.isEmpty()) {
      report.add(where, "a " + kind + " rule needs one threshold, one of: " + NAMES);
    }
    for (String extra : present.subList(Math.min(1, present.size()), present.size())) {
      report.add(
          where.key(extra),
          "a second threshold; a rule has exactly one (this one has " + present.get(0) + ")");
    }
  }
}
