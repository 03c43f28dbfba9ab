package org.datamesh.rules.dataset;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.protect.ProtectedText;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.rules.FieldPath;
import org.datamesh.rules.dataset.anomaly.AnomalyCheck;
import org.datamesh.rules.dataset.anomaly.AnomalyStrategy;

/**
 * An assertion over a table's metrics, with a severity: an ERROR check that fails stops the run
 * from publishing, a WARN check that fails is reported. The metrics come from analyzers the
 * check names; {@link DatasetChecks} computes them once for all checks.
 *
 * <pre>{@code
 * Check.rowCount(Comparison.mustBeGreaterThan(1000));
 * Check.nullValues("email", Comparison.mustBeLessOrEqualTo(5)).inPercent().asWarning();
 * Check.duplicateValues(List.of("customer_id"), Comparison.mustBe(0)).withId("customer_id.unique");
 * Check.min("amount", Comparison.mustBeGreaterOrEqualTo(0));
 * Check.mostCommonValue("country", Comparison.mustBeLessOrEqualTo(40)).inPercent();
 * Check.topValuesIn("status", 3, List.of("shipped", "pending", "cancelled"));
 * Check.anomaly("rowCount", AnomalyStrategy.relativeRateOfChange(0.5, 2.0));
 * Check.anomaly("nullValues(email)", AnomalyStrategy.zScore(3)).inPercent().asWarning();
 * }</pre>
 *
 * <p>Counts ({@code rows}) can be checked as a percentage instead ({@link #inPercent}): of the
 * published rows, and for invalid values of the published and quarantined records together.
 */
@AutoValue
public abstract class Check implements Serializable {

  /** What a measured value is: a number of rows, a percentage of rows, or a plain value. */
  public enum Unit {
    ROWS("rows"),
    PERCENT("percent"),
    SECONDS("seconds"),
    VALUE("");

    private final String text;

    Unit(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** The check's id, unique within its table; by default its metric. */
  public abstract String id();

  public abstract Severity severity();

  /** The metric the check measures, as reports name it: {@code nullValues(email)}. */
  public abstract String metric();

  /** The metrics summed to give the measured count or value. */
  abstract List<String> counted();

  /** The metrics summed to give what a percentage is of; empty when not a count. */
  abstract List<String> denominator();

  public abstract Unit unit();

  /** What the measured value must be; null for an anomaly check, judged by its strategy. */
  public abstract @Nullable Comparison comparison();

  /** How earlier runs decide the expected range of an anomaly check; null for other checks. */
  public abstract @Nullable AnomalyStrategy anomaly();

  /** The analyzers of published rows the metrics come from. */
  abstract List<Analyzer<?>> analyzers();

  /** The column sets whose duplicate values are counted, exactly. */
  abstract List<List<String>> duplicateKeys();

  /** The columns whose quarantined records are counted as invalid values. */
  abstract List<String> invalidFields();

  /** What a {@link #topValuesIn} check asserts; null for other checks. */
  abstract @Nullable TopValuesIn topValuesIn();

  /** A {@link #sql} check's query, as given; null for other checks. */
  public abstract @Nullable String sqlQuery();

  /** Another name a {@link #sql} check's query may call the table by; null for none. */
  public abstract @Nullable String sqlTable();

  abstract Builder toBuilder();

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setId(String id);

    abstract Builder setSeverity(Severity severity);

    abstract Builder setMetric(String metric);

    abstract Builder setCounted(List<String> counted);

    abstract Builder setDenominator(List<String> denominator);

    abstract Builder setUnit(Unit unit);

    abstract Builder setComparison(@Nullable Comparison comparison);

    abstract Builder setAnomaly(@Nullable AnomalyStrategy anomaly);

    abstract Builder setAnalyzers(List<Analyzer<?>> analyzers);

    abstract Builder setDuplicateKeys(List<List<String>> keys);

    abstract Builder setInvalidFields(List<String> fields);

    abstract Builder setSqlQuery(@Nullable String query);

    abstract Builder setTopValuesIn(@Nullable TopValuesIn rule);

    abstract Builder setSqlTable(@Nullable String table);

    abstract Check build();
  }

  /** A count of rows named {@code metric}, ERROR, in rows, computed by {@link RowCount}. */
  static Builder builder(String metric, @Nullable Comparison comparison) {
    return count(metric, comparison);
  }

  private static Builder count(String metric, @Nullable Comparison comparison) {
    return new AutoValue_Check.Builder()
        .setId(metric)
        .setSeverity(Severity.ERROR)
        .setMetric(metric)
        .setCounted(List.of(metric))
        .setDenominator(List.of(RowCount.METRIC))
        .setUnit(Unit.ROWS)
        .setComparison(comparison)
        .setAnalyzers(List.of(new RowCount()))
        .setDuplicateKeys(List.of())
        .setInvalidFields(List.of())
        .setSqlQuery(null)
        .setTopValuesIn(null);
  }

  /** The number of published rows (ODCS {@code rowCount}). */
  public static Check rowCount(Comparison comparison) {
    return count(RowCount.METRIC, comparison).setDenominator(List.of()).build();
  }

  /**
   * Published rows whose {@code column} is null (ODCS {@code nullValues}). {@code column} may be
   * a path into nested rows ({@code customer.address.zip}: null when {@code customer} is) or
   * arrays ({@code lines[].sku}: every item's value counts, and a percentage is of the values).
   */
  public static Check nullValues(String column, Comparison comparison) {
    ValueCount nulls = ValueCount.nulls(column);
    return perValue(count(nulls.metric(), comparison), column, List.of(nulls)).build();
  }

  /**
   * {@code check} counting {@code analyzers}; for a path through arrays, percentages are of the
   * values there rather than of the rows, plus the metrics {@code alsoOf} (quarantined records).
   */
  private static Builder perValue(
      Builder check, String column, List<Analyzer<?>> analyzers, String... alsoOf) {
    List<Analyzer<?>> all = new ArrayList<>();
    all.add(new RowCount());
    all.addAll(analyzers);
    if (column.contains(FieldPath.ITEMS)) {
      ValueCount values = ValueCount.values(column);
      all.add(values);
      List<String> denominator = new ArrayList<>(List.of(values.metric()));
      denominator.addAll(List.of(alsoOf));
      check.setDenominator(denominator);
    }
    return check.setAnalyzers(all);
  }

  /**
   * Published rows whose {@code column} is missing (ODCS {@code missingValues}): null, or one of
   * {@code missingValues} compared as text; when they are null, null or blank text.
   */
  public static Check missingValues(
      String column, @Nullable List<?> missingValues, Comparison comparison) {
    ValueCount missing = ValueCount.missing(column, missingValues);
    return perValue(
            count("missingValues(" + column + ")", comparison).setCounted(List.of(missing.metric())),
            column,
            List.of(missing))
        .build();
  }

  /**
   * Invalid values of {@code column} (ODCS {@code invalidValues}): quarantined records with a
   * violation on the column other than a not-null rule, plus published rows whose value is not
   * one of {@code validValues} or does not match {@code pattern} (either may be null).
   */
  public static Check invalidValues(
      String column,
      @Nullable List<?> validValues,
      @Nullable String pattern,
      Comparison comparison) {
    String metric = "invalidValues(" + column + ")";
    String quarantined = FailureMetrics.invalid(column);
    Builder check =
        count(metric, comparison)
            .setDenominator(List.of(RowCount.METRIC, FailureMetrics.QUARANTINED))
            .setInvalidFields(List.of(column));
    if (validValues == null && pattern == null) {
      return perValue(check.setCounted(List.of(quarantined)), column, List.of(), FailureMetrics.QUARANTINED)
          .build();
    }
    ValueCount published = ValueCount.invalid(column, validValues, pattern);
    return perValue(
            check.setCounted(List.of(quarantined, published.metric())),
            column,
            List.of(published),
            FailureMetrics.QUARANTINED)
        .build();
  }

  /**
   * Published rows beyond the first with the same values of {@code columns} (ODCS {@code
   * duplicateValues}), counted exactly; rows with a null in the columns are not compared.
   */
  public static Check duplicateValues(List<String> columns, Comparison comparison) {
    String metric = KeyDuplicates.metric(columns);
    Builder check = count(metric, comparison).setDuplicateKeys(List.of(List.copyOf(columns)));
    return columns.size() == 1 ? perValue(check, columns.get(0), List.of()).build() : check.build();
  }

  /** The estimated number of distinct non-null values of {@code column} (HyperLogLog). */
  public static Check approxDistinct(String column, Comparison comparison) {
    DistinctCount distinct = new DistinctCount(column);
    return value(distinct.metric(), distinct, comparison);
  }

  /** The smallest value of the numeric {@code column}. */
  public static Check min(String column, Comparison comparison) {
    return value("min(" + column + ")", new Statistics(column), comparison);
  }

  /** The greatest value of the numeric {@code column}. */
  public static Check max(String column, Comparison comparison) {
    return value("max(" + column + ")", new Statistics(column), comparison);
  }

  /** The mean of the numeric {@code column}. */
  public static Check mean(String column, Comparison comparison) {
    return value("mean(" + column + ")", new Statistics(column), comparison);
  }

  /** The population standard deviation of the numeric {@code column}. */
  public static Check stddev(String column, Comparison comparison) {
    return value("stddev(" + column + ")", new Statistics(column), comparison);
  }

  /** The sum of the numeric {@code column}. */
  public static Check sum(String column, Comparison comparison) {
    return value("sum(" + column + ")", new Statistics(column), comparison);
  }

  /**
   * The value at quantile {@code q} (0 to 1; 0.5 is the median) of the numeric {@code column},
   * estimated by a KLL sketch ({@link ApproxQuantile}): its rank is within about 1.3% of {@code
   * q}. Metric {@code quantile(<column>,<q>)}.
   */
  public static Check quantile(String column, double q, Comparison comparison) {
    ApproxQuantile quantile = new ApproxQuantile(column, q);
    return value(ApproxQuantile.metric(column, q), quantile, comparison);
  }

  /**
   * The published rows holding the most common non-null value of {@code column} (metric {@code
   * mostCommon(<column>)}, 0 when it has no value), typically {@link #inPercent}: a default or
   * placeholder value crowding out the others ({@code "unknown"} in 60% of rows) fails {@code
   * mostCommonValue("country", mustBeLessOrEqualTo(40)).inPercent()}. Counted by a
   * frequent-items sketch ({@link TopValues}): exact while the column has fewer than about 750
   * distinct values, at worst a small under-count beyond. The report lists the column's ten most
   * common values with their counts.
   */
  public static Check mostCommonValue(String column, Comparison comparison) {
    return perValue(
            count(TopValues.mostCommonMetric(column), comparison),
            column,
            List.of(new TopValues(column, TopValues.REPORTED)))
        .build();
  }

  /**
   * The {@code k} most common values of {@code column} are all among {@code allowed} (compared
   * as text): a new value becoming common ({@code status} suddenly {@code "error"} in the top 3)
   * fails it. Metric {@code topValuesOutside(<column>,<k>,<allowed>)}, the number of the {@code
   * k} that are not allowed, which must be 0; the report lists the column's most common values.
   */
  public static Check topValuesIn(String column, int k, Collection<?> allowed) {
    Set<String> texts = new TreeSet<>();
    allowed.forEach(value -> texts.add(ProtectedText.canonical(value)));
    TopValuesIn rule = new TopValuesIn(column, k, texts);
    return count(rule.metric(), Comparison.mustBe(0))
        .setDenominator(List.of())
        .setUnit(Unit.VALUE)
        .setAnalyzers(List.of(new TopValues(column, Math.max(k, TopValues.REPORTED))))
        .setTopValuesIn(rule)
        .build();
  }

  /**
   * The newest value of the timestamp or date {@code column} is at most {@code maxAge} old when
   * the run measures it (metric {@code age(<column>)}, in seconds; {@code latest(<column>)} is
   * kept beside it in epoch seconds). A column without a value fails, measured "no value".
   */
  public static Check freshness(String column, Duration maxAge) {
    return freshness(column, maxAge, Clock.systemUTC());
  }

  /** {@link #freshness(String, Duration)} measured against {@code clock}, for tests and replays. */
  public static Check freshness(String column, Duration maxAge, Clock clock) {
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("a freshness check's maximum age is not negative");
    }
    return age(
        column, Comparison.mustBeLessOrEqualTo(maxAge.getSeconds() + maxAge.getNano() / 1e9), clock);
  }

  /** The age in seconds of the newest value of {@code column}, judged by {@code comparison}. */
  static Check age(String column, Comparison comparison, Clock clock) {
    return count(Freshness.ageMetric(column), comparison)
        .setDenominator(List.of())
        .setUnit(Unit.SECONDS)
        .setAnalyzers(List.of(new Freshness(column, clock)))
        .build();
  }

  /**
   * The metric (as reports name it: {@code rowCount}, {@code nullValues(email)}, {@code
   * mean(amount)}, ...) judged against earlier published runs with {@code strategy}, rather than
   * a threshold; its id is {@code <metric>.<strategy>}, e.g. {@code rowCount.zScore}. The commit
   * step judges it, reading the product's quality history once per run; until the strategy has
   * its minimum history the check passes and says so. Counts can be judged {@link #inPercent}.
   */
  public static Check anomaly(String metric, AnomalyStrategy strategy) {
    return AnomalyMetrics.check(metric, strategy).build();
  }

  /**
   * The number a Beam SQL {@code query} returns over the table's published rows (ODCS {@code type:
   * sql}): one row, one numeric column, as {@code select count(*) from orders where amount < 0}.
   * The query names the table by its name, or as {@code ${object}}; its id is {@code sql} unless
   * given, its metric {@code sql(<query>)}. A query that returns another shape fails the run,
   * naming the query.
   */
  public static Check sql(String query, Comparison comparison) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("a sql check needs a query");
    }
    String metric = SqlMetric.metric(query);
    return count(metric, comparison)
        .setId("sql")
        .setDenominator(List.of())
        .setUnit(Unit.VALUE)
        .setAnalyzers(List.of())
        .setSqlQuery(query)
        .build();
  }

  /**
   * Returns a {@link #sql} check like this one whose query may also call the table {@code table}
   * (a contract's object name, where the product's table name was made folder-safe).
   */
  public Check callingTheTable(String table) {
    if (sqlQuery() == null) {
      throw new IllegalStateException("the check " + id() + " is not a sql check");
    }
    return toBuilder().setSqlTable(table).build();
  }

  private static Check value(String metric, Analyzer<?> analyzer, Comparison comparison) {
    return count(metric, comparison)
        .setDenominator(List.of())
        .setUnit(Unit.VALUE)
        .setAnalyzers(List.of(analyzer))
        .build();
  }

  /** Returns a check like this one but measuring a percentage (of the rows) rather than rows. */
  public Check inPercent() {
    if (denominator().isEmpty()) {
      throw new IllegalStateException(
          "the check " + id() + " measures " + metric() + ", which is not a count of rows: it has"
              + " no percentage");
    }
    return toBuilder().setUnit(Unit.PERCENT).build();
  }

  /** Returns a check like this one but only reported when it fails, never stopping publication. */
  public Check asWarning() {
    return toBuilder().setSeverity(Severity.WARN).build();
  }

  /** Returns a check like this one but with the given id (an ODCS rule's {@code name}). */
  public Check withId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a check's id is not blank");
    }
    return toBuilder().setId(id).build();
  }

  /** The columns the check reads from published rows, checked against their schema. */
  List<String> columns() {
    List<String> columns = new ArrayList<>();
    analyzers().forEach(analyzer -> columns.addAll(analyzer.columns()));
    duplicateKeys().forEach(columns::addAll);
    return columns;
  }

  /** The check the commit step judges against the history; only for an anomaly check. */
  AnomalyCheck historyCheck() {
    return new AnomalyCheck(
        id(), severity(), metric(), counted(), denominator(), unit() == Unit.PERCENT,
        unit().text(), anomaly());
  }

  /** This check judged on {@code metrics} of {@code table}; not for an anomaly check. */
  CheckResult evaluate(String table, Map<String, Double> metrics) {
    Double value = sum(counted(), metrics);
    Double measured = value;
    if (value != null && unit() == Unit.PERCENT) {
      Double of = sum(denominator(), metrics);
      measured = of == null || of == 0 ? 0.0 : 100.0 * value / of;
    }
    boolean passed = measured != null && comparison().test(measured);
    return new CheckResult(
        id(), table, metric(), severity(), measured, unit().text(), comparison().expectation(),
        passed);
  }

  private static @Nullable Double sum(List<String> names, Map<String, Double> metrics) {
    double sum = 0;
    for (String name : names) {
      Double value = metrics.get(name);
      if (value == null) {
        return null;
      }
      sum += value;
    }
    return sum;
  }
}
