package org.datamesh.rules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.ContractField;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.QualityRule;

/**
 * A contract's CEL rules: {@code quality} entries of {@code type: custom} with {@code engine:
 * cel}, whose {@code implementation} is the expression every record must make true.
 *
 * <pre>{@code
 * quality:                      # on the object: the rule sees every column
 *   - type: custom
 *     engine: cel
 *     name: ship_after_order     # the rule id (else expression<n>, n its place in the list)
 *     implementation: "ship_date == null || ship_date >= order_date"
 *     severity: warning          # publishes and counts; error (the default) quarantines
 * }</pre>
 *
 * <p>On a property the rule still sees every column; its failures name the property, and its id
 * is {@code <property>.expression} unless named. Expressions are checked when the product is
 * built ({@link #problems}), so a contract whose expression does not compile, or gives no bool,
 * is refused with the entry's path.
 */
final class ContractExpressions {

  private ContractExpressions() {}

  /** The rule {@code quality}, a CEL entry, stands for; {@code place} is its 1-based position. */
  static Rule rule(QualityRule quality, @Nullable String field, int place) {
    String expression = quality.implementation() == null ? "" : quality.implementation();
    String name = quality.name();
    String id =
        name != null && !name.isBlank()
            ? name
            : field == null ? "expression" + place : field + ".expression";
    Rule rule =
        field == null
            ? Rule.ofRecord(id, "", new CelExpression(nonBlank(expression), List.of(), Clock.systemUTC()))
            : Rule.ofRecord(id, field, new CelExpression(nonBlank(expression), List.of(field), Clock.systemUTC()));
    return warns(quality) ? rule.asWarning() : rule;
  }

  private static String nonBlank(String expression) {
    // A missing or non-text implementation is reported by problems(); the rule still builds.
    return expression.isBlank() ? "false" : expression;
  }

  static boolean warns(QualityRule quality) {
    String severity =
        quality.severity() == null ? "" : quality.severity().toLowerCase(Locale.ROOT);
    return severity.equals("warning") || severity.equals("warn") || severity.equals("info");
  }

  /**
   * Each CEL entry of {@code table} that cannot run on records of {@code schema} (the schema
   * validation sees), as a problem at the entry's path.
   */
  static List<ContractProblem> problems(ContractTable table, Schema schema) {
    List<ContractProblem> problems = new ArrayList<>();
    List<QualityRule> entries = new ArrayList<>(table.datasetQuality());
    table.fields().forEach(field -> collect(field, entries));
    for (QualityRule quality : entries) {
      if (!quality.isCel()) {
        continue;
      }
      String path = quality.path() + ".implementation";
      if (quality.implementation() == null || quality.implementation().isBlank()) {
        problems.add(new ContractProblem(path, 0, "a CEL rule's implementation is its expression, as text"));
        continue;
      }
      try {
        new CelExpression(quality.implementation(), List.of(), Clock.systemUTC()).checkApplicable(schema);
      } catch (IllegalArgumentException e) {
        problems.add(new ContractProblem(path, 0, e.getMessage()));
      }
    }
    return problems;
  }

  private static void collect(ContractField field, List<QualityRule> entries) {
    entries.addAll(field.quality());
    field.properties().forEach(property -> collect(property, entries));
    if (field.items() != null) {
      collect(field.items(), entries);
    }
  }
}
