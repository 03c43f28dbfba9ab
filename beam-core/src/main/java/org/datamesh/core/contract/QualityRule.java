package org.datamesh.core.contract;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One ODCS {@code quality} entry, as declared: on a property ({@link #field()} set) or on the
 * whole object. Loaded, not run: what checks a product runs from it is decided elsewhere.
 *
 * <pre>{@code
 * // quality: [{metric: nullValues, mustBe: 0, severity: error}] on property order_id
 * rule.metric();      // "nullValues"
 * rule.thresholds();  // {mustBe=0}
 * }</pre>
 *
 * @param path where the rule is in the contract, e.g. {@code schema[0].properties[0].quality[0]}
 * @param field the property the rule is attached to; null for an object-level rule
 * @param type {@code library} (the default), {@code sql}, {@code custom} or {@code text}
 * @param name the rule's name, if given
 * @param metric {@code nullValues}, {@code missingValues}, {@code invalidValues},
 *     {@code duplicateValues}, {@code rowCount}, ...; null when not a library rule
 * @param rule the pre-3.1 name of the metric, if given
 * @param severity {@code info}, {@code warning}, {@code error} or other text; null if not given
 * @param description what the rule is for
 * @param arguments the metric's arguments ({@code validValues}, {@code missingValues},
 *     {@code pattern}, ...) as plain Java values: String, BigDecimal, BigInteger, Boolean, List, Map
 * @param thresholds the operators given, by name; {@code mustBeBetween} and
 *     {@code mustNotBeBetween} as {@code mustBeBetween.min} and {@code mustBeBetween.max}
 * @param unit {@code rows}, {@code percent}, ...
 * @param dimension {@code completeness}, {@code conformity}, ...
 * @param engine a custom rule's engine ({@code cel}, {@code soda}, ...); null for other types
 * @param implementation a custom rule's implementation when it is text (a CEL expression); null
 *     when absent or not text
 * @param query a {@code sql} rule's query; null for other types
 */
public record QualityRule(
    String path,
    @Nullable String field,
    String type,
    @Nullable String name,
    @Nullable String metric,
    @Nullable String rule,
    @Nullable String severity,
    @Nullable String description,
    Map<String, Object> arguments,
    Map<String, BigDecimal> thresholds,
    @Nullable String unit,
    @Nullable String dimension,
    @Nullable String engine,
    @Nullable String implementation,
    @Nullable String query)
    implements Serializable {

  /** The engine of custom rules that datamesh-beam runs on each record. */
  public static final String CEL_ENGINE = "cel";

  /**
   * The engine of custom rules that datamesh-beam judges against the product's metric history
   * (anomaly checks); the implementation reads {@code <metric>: <strategy>(<numbers>)}.
   */
  public static final String ANOMALY_ENGINE = "datamesh-anomaly";

  /**
   * The engine of custom rules that are dataset checks on a metric ODCS's library does not name
   * (quantiles, freshness, statistics); the implementation reads {@code <metric> <op> <value>}.
   */
  public static final String METRIC_ENGINE = "datamesh-metric";

  public QualityRule {
    // Copies keep the declared order and are serializable, unlike Map.copyOf's.
    arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
  }

  /** A rule that is not a custom one: no engine, no implementation. */
  public QualityRule(
      String path,
      @Nullable String field,
      String type,
      @Nullable String name,
      @Nullable String metric,
      @Nullable String rule,
      @Nullable String severity,
      @Nullable String description,
      Map<String, Object> arguments,
      Map<String, BigDecimal> thresholds,
      @Nullable String unit,
      @Nullable String dimension) {
    this(path, field, type, name, metric, rule, severity, description, arguments, thresholds, unit,
        dimension, null, null, null);
  }

  /** Whether this is a {@code sql} rule with a query: a dataset check run with Beam SQL. */
  public boolean isSql() {
    return "sql".equals(type) && query != null && !query.isBlank();
  }

  /** Whether this is a {@code custom} rule whose engine is {@value #ANOMALY_ENGINE}. */
  public boolean isAnomaly() {
    return "custom".equals(type)
        && engine != null
        && ANOMALY_ENGINE.equalsIgnoreCase(engine.trim());
  }

  /** Whether this is a {@code custom} rule whose engine is {@value #METRIC_ENGINE}. */
  public boolean isMetric() {
    return "custom".equals(type)
        && engine != null
        && METRIC_ENGINE.equalsIgnoreCase(engine.trim());
  }

  /** Whether this is a {@code custom} rule whose engine is CEL: a rule on each record. */
  public boolean isCel() {
    return "custom".equals(type) && engine != null && CEL_ENGINE.equalsIgnoreCase(engine.trim());
  }
}
