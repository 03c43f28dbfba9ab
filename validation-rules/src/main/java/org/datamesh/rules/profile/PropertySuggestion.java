package org.datamesh.rules.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One property of a suggested contract, from its column's profile. Each rule is suggested only
 * when the profiled values satisfy it:
 *
 * <ul>
 *   <li>{@code physicalType: decimal(p,s)} for numbers: {@code s} the most decimal places written,
 *       {@code p} at least 16 digits before the point (at most 38 in all) or what the data needs,
 *       so that tomorrow's larger amount still fits;
 *   <li>{@code required: true}: every readable record has a value, not blank;
 *   <li>{@code unique: true}: a text or integer column of at least two values, all distinct,
 *       counted exactly (not suggested past the profile's distinct limit);
 *   <li>{@code logicalTypeOptions.format}: the first of email, uuid, uri (with {@code ://}), ipv4,
 *       ipv6, iso3166-alpha2, iso4217 every value is in; for dates their layout when not ISO-8601;
 *   <li>{@code minLength} = {@code maxLength}: text of one length (codes, identifiers);
 *   <li>{@code minimum: 0}: numbers never negative;
 *   <li>{@code quality} {@code invalidValues} with {@code validValues}: text columns of at most the
 *       enumeration limit's distinct values, each seen three times on average (so that a column
 *       of a few names is not taken for an enumeration).
 * </ul>
 */
final class PropertySuggestion {

  /** How many times, on average, each value of an enumeration must repeat. */
  private static final int ENUMERATION_REPEATS = 3;

  /** The widest decimal suggested unless the data needs more (SQL engines' common maximum). */
  private static final int MAX_PRECISION = 38;

  private PropertySuggestion() {}

  static Map<String, Object> of(ColumnProfile column, long records, boolean observedBounds) {
    Map<String, Object> property = new LinkedHashMap<>();
    ProfiledType type = column.type();
    property.put("name", column.name());
    property.put("logicalType", type.logicalType());
    property.put("physicalType", physicalType(column));
    if (!column.readable()) {
      property.put(
          "description",
          "Profiled values mix JSON kinds no one type reads (text and numbers, say): records"
              + " whose value is not a JSON string fail at PARSE.");
    } else if (column.values() == 0) {
      property.put("description", "Profiled without any value: its type is a guess.");
    }
    if (column.readable() && column.complete()) {
      property.put("required", true);
    }
    if (column.unique()
        && column.values() >= 2
        && (type == ProfiledType.STRING || type == ProfiledType.INTEGER)) {
      property.put("unique", true);
    }
    Map<String, Object> options = options(column, observedBounds);
    if (!options.isEmpty()) {
      property.put("logicalTypeOptions", options);
    }
    List<String> values = column.distinctValues();
    if (type == ProfiledType.STRING
        && column.readable()
        && values != null
        && !values.isEmpty()
        && column.values() >= (long) ENUMERATION_REPEATS * values.size()) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("type", "library");
      rule.put("metric", "invalidValues");
      rule.put("description", "Profiled as an enumeration of " + values.size() + " values.");
      rule.put("arguments", Map.of("validValues", values));
      rule.put("mustBe", 0);
      property.put("quality", List.of(rule));
    }
    return property;
  }

  private static String physicalType(ColumnProfile column) {
    switch (column.type()) {
      case INTEGER:
        return "bigint";
      case NUMBER:
        // The scale as written; the precision widened (the observed one is tomorrow's limit).
        int precision = Math.max(column.precision(), Math.min(MAX_PRECISION, column.scale() + 16));
        return "decimal(" + precision + "," + column.scale() + ")";
      case OBJECT:
      case ARRAY:
        return "json";
      default:
        return column.type().logicalType();
    }
  }

  private static Map<String, Object> options(ColumnProfile column, boolean observedBounds) {
    Map<String, Object> options = new LinkedHashMap<>();
    switch (column.type()) {
      case STRING:
        if (!column.formats().isEmpty()) {
          options.put("format", column.formats().get(0).odcsName());
        }
        Integer min = column.minLength();
        Integer max = column.maxLength();
        boolean fixed = min != null && min.equals(max) && min > 0 && column.formats().isEmpty();
        if (column.readable() && min != null && (fixed || observedBounds)) {
          options.put("minLength", min);
          options.put("maxLength", max);
        }
        break;
      case INTEGER:
      case NUMBER:
        if (column.minimum() != null) {
          if (observedBounds) {
            options.put("minimum", ContractSuggestion.number(column.minimum()));
            options.put("maximum", ContractSuggestion.number(column.maximum()));
          } else if (column.minimum().signum() >= 0) {
            options.put("minimum", 0);
          }
        }
        break;
      case DATE:
        if (column.datePattern() != null) {
          options.put("format", column.datePattern());
        }
        break;
      default:
        break;
    }
    return options;
  }
}
