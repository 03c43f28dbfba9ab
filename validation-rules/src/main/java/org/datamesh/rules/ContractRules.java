package org.datamesh.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.apache.beam.sdk.schemas.Schema;
import org.datamesh.core.contract.ContractField;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.contract.LogicalType;
import org.datamesh.core.contract.QualityRule;
import org.datamesh.core.contract.TextFormat;

/**
 * The record rules a contract declares, as a {@link RuleSet}: what every record must satisfy to
 * be published. Rules that judge the whole dataset (a share of null values, a row count) are not
 * record rules; {@link #datasetChecks} lists them, and they are not enforced yet.
 *
 * <pre>{@code
 * RuleSet rules = ContractRules.from(contract);
 * files.apply(ParseCsv.of(rawSchema).then(ValidationStep.of(rules)));
 * }</pre>
 *
 * <p>The rules judge the product as published: {@code ContractProducts} runs them after the
 * contract's standardization, so a pattern sees the trimmed, upper-cased code and a timestamp
 * range sees the UTC instant.
 *
 * <p>Per column, in this order:
 *
 * <ul>
 *   <li>{@code required: true}: {@code <column>.not_null} (text must not be blank);
 *   <li>{@code logicalTypeOptions.pattern}: {@code <column>.pattern}, the whole text matches;
 *   <li>{@code logicalTypeOptions.format} of a string, one of {@link TextFormat} ({@code email},
 *       {@code uri}, {@code uuid}, {@code hostname}, {@code ipv4}, {@code ipv6}): {@code
 *       <column>.format}; any other format is documentation;
 *   <li>{@code minLength}/{@code maxLength}: {@code <column>.length};
 *   <li>{@code minimum}/{@code maximum}/{@code exclusiveMinimum}/{@code exclusiveMaximum}:
 *       {@code <column>.range} (numbers, and dates, times and timestamps with bounds written in
 *       their format);
 *   <li>a {@code quality} rule of type {@code library} whose threshold is zero rows ({@code
 *       mustBe: 0}, {@code mustBeLessOrEqualTo: 0}, {@code mustBeLessThan: 1}, or none): {@code
 *       nullValues} becomes {@code not_null}; {@code invalidValues} with {@code
 *       arguments.validValues} becomes {@code allowed_values}, with {@code
 *       arguments.invalidValues} {@code forbidden_values}, with {@code arguments.pattern}
 *       {@code pattern}. Its
 *       {@code name}, when given, is the rule id; {@code severity: warning} or {@code info}
 *       publishes the record and counts the hit.
 *   <li>a {@code quality} rule of {@code type: custom} and {@code engine: cel}: its {@code
 *       implementation}, a CEL expression over the whole record ({@link ContractExpressions});
 *       object-level ones come last.
 * </ul>
 *
 * <p>The same rules apply inside objects and arrays, at the property's path: {@code
 * customer.address.zip.pattern}, {@code lines[].quantity.range}, {@code tags[].length}; a
 * violation's field names the value's place ({@code lines[3].quantity}, items from 0).
 */
public final class ContractRules {

  private ContractRules() {}

  /** The record rules of a one-table {@code contract}. */
  public static RuleSet from(DataContract contract) {
    return from(contract.onlyTable());
  }

  /** The record rules of {@code table}. */
  public static RuleSet from(ContractTable table) {
    List<Rule> rules = new ArrayList<>();
    for (ContractField field : table.fields()) {
      addRules(field, FieldPath.column(field.name()), rules);
    }
    List<QualityRule> objectRules = table.datasetQuality();
    for (int i = 0; i < objectRules.size(); i++) {
      if (objectRules.get(i).isCel()) {
        rules.add(ContractExpressions.rule(objectRules.get(i), null, i + 1));
      }
    }
    return RuleSet.of(rules);
  }

  /**
   * The rules of {@code field} at {@code path}, then those of its nested properties and items:
   * a nested rule's id is its path and kind ({@code customer.address.zip.pattern}, {@code
   * lines[].quantity.range}), and it is checked on every value found there.
   */
  private static void addRules(ContractField field, FieldPath path, List<Rule> rules) {
    List<Rule> own = new ArrayList<>();
    addColumnRules(field, own);
    List<QualityRule> qualities = field.quality();
    List<Rule> fromQuality = new ArrayList<>();
    for (int i = 0; i < qualities.size(); i++) {
      QualityRule quality = qualities.get(i);
      fromQuality.add(
          quality.isCel()
              ? ContractExpressions.rule(quality, path.toString(), i + 1)
              : recordRule(field, quality));
    }
    for (Rule rule : own) {
      rules.add(path.isColumn() ? rule : rule.at(path));
    }
    for (int i = 0; i < qualities.size(); i++) {
      Rule rule = fromQuality.get(i);
      if (rule == null) {
        continue;
      }
      if (!path.isColumn() && !rule.isRecordRule()) {
        Rule placed = rule.at(path);
        String name = qualities.get(i).name();
        rule = name != null && !name.isBlank() ? placed.withId(rule.id()) : placed;
      }
      Rule candidate = rule;
      if (rules.stream().anyMatch(r -> r.id().equals(candidate.id()))) {
        // Two rules of one kind on a column (a column pattern and a quality pattern): both
        // apply, the second under an id naming its quality entry.
        rule = rule.withId(rule.id() + ".quality" + (i + 1));
      }
      rules.add(rule);
    }
    for (ContractField property : field.properties()) {
      addRules(property, path.field(property.name()), rules);
    }
    if (field.items() != null) {
      addRules(field.items(), path.items(), rules);
    }
  }

  /**
   * What keeps {@code table}'s record rules from running on records of {@code schema} (the
   * schema validation sees, after standardization): each CEL expression that does not compile
   * or gives no bool, at its {@code quality} entry's path. Empty when every rule can run.
   */
  public static List<ContractProblem> problems(ContractTable table, Schema schema) {
    return ContractExpressions.problems(table, schema);
  }

  /**
   * The contract's quality rules that are not record rules: dataset-level thresholds, and rules
   * of type sql, custom or text. Loaded, not enforced yet.
   */
  public static List<QualityRule> datasetChecks(DataContract contract) {
    List<QualityRule> checks = new ArrayList<>();
    for (ContractTable table : contract.tables()) {
      checks.addAll(datasetChecks(table));
    }
    return checks;
  }

  /** {@link #datasetChecks(DataContract)} of one table. */
  public static List<QualityRule> datasetChecks(ContractTable table) {
    List<QualityRule> checks = new ArrayList<>();
    for (QualityRule quality : table.datasetQuality()) {
      if (!quality.isCel()) {
        checks.add(quality);
      }
    }
    table.fields().forEach(field -> addDatasetChecks(field, checks));
    return checks;
  }

  private static void addDatasetChecks(ContractField field, List<QualityRule> checks) {
    for (QualityRule quality : field.quality()) {
      if (!quality.isCel() && recordRule(field, quality) == null) {
        checks.add(quality);
      }
    }
    field.properties().forEach(property -> addDatasetChecks(property, checks));
    if (field.items() != null) {
      addDatasetChecks(field.items(), checks);
    }
  }

  private static void addColumnRules(ContractField field, List<Rule> rules) {
    String name = field.name();
    boolean text = field.logicalType() == LogicalType.STRING;
    if (field.required()) {
      rules.add(Rules.notNull(name));
    }
    if (text && field.pattern() != null) {
      rules.add(Rules.matches(name, field.pattern()));
    }
    TextFormat format = text ? TextFormat.of(field.format()) : null;
    if (format != null) {
      rules.add(Rules.hasFormat(name, format));
    }
    if (text && (field.minLength() != null || field.maxLength() != null)) {
      rules.add(
          Rules.lengthBetween(
              name,
              field.minLength() == null ? 0 : field.minLength(),
              field.maxLength() == null ? Integer.MAX_VALUE : field.maxLength()));
    }
    boolean numeric =
        field.logicalType() == LogicalType.INTEGER || field.logicalType() == LogicalType.NUMBER;
    // Where both an inclusive and an exclusive bound are given, the tighter one decides.
    boolean minExclusive =
        field.exclusiveMinimum() != null
            && (field.minimum() == null || field.exclusiveMinimum().compareTo(field.minimum()) >= 0);
    BigDecimal min = minExclusive ? field.exclusiveMinimum() : field.minimum();
    boolean maxExclusive =
        field.exclusiveMaximum() != null
            && (field.maximum() == null || field.exclusiveMaximum().compareTo(field.maximum()) <= 0);
    BigDecimal max = maxExclusive ? field.exclusiveMaximum() : field.maximum();
    if (numeric && (min != null || max != null)) {
      rules.add(Rules.range(name, min, minExclusive, max, maxExclusive));
    }
    Rule temporal = TemporalRanges.of(field);
    if (temporal != null) {
      rules.add(temporal);
    }
  }

  /** The record rule {@code quality} stands for, or null when it is not a record rule. */
  private static @Nullable Rule recordRule(ContractField field, QualityRule quality) {
    if (!"library".equals(quality.type()) || !perRecord(quality)) {
      return null;
    }
    String metric = quality.metric() != null ? quality.metric() : quality.rule();
    if (metric == null) {
      return null;
    }
    Rule rule;
    switch (metric) {
      case "nullValues":
        rule = Rules.notNull(field.name());
        break;
      case "invalidValues":
        rule = invalidValuesRule(field, quality.arguments());
        break;
      default:
        return null;
    }
    if (rule == null) {
      return null;
    }
    if (quality.name() != null && !quality.name().isBlank()) {
      rule = rule.withId(quality.name());
    }
    return ContractExpressions.warns(quality) ? rule.asWarning() : rule;
  }

  private static @Nullable Rule invalidValuesRule(ContractField field, Map<String, Object> args) {
    Object valid = args.get("validValues");
    if (valid instanceof List<?> values && field.logicalType() == LogicalType.STRING) {
      String[] allowed =
          values.stream().filter(v -> v != null).map(Object::toString).toArray(String[]::new);
      // Compared exactly: rules run after standardization, so an upper-cased column already
      // holds the upper-case form the contract lists.
      return Rules.oneOf(field.name(), allowed);
    }
    Object invalid = args.get("invalidValues");
    if (invalid instanceof List<?> values) {
      String[] forbidden =
          values.stream().filter(v -> v != null).map(Object::toString).toArray(String[]::new);
      return forbidden.length == 0 ? null : Rules.noneOf(field.name(), forbidden);
    }
    Object pattern = args.get("pattern");
    if (pattern instanceof String regex && field.logicalType() == LogicalType.STRING) {
      return Rules.matches(field.name(), regex);
    }
    return null;
  }

  /** Whether the rule's threshold allows no offending row at all: then each row is judged. */
  private static boolean perRecord(QualityRule quality) {
    if (quality.unit() != null && quality.unit().toLowerCase(Locale.ROOT).startsWith("percent")) {
      return isZero(quality.thresholds().get("mustBe"))
          || isZero(quality.thresholds().get("mustBeLessOrEqualTo"));
    }
    Map<String, BigDecimal> t = quality.thresholds();
    if (t.isEmpty()) {
      return true;
    }
    if (t.size() != 1) {
      return false;
    }
    return isZero(t.get("mustBe"))
        || isZero(t.get("mustBeLessOrEqualTo"))
        || (t.get("mustBeLessThan") != null && t.get("mustBeLessThan").compareTo(BigDecimal.ONE) == 0);
  }

  private static boolean isZero(@Nullable BigDecimal value) {
    return value != null && value.signum() == 0;
  }
}
