package org.datamesh.rules.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.ContractField;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.QualityRule;
import org.datamesh.rules.ContractRules;
import org.datamesh.rules.FieldPath;

/**
 * The dataset checks a contract's table declares: its {@code quality} entries of type {@code
 * library} that are not record rules ({@link ContractRules#datasetChecks}), and {@code unique:
 * true} on a column outside the primary key.
 *
 * <pre>{@code
 * ContractChecks checks = ContractChecks.of(table);
 * spec = spec.checkedBy(DatasetChecks.of(checks.checks()));
 * checks.notEnforced();  // ["schema[0].quality[1]: a soda rule is not a dataset check", ...]
 * }</pre>
 *
 * <ul>
 *   <li>{@code rowCount} on the object; {@code nullValues}, {@code missingValues} ({@code
 *       arguments.missingValues}), {@code invalidValues} ({@code arguments.validValues}, {@code
 *       arguments.pattern}) and {@code duplicateValues} on a column; {@code duplicateValues} on
 *       the object with {@code arguments.properties}, the columns that together must be unique;
 *   <li>each of ODCS's eight comparison operators, one per entry; unit {@code rows} (the
 *       default) or {@code percent};
 *   <li>{@code severity: error} or none is ERROR (the run does not publish when it fails), as
 *       for record rules; {@code warning}, {@code warn} and {@code info} are WARN;
 *   <li>the entry's {@code name}, when given, is the check's id; else its metric.
 * </ul>
 *
 * <p>A {@code custom} entry whose engine is {@code datamesh-anomaly} is an anomaly check
 * ({@code implementation: "rowCount: relativeRateOfChange(0.5, 2)"}, see {@code
 * docs/quality.md}); one that cannot be read is listed as not enforced, with why.
 *
 * <p>A {@code custom} entry whose engine is {@code datamesh-metric} checks a metric ODCS's library
 * does not name ({@code implementation: "quantile(0.95) < 500"}, {@code "freshness <= PT24H"}; see
 * {@link ContractMetrics}).
 *
 * <p>A {@code sql} entry is a check on the number its {@code query} returns, run by Beam SQL over
 * the published rows ({@link Check#sql}); the query names the table by its name or as {@code
 * ${object}}, and a property's column as {@code ${property}}.
 *
 * <p>Entries on nested properties check the values at their path ({@code customer.address.zip},
 * {@code lines[].sku}: see {@link Check#nullValues}).
 *
 * <p>Not enforced, and listed by {@link #notEnforced()}: other {@code custom} rules (vendor
 * engines), other units or metrics, {@code sql} entries on nested properties, and entries without
 * a comparison or with several. {@code text} entries are documentation and are neither.
 */
public final class ContractChecks {

  private final List<Check> checks;
  private final List<String> notEnforced;

  private ContractChecks(List<Check> checks, List<String> notEnforced) {
    this.checks = List.copyOf(checks);
    this.notEnforced = List.copyOf(notEnforced);
  }

  /** The checks {@code table} declares. */
  public static ContractChecks of(ContractTable table) {
    List<Check> checks = new ArrayList<>();
    List<String> notEnforced = new ArrayList<>();
    Map<String, String> columns = columnsByRule(table);
    for (QualityRule rule : ContractRules.datasetChecks(table)) {
      String column = rule.field() == null ? null : columns.get(rule.path());
      if (rule.isAnomaly() || rule.isMetric()) {
        addCustom(rule, column, checks, notEnforced);
        continue;
      }
      String why = unsupported(rule, column);
      if (why != null) {
        if (!why.isEmpty()) {
          notEnforced.add(rule.path() + ": " + why);
        }
        continue;
      }
      Check check = check(table, rule, column);
      if (check == null) {
        notEnforced.add(rule.path() + ": the metric " + metric(rule) + " is not supported here");
      } else if (checks.stream().anyMatch(c -> c.id().equals(check.id()))) {
        checks.add(check.withId(check.id() + "." + rule.path()));
      } else {
        checks.add(check);
      }
    }
    List<String> key = table.primaryKey();
    for (ContractField field : table.fields()) {
      if (field.unique() && !(key.size() == 1 && key.get(0).equals(field.name()))) {
        checks.add(
            Check.duplicateValues(List.of(field.name()), Comparison.mustBe(0))
                .withId(field.name() + ".unique"));
      }
    }
    return new ContractChecks(checks, notEnforced);
  }

  /**
   * The column or path ({@code customer.address.zip}, {@code lines[].sku}) each property's
   * quality entry is about, by the entry's path in the contract.
   */
  private static Map<String, String> columnsByRule(ContractTable table) {
    Map<String, String> columns = new HashMap<>();
    table.fields().forEach(field -> addColumns(field, FieldPath.column(field.name()), columns));
    return columns;
  }

  private static void addColumns(ContractField field, FieldPath path, Map<String, String> columns) {
    field.quality().forEach(rule -> columns.put(rule.path(), path.toString()));
    field.properties().forEach(property -> addColumns(property, path.field(property.name()), columns));
    if (field.items() != null) {
      addColumns(field.items(), path.items(), columns);
    }
  }

  private static void addCustom(
      QualityRule rule, @Nullable String column, List<Check> checks, List<String> notEnforced) {
    if (rule.field() != null && column == null) {
      notEnforced.add(rule.path() + ": the property it is declared on was not found");
      return;
    }
    try {
      Check check =
          rule.isAnomaly()
              ? ContractAnomalies.check(rule, column)
              : ContractMetrics.check(rule, column);
      boolean taken = checks.stream().anyMatch(c -> c.id().equals(check.id()));
      checks.add(taken ? check.withId(check.id() + "." + rule.path()) : check);
    } catch (IllegalArgumentException | IllegalStateException e) {
      notEnforced.add(rule.path() + ": " + e.getMessage());
    }
  }

  /**
   * These checks less those reading a place the published rows of {@code schema} do not have,
   * which are listed as not enforced: a nested property's under a column published encrypted
   * whole (an object or array with a classified part is one ciphertext, its shape gone).
   */
  public ContractChecks readableIn(Schema schema) {
    List<Check> readable = new ArrayList<>();
    List<String> unread = new ArrayList<>(notEnforced);
    for (Check check : checks) {
      String missing =
          check.columns().stream().filter(c -> !ColumnValues.exists(schema, c)).findFirst().orElse(null);
      if (missing == null) {
        readable.add(check);
      } else {
        unread.add(
            check.id() + ": " + missing + " is not in the published rows (under a column"
                + " published encrypted whole?), so the check is not evaluated");
      }
    }
    return new ContractChecks(readable, unread);
  }

  /** The checks to run. */
  public List<Check> checks() {
    return checks;
  }

  /** Each quality entry not enforced, as {@code <path>: <why>}. */
  public List<String> notEnforced() {
    return notEnforced;
  }

  /** Why {@code rule} is not a check: empty for documentation, null when it is one. */
  private static @Nullable String unsupported(QualityRule rule, @Nullable String column) {
    switch (rule.type()) {
      case "text":
        return "";
      case "sql":
        if (!rule.isSql()) {
          return "a sql rule needs a query";
        }
        if (column != null && !column.equals(rule.field())) {
          return "a sql rule on a nested property is not evaluated yet (write it on the object,"
              + " reading the nested field in the query)";
        }
        if (Comparison.fromOdcs(rule.thresholds()) == null) {
          return "a dataset check needs exactly one comparison (mustBe, mustBeLessThan, ...)";
        }
        return null;
      case "library":
        break;
      default:
        return "a " + rule.type() + " rule is not a dataset check";
    }
    if (rule.field() != null && column == null) {
      return "the property it is declared on was not found";
    }
    if (Comparison.fromOdcs(rule.thresholds()) == null) {
      return "a dataset check needs exactly one comparison (mustBe, mustBeLessThan, ...)";
    }
    String unit = unit(rule);
    if (!unit.equals("rows") && !unit.equals("percent")) {
      return "the unit " + rule.unit() + " is not supported (rows or percent)";
    }
    return null;
  }

  private static @Nullable Check check(
      ContractTable table, QualityRule rule, @Nullable String column) {
    Comparison comparison = Comparison.fromOdcs(rule.thresholds());
    Check check;
    if (rule.isSql()) {
      String query = column == null ? rule.query() : rule.query().replace("${property}", column);
      check = Check.sql(query, comparison).callingTheTable(table.name());
      return asDeclared(check, rule);
    }
    switch (metric(rule)) {
      case "rowCount":
        check = column == null ? Check.rowCount(comparison) : null;
        break;
      case "nullValues":
        check = column == null ? null : Check.nullValues(column, comparison);
        break;
      case "missingValues":
        check =
            column == null
                ? null
                : Check.missingValues(column, list(rule.arguments().get("missingValues")), comparison);
        break;
      case "invalidValues":
        Object pattern = rule.arguments().get("pattern");
        check =
            column == null
                ? null
                : Check.invalidValues(
                    column,
                    list(rule.arguments().get("validValues")),
                    pattern instanceof String text ? text : null,
                    comparison);
        break;
      case "duplicateValues":
        List<?> properties = list(rule.arguments().get("properties"));
        List<String> columns =
            column != null
                ? List.of(column)
                : properties == null ? List.of() : properties.stream().map(String::valueOf).toList();
        boolean known = column != null || columns.stream().allMatch(c -> table.field(c) != null);
        check = columns.isEmpty() || !known ? null : Check.duplicateValues(columns, comparison);
        break;
      default:
        check = null;
    }
    if (check == null) {
      return null;
    }
    if (unit(rule).equals("percent")) {
      if (metric(rule).equals("rowCount")) {
        return null;
      }
      check = check.inPercent();
    }
    return asDeclared(check, rule);
  }

  /**
   * {@code check} as the rule declares it: WARN when its severity is {@code warning}, {@code warn}
   * or {@code info}, and with its {@code name} as the id when it has one. Every kind of contract
   * check (library, sql, anomaly, metric) goes through here.
   */
  static Check asDeclared(Check check, QualityRule rule) {
    return named(severity(check, rule), rule);
  }

  /** {@code check} as WARN when the rule's severity says so. */
  private static Check severity(Check check, QualityRule rule) {
    String severity = rule.severity() == null ? "" : rule.severity().toLowerCase(Locale.ROOT);
    boolean warning =
        severity.equals("warning") || severity.equals("warn") || severity.equals("info");
    return warning ? check.asWarning() : check;
  }

  /** {@code check} with the rule's name as its id, when it has one. */
  private static Check named(Check check, QualityRule rule) {
    return rule.name() != null && !rule.name().isBlank() ? check.withId(rule.name()) : check;
  }

  private static String metric(QualityRule rule) {
    return rule.metric() != null ? rule.metric() : rule.rule() != null ? rule.rule() : "(none)";
  }

  private static String unit(QualityRule rule) {
    String unit = rule.unit() == null ? "rows" : rule.unit().toLowerCase(Locale.ROOT);
    return unit.startsWith("percent") ? "percent" : unit.equals("row") ? "rows" : unit;
  }

  private static @Nullable List<?> list(@Nullable Object value) {
    return value instanceof List<?> values ? values : null;
  }
}
