package org.datamesh.core.contract.odcs;

import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code logicalTypeOptions}: the options a property's {@code logicalType} allows, and only those.
 *
 * <pre>{@code
 * - name: currency
 *   logicalType: string
 *   logicalTypeOptions: {minLength: 3, maxLength: 3, pattern: "^[A-Z]{3}$"}
 * - name: quantity
 *   logicalType: integer
 *   logicalTypeOptions: {minimum: 1, format: i32}
 * - name: lines
 *   logicalType: array
 *   logicalTypeOptions: {minItems: 1, uniqueItems: true}
 * }</pre>
 *
 * <p>Options of {@code boolean} are not defined by ODCS, so any mapping is accepted there. A
 * property without a {@code logicalType} may have no options at all: ODCS applies the rules of
 * every logical type at once to it, and no option is allowed by all of them.
 */
final class LogicalTypeOptions {

  private static final ObjectShape STRING =
      ObjectShape.closed("options of a string")
          .optional("minLength", Values.COUNT)
          .optional("maxLength", Values.COUNT)
          .optional("pattern", Values.STRING)
          .optional("format", Values.STRING);

  /** Bounds of dates and times are written as text, in the property's own format. */
  private static final ObjectShape DATE =
      ObjectShape.closed("options of a date")
          .optional("format", Values.STRING)
          .optional("minimum", Values.STRING)
          .optional("exclusiveMinimum", Values.STRING)
          .optional("maximum", Values.STRING)
          .optional("exclusiveMaximum", Values.STRING);

  private static final ObjectShape TIME =
      DATE.named("options of a timestamp or time")
          .optional("timezone", Values.BOOLEAN)
          .optional("defaultTimezone", Values.STRING);

  private static final ObjectShape NUMBERS =
      ObjectShape.closed("options of a number")
          .optional("multipleOf", Values.POSITIVE_NUMBER)
          .optional("minimum", Values.NUMBER)
          .optional("exclusiveMinimum", Values.NUMBER)
          .optional("maximum", Values.NUMBER)
          .optional("exclusiveMaximum", Values.NUMBER);

  private static final ObjectShape INTEGER =
      NUMBERS.named("options of an integer")
          .optional(
              "format",
              Values.oneOf("i8", "i16", "i32", "i64", "i128", "u8", "u16", "u32", "u64", "u128"));

  private static final ObjectShape NUMBER = NUMBERS.optional("format", Values.oneOf("f32", "f64"));

  private static final ObjectShape OBJECT =
      ObjectShape.closed("options of an object")
          .optional("minProperties", Values.COUNT)
          .optional("maxProperties", Values.COUNT)
          .optional("required", Values.distinctStrings());

  private static final ObjectShape ARRAY =
      ObjectShape.closed("options of an array")
          .optional("minItems", Values.COUNT)
          .optional("maxItems", Values.COUNT)
          .optional("uniqueItems", Values.BOOLEAN);

  private static final Map<String, Check> BY_TYPE =
      Map.of(
          "string", STRING,
          "date", DATE,
          "timestamp", TIME,
          "time", TIME,
          "integer", INTEGER,
          "number", NUMBER,
          "object", OBJECT,
          "array", ARRAY,
          "boolean", Values.MAPPING);

  /** Options without a logical type: an empty mapping. */
  private static final Check UNTYPED =
      (value, where, report) -> {
        Values.MAPPING.check(value, where, report);
        for (String key : value.isObject() ? Values.keys(value) : List.<String>of()) {
          report.add(
              where.key(key),
              "an option needs the property's logicalType: which options are allowed depend on it");
        }
      };

  private LogicalTypeOptions() {}

  /** The options check for {@code logicalType}; null for no logical type. */
  static Check of(@Nullable String logicalType) {
    return logicalType == null ? UNTYPED : BY_TYPE.getOrDefault(logicalType, Values.MAPPING);
  }
}
