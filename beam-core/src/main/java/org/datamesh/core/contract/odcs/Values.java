package org.datamesh.core.contract.odcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks of single values: their JSON type, the enums ODCS lists, and lists of values.
 *
 * <pre>{@code
 * Check port = Values.INTEGER;                          // "must be a whole number, not a string"
 * Check dimension = Values.oneOf("accuracy", "completeness");
 * Check tags = Values.listOf(Values.STRING);
 * }</pre>
 *
 * <p>Types follow JSON Schema: an integer is any number without a fraction ({@code 2.0} is one),
 * and text is never a number, however it reads ({@code "42"} is a string).
 */
final class Values {

  static final Check ANY = (value, where, report) -> {};
  private static final Check NUMBER_FOR_INTEGER = typed("a whole number", JsonNode::isNumber);
  static final Check STRING = typed("a string", JsonNode::isTextual);
  static final Check BOOLEAN = typed("true or false", JsonNode::isBoolean);
  static final Check NUMBER = typed("a number", JsonNode::isNumber);
  static final Check INTEGER =
      (value, where, report) -> {
        NUMBER_FOR_INTEGER.check(value, where, report);
        if (value.isNumber() && !isInteger(value)) {
          report.add(where, "must be a whole number, without a fraction");
        }
      };
  static final Check MAPPING = typed("a mapping of keys to values", JsonNode::isObject);
  static final Check LIST = typed("a list", JsonNode::isArray);
  static final Check STRINGS = listOf(STRING);

  /** A count or a size: a whole number, 0 or more. */
  static final Check COUNT =
      (value, where, report) -> {
        INTEGER.check(value, where, report);
        if (isInteger(value) && decimal(value).signum() < 0) {
          report.add(where, "must be 0 or more");
        }
      };

  /** A step such as {@code multipleOf}: a number greater than 0. */
  static final Check POSITIVE_NUMBER =
      (value, where, report) -> {
        NUMBER.check(value, where, report);
        if (value.isNumber() && !(isFinite(value) && decimal(value).signum() > 0)) {
          report.add(where, "must be greater than 0");
        }
      };

  /** Text, a number, true/false or empty: what a key/value pair holds, never a collection. */
  static final Check SINGLE_VALUE =
      (value, where, report) -> {
        if (value.isContainerNode()) {
          report.add(
              where, "must be a single value (text, a number, true/false or empty), not " + kind(value));
        }
      };

  private Values() {}

  /** A value {@code accepted} says is of the type described as {@code what}. */
  static Check typed(String what, Predicate<JsonNode> accepted) {
    return (value, where, report) -> {
      if (!accepted.test(value)) {
        report.add(where, "must be " + what + ", not " + kind(value));
      }
    };
  }

  /** A string, one of {@code allowed} (compared exactly, case included). */
  static Check oneOf(String... allowed) {
    Set<String> values = Set.of(allowed);
    String message = "must be one of: " + String.join(", ", allowed);
    return (value, where, report) -> {
      if (!value.isTextual() || !values.contains(value.textValue())) {
        report.add(where, message);
      }
    };
  }

  /** A list, each element checked by {@code element}. */
  static Check listOf(Check element) {
    return (value, where, report) -> {
      if (!value.isArray()) {
        report.add(where, "must be a list, not " + kind(value));
        return;
      }
      for (int i = 0; i < value.size(); i++) {
        element.check(value.get(i), where.index(i), report);
      }
    };
  }

  /** A list of at least one string, none repeated. */
  static Check distinctStrings() {
    Check strings = listOf(STRING);
    return (value, where, report) -> {
      strings.check(value, where, report);
      if (!value.isArray()) {
        return;
      }
      if (value.isEmpty()) {
        report.add(where, "must list at least one name");
      }
      Set<JsonNode> seen = new HashSet<>();
      for (int i = 0; i < value.size(); i++) {
        if (!seen.add(value.get(i))) {
          report.add(where.index(i), "repeats an earlier entry; each may appear once");
        }
      }
    };
  }

  /** What a value is, as messages name it (never the value itself). */
  static String kind(JsonNode value) {
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "true/false";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    return value.isNull() ? "empty (null)" : "missing";
  }

  static boolean isInteger(JsonNode value) {
    if (value.isIntegralNumber()) {
      return true;
    }
    if (!value.isNumber() || !isFinite(value)) {
      return false;
    }
    return decimal(value).stripTrailingZeros().scale() <= 0;
  }

  /** Whether two numbers are equal as numbers: {@code 1} and {@code 1.0} are. */
  static boolean sameNumber(JsonNode a, JsonNode b) {
    return isFinite(a) && isFinite(b) ? decimal(a).compareTo(decimal(b)) == 0 : a.equals(b);
  }

  private static boolean isFinite(JsonNode number) {
    return !(number.isDouble() || number.isFloat()) || Double.isFinite(number.doubleValue());
  }

  private static BigDecimal decimal(JsonNode number) {
    return number.decimalValue();
  }

  /** The keys of a mapping, in document order. */
  static List<String> keys(JsonNode mapping) {
    List<String> keys = new java.util.ArrayList<>();
    mapping.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
