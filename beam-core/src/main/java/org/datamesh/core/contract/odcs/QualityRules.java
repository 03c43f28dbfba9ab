package org.datamesh.core.contract.odcs;

import java.util.Map;

/**
 * {@code quality}: the rules on a schema object or a property. A rule's {@code type} decides what
 * else it holds: a {@code library} rule names a {@code metric}, an {@code sql} rule a {@code
 * query}, both with one threshold ({@link Thresholds}); a {@code custom} rule names an {@code
 * engine} and its {@code implementation}; a {@code text} rule only describes.
 *
 * <pre>{@code
 * quality:
 *   - type: library              # the type may be left out when a metric is given
 *     metric: duplicateValues
 *     mustBe: 0
 *   - type: sql
 *     query: SELECT COUNT(*) FROM orders WHERE amount < 0
 *     mustBe: 0
 *   - type: custom
 *     engine: greatExpectations
 *     implementation: {expectation_type: expect_column_values_to_not_be_null}
 *   - type: text
 *     description: Every order has been paid.
 * }</pre>
 *
 * <p>As in the ODCS schema, a rule is a library rule when its type says so or when it has a
 * metric (text), whatever its type: the two can add up (an sql rule with a metric needs both a
 * query and a known metric).
 */
final class QualityRules {

  private static final String[] METRICS = {
    "nullValues", "missingValues", "invalidValues", "duplicateValues", "rowCount"
  };

  private static final ObjectShape BASE =
      explainingThresholds(ObjectShape.closed("a quality rule"))
          .optional("id", Formats.STABLE_ID)
          .optional("name", Values.STRING)
          .optional("description", Values.STRING)
          .optional("type", Values.oneOf("text", "library", "sql", "custom"))
          .optional(
              "dimension",
              Values.oneOf(
                  "accuracy", "completeness", "conformity", "consistency", "coverage",
                  "timeliness", "uniqueness"))
          .optional("severity", Values.STRING)
          .optional("businessImpact", Values.STRING)
          .optional("method", Values.STRING)
          .optional("unit", Values.STRING)
          .optional("schedule", Values.STRING)
          .optional("scheduler", Values.STRING)
          .optional("tags", CommonShapes.TAGS)
          .optional("customProperties", CommonShapes.CUSTOM_PROPERTIES)
          .optional("authoritativeDefinitions", CommonShapes.AUTHORITATIVE_DEFINITIONS)
          .explain("metric", "must be a string, one of: " + String.join(", ", METRICS))
          .explain("rule", "belongs to library rules (type: library, or a metric)")
          .explain("arguments", "belongs to library rules (type: library, or a metric)")
          .explain("query", "belongs to rules of type sql")
          .explain("engine", "belongs to rules of type custom")
          .explain("implementation", "belongs to rules of type custom");

  private static final ObjectShape LIBRARY =
      thresholds()
          .required("metric", Values.oneOf(METRICS))
          .optional("rule", Values.STRING)
          .optional("arguments", Values.MAPPING);

  private static final ObjectShape SQL = thresholds().required("query", Values.STRING);

  private static final ObjectShape CUSTOM =
      ObjectShape.closed("a custom quality rule")
          .required("engine", Values.STRING)
          .required(
              "implementation",
              Values.typed(
                  "a string or a mapping", v -> v.isTextual() || v.isObject()));

  /** The shape for each combination of library, sql and custom (bits 1, 2, 4). */
  private static final ObjectShape[] SHAPES = new ObjectShape[8];

  static {
    for (int kinds = 0; kinds < SHAPES.length; kinds++) {
      ObjectShape shape = BASE;
      shape = (kinds & 1) != 0 ? shape.with(LIBRARY) : shape;
      shape = (kinds & 2) != 0 ? shape.with(SQL) : shape;
      shape = (kinds & 4) != 0 ? shape.with(CUSTOM) : shape;
      SHAPES[kinds] = shape;
    }
  }

  static final Check RULE =
      (value, where, report) -> {
        String type = value.path("type").isTextual() ? value.get("type").textValue() : "";
        boolean library = "library".equals(type) || value.path("metric").isTextual();
        boolean sql = "sql".equals(type);
        int kinds = (library ? 1 : 0) | (sql ? 2 : 0) | ("custom".equals(type) ? 4 : 0);
        SHAPES[kinds].check(value, where, report);
        if (value.isObject() && (library || sql)) {
          Thresholds.checkOnlyOne(value, where, library ? "library" : "sql", report);
        }
      };

  static final Check LIST = Values.listOf(RULE);

  private QualityRules() {}

  private static ObjectShape thresholds() {
    ObjectShape shape = ObjectShape.closed("a quality rule");
    for (Map.Entry<String, Check> operator : Thresholds.OPERATORS.entrySet()) {
      shape = shape.optional(operator.getKey(), operator.getValue());
    }
    return shape;
  }

  /** The base shape, saying where a threshold belongs when one is found on another rule. */
  private static ObjectShape explainingThresholds(ObjectShape shape) {
    for (String operator : Thresholds.OPERATORS.keySet()) {
      shape =
          shape.explain(
              operator,
              "a threshold belongs to library and sql rules (type: library or sql, or a metric)");
    }
    return shape;
  }
}
