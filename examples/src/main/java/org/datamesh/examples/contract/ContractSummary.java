package org.datamesh.examples.contract;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractField;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.ContractProtection;
import org.datamesh.core.contract.ContractRelationship;
import org.datamesh.core.contract.ContractRole;
import org.datamesh.core.contract.ContractStandardization;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.contract.LogicalType;
import org.datamesh.core.contract.OutputPort;
import org.datamesh.core.contract.QualityRule;
import org.datamesh.core.contract.ServiceLevels;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.protect.FieldProtection;
import org.datamesh.core.protect.ProtectionStep;
import org.datamesh.examples.cli.UsageException;
import org.datamesh.rules.ContractRules;
import org.datamesh.rules.dataset.ContractChecks;
import org.datamesh.rules.Rule;

/**
 * What {@code validate-contract} prints about a valid contract: the product it declares, in the
 * terms {@code run} will use (columns, key, record rules, standardization), and everything the
 * contract says that is not enforced yet, so a reader sees at once what the contract will and will
 * not do.
 */
final class ContractSummary {

  private static final String LABEL = "  %-19s%s%n";

  private final DataContract contract;

  ContractSummary(DataContract contract) {
    this.contract = contract;
  }

  void print(PrintStream out, Path file) {
    out.printf(
        Locale.ROOT,
        "Contract %s %s is valid: %s%n",
        contract.product().id(),
        contract.version(),
        file);
    line(out, "contract", contract.id() + " (ODCS " + contract.apiVersion() + ", " + contract.status() + ")");
    line(out, "owner", contract.owner() == null ? "none named" : contract.owner());
    line(out, "tables", contract.tables().isEmpty() ? "none: run has nothing to publish" : String.valueOf(contract.tables().size()));
    for (ContractTable table : contract.tables()) {
      printTable(out, contract, table);
    }
    line(out, "relationships", String.valueOf(contract.relationships().size()));
    List<String> tableNames = contract.tables().stream().map(ContractTable::name).toList();
    for (ContractRelationship relationship : contract.relationships()) {
      String product = relationship.product() == null ? "" : " (product " + relationship.product() + ")";
      String severity = relationship.severity() == null ? "" : ", " + relationship.severity();
      String checked =
          relationship.whyNotChecked(tableNames) == null ? "checked" + severity : "not checked";
      out.println(
          "    " + relationship.type() + " " + relationship.from() + " -> " + relationship.to()
              + product + ": " + checked);
    }
    line(out, "ports", contract.ports().isEmpty() ? "none (run publishes under --output)" : String.valueOf(contract.ports().size()));
    for (OutputPort port : contract.ports()) {
      out.println("    " + describe(port));
    }
    if (!contract.ports().isEmpty()) {
      line(out, "run publishes", publishedWhere(contract, file.toAbsolutePath().getParent()));
    }
    printRoles(out, contract);
    ServiceLevels levels = contract.serviceLevels();
    line(out, "retention", duration(levels.retention()));
    line(out, "freshness", duration(levels.freshness()));
    line(out, "latency", duration(levels.latency()));
    printNotices(out, contract.notices());
  }

  /** Where {@code run} without {@code --output} publishes, or why it needs one. */
  private static String publishedWhere(DataContract contract, Path contractFolder) {
    try {
      PublishTarget.Choice choice = PublishTarget.choose(null, null, contract, contractFolder);
      StringBuilder where =
          new StringBuilder("under " + choice.root() + " (" + choice.serverName() + ")");
      for (OutputPort port : KafkaPorts.of(contract, true)) {
        where.append(", then sends the rows to kafka server ").append(port.server()).append(" (");
        where.append(
            String.join(", ", contract.tables().stream().map(ContractTable::topic).toList()));
        where.append(" at ").append(port.host()).append(")");
      }
      return where.append(" unless --output is given").toString();
    } catch (UsageException e) {
      return "needs --output: " + e.getMessage();
    }
  }

  /** Each role and what it reads, by the access convention of {@code ContractRole}. */
  private static void printRoles(PrintStream out, DataContract contract) {
    if (contract.roles().isEmpty()) {
      line(out, "roles", "none (read returns every column as published)");
      return;
    }
    List<String> described = new ArrayList<>();
    for (ContractRole role : contract.roles()) {
      List<String> parts = new ArrayList<>();
      parts.add(role.readColumns() == null ? "every column" : "columns " + role.readColumns());
      if (!role.maskedColumns().isEmpty()) {
        parts.add("masked " + role.maskedColumns());
      }
      if (!role.clearColumns().isEmpty()) {
        parts.add("in clear " + role.clearColumns());
      }
      parts.add(role.rowFilter() == null ? "every row" : "rows where " + role.rowFilter());
      described.add(
          role.name() + (role.access() == null ? "" : " (" + role.access() + ")") + ": "
              + String.join(", ", parts));
    }
    line(out, "roles", described.get(0));
    for (String more : described.subList(1, described.size())) {
      line(out, "", more);
    }
  }

  /** The notices of a contract: what run loads but does not enforce, or will not publish. */
  static void printNotices(PrintStream out, List<ContractProblem> notices) {
    line(out, "notices", notices.isEmpty() ? "none" : notices.size() + " (loaded, not supported or not enforced yet)");
    for (ContractProblem notice : notices) {
      out.println("    " + notice);
    }
  }

  private static void printTable(PrintStream out, DataContract contract, ContractTable table) {
    out.println("  table " + table.folder() + (table.folder().equals(table.name()) ? "" : " (" + table.name() + ")") + ", " + table.path());
    line(out, "  columns", String.valueOf(table.fields().size()));
    int width = table.fields().stream().mapToInt(f -> f.name().length()).max().orElse(0);
    for (ContractField field : table.fields()) {
      out.printf(
          Locale.ROOT,
          "      %-" + width + "s  %-22s %s%n",
          field.name(),
          type(field),
          field.required() ? "required" : "optional");
    }
    if (table.logPattern() != null) {
      line(out, "  log pattern", table.logPattern());
    }
    line(out, "  primary key", table.primaryKey().isEmpty() ? "none (no deduplication)" : String.join(", ", table.primaryKey()));
    if (table.latestBy() != null) {
      line(out, "  deduplication", "the greatest " + table.latestBy() + " wins");
    }
    if (!table.partitionKeys().isEmpty()) {
      line(out, "  partitions", String.join(", ", table.partitionKeys()));
    }
    List<Rule> rules = ContractRules.from(table).rules();
    line(out, "  record rules", String.valueOf(rules.size()));
    for (Rule rule : rules) {
      out.println("      " + rule.id() + (rule.severity() == Severity.WARN ? " (warning)" : ""));
    }
    List<QualityRule> checks = ContractRules.datasetChecks(table);
    ContractChecks enforced = ContractChecks.of(table);
    try {
      // As run enforces them: an entry under a column published encrypted whole is not read.
      enforced =
          enforced.readableIn(
              ProtectionStep.protectedSchema(
                  table.publishedSchema(), ContractProtection.of(contract, table)));
    } catch (ContractException | IllegalArgumentException e) {
      // protection refused: listed with the contract's problems
    }
    line(
        out,
        "  dataset checks",
        checks.size()
            + (checks.isEmpty()
                ? ""
                : " (" + enforced.notEnforced().size() + " not enforced: sql, custom, nested, ...)"));
    enforced.notEnforced().forEach(why -> out.println("      not enforced: " + why));
    for (QualityRule check : checks) {
      out.println("      " + check.path() + ": " + describe(check));
    }
    List<String> standardization = standardization(table);
    line(out, "  standardization", standardization.isEmpty() ? "none" : String.join("; ", standardization));
    Map<String, String> protection = protection(contract, table);
    line(
        out,
        "  protection",
        protection.isEmpty()
            ? "none"
            : protection.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()
                + " (run needs --keyset)");
  }

  /**
   * Each protected column's method, in column order; empty when the table protects none or its
   * protection is refused (the refusal is listed with the contract's problems).
   */
  static Map<String, String> protection(DataContract contract, ContractTable table) {
    Map<String, String> methods = new LinkedHashMap<>();
    try {
      for (FieldProtection protection : ContractProtection.of(contract, table)) {
        methods.put(protection.field(), protection.describe());
      }
    } catch (ContractException e) {
      methods.clear();
    }
    return methods;
  }

  private static void line(PrintStream out, String label, String value) {
    out.printf(Locale.ROOT, LABEL, label, value);
  }

  private static String type(ContractField field) {
    String logical = field.logicalType().name().toLowerCase(Locale.ROOT);
    return field.physicalType() == null ? logical : logical + " (" + field.physicalType() + ")";
  }

  /** Each column's standardization in the order the record path applies it. */
  private static List<String> standardization(ContractTable table) {
    List<String> steps = new ArrayList<>();
    for (ContractField field : table.fields()) {
      String directives = field.customProperties().get(ContractStandardization.PROPERTY);
      if (directives != null) {
        steps.add(field.name() + " " + directives.trim());
      }
      if (field.logicalType() == LogicalType.TIMESTAMP) {
        steps.add(field.name() + " to UTC");
      }
    }
    return steps;
  }

  private static String describe(QualityRule check) {
    StringBuilder text = new StringBuilder(check.type());
    String metric = check.metric() != null ? check.metric() : check.rule();
    if (metric != null) {
      text.append(' ').append(metric);
    }
    if (check.name() != null) {
      text.append(" '").append(check.name()).append('\'');
    }
    if (!check.thresholds().isEmpty()) {
      text.append(' ').append(check.thresholds());
    }
    return text.toString();
  }

  private static String describe(OutputPort port) {
    StringBuilder text = new StringBuilder(port.server()).append(" (").append(port.type()).append(')');
    append(text, port.path());
    append(text, port.host());
    if (port.topic() != null) {
      text.append(" topic ").append(port.topic());
    }
    if (port.format() != null) {
      text.append(", ").append(port.format());
    }
    if (port.environment() != null) {
      text.append(", ").append(port.environment());
    }
    return text.toString();
  }

  private static void append(StringBuilder text, @Nullable String value) {
    if (value != null) {
      text.append(' ').append(value);
    }
  }

  /** In the largest whole unit, as a contract would say it: 90 days, 4 hours. */
  static String duration(@Nullable Duration duration) {
    if (duration == null) {
      return "not promised";
    }
    if (duration.isZero()) {
      return "0 s";
    }
    if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
      return plural(duration.toDays(), "day");
    }
    if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
      return plural(duration.toHours(), "hour");
    }
    if (duration.toMinutes() > 0 && duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
      return plural(duration.toMinutes(), "minute");
    }
    if (duration.equals(Duration.ofSeconds(duration.getSeconds()))) {
      return plural(duration.getSeconds(), "second");
    }
    return duration.toMillis() + " ms";
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
