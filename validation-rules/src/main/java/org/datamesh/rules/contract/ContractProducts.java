package org.datamesh.rules.contract;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractField;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.ContractProtection;
import org.datamesh.core.contract.ContractStandardization;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.parse.LogPattern;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.FieldProtection;
import org.datamesh.core.protect.ProtectionStep;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.record.ConformToSchema;
import org.datamesh.core.standardize.StandardizationStep;
import org.datamesh.rules.ContractRules;
import org.datamesh.rules.Rule;
import org.datamesh.rules.RuleSet;
import org.datamesh.rules.ValidationStep;
import org.datamesh.rules.dataset.Check;
import org.datamesh.rules.dataset.ContractChecks;
import org.datamesh.rules.dataset.DatasetChecks;

/**
 * A product built from its contract alone: the contract's columns, record rules, standardization
 * and primary key become the {@link ProductSpec} that {@code DataProductPipeline} runs.
 *
 * <pre>{@code
 * DataContract contract = ContractLoader.load(Path.of("orders.odcs.yaml"));
 * ProductSpec spec = ContractProducts.spec(contract, RecordFormat.Kind.CSV);
 * pipeline.apply(DataProductPipeline.of(spec).from("/exports/orders/*.csv").to("/data/products"));
 * }</pre>
 *
 * <p>Log lines ({@link RecordFormat.Kind#LOG_LINES}) are read with the object's custom property
 * {@code logPattern}, a regular expression whose named groups are the columns. {@link
 * RecordFormat.Kind#ROWS} is a consumer-aligned product's: rows computed from other products,
 * typed already, so the path has no standardization (a {@code standardize} directive is not
 * applied to them); its rules, published schema, protection, key and checks are as for files.
 *
 * <p>The table's dataset checks ({@link ContractChecks}: {@code quality} thresholds, {@code
 * rowCount}, {@code duplicateValues}, {@code unique}) run on every run's records; an ERROR check
 * that fails stops the run from publishing.
 *
 * <p>Columns marked {@code partitioned} become Hive-style partitions of the published files, and
 * an SLA {@code retention} removes older unreferenced runs after each commit.
 *
 * <p>The record path is: standardization ({@link ContractStandardization}), validation ({@link
 * ContractRules}) of the standardized values, then the rows take the contract's published schema
 * ({@link ConformToSchema}). A value that cannot be standardized fails at STANDARDIZE, before any
 * rule sees it; columns stay nullable until the last step, so a missing required value is
 * reported by validation with the record's other broken rules. Records sharing the primary key are deduplicated, the one with the greatest
 * value of the column marked {@code deduplicate: latest} winning. A product with business rules a
 * contract cannot state passes them as {@code extraRules}; they join the contract's rules in the
 * same validation step.
 */
public final class ContractProducts {

  private ContractProducts() {}

  /** The spec of a one-table {@code contract}'s product, reading CSV. */
  public static ProductSpec spec(DataContract contract) throws ContractException {
    return spec(contract, RecordFormat.Kind.CSV);
  }

  /** The spec of a one-table {@code contract}'s product, reading {@code format}, with {@code extraRules}. */
  public static ProductSpec spec(DataContract contract, RecordFormat.Kind format, Rule... extraRules)
      throws ContractException {
    return spec(contract, format, (DataKeys) null, extraRules);
  }

  /**
   * The spec of a one-table {@code contract}'s product, reading {@code format}, its classified
   * columns protected with {@code keys} (see {@link ContractProtection}), with {@code extraRules}.
   */
  public static ProductSpec spec(
      DataContract contract, RecordFormat.Kind format, @Nullable DataKeys keys, Rule... extraRules)
      throws ContractException {
    if (contract.tables().size() != 1) {
      throw ContractException.of(
          contract.product().id(),
          List.of(
              new ContractProblem(
                  "schema",
                  0,
                  "declares " + contract.tables().size() + " tables; build each with"
                      + " spec(contract, table, format) or all with specs(contract, format)")));
    }
    return spec(contract, contract.onlyTable(), format, keys, extraRules);
  }

  /** One spec per table of {@code contract}, each reading {@code format}. */
  public static List<ProductSpec> specs(DataContract contract, RecordFormat.Kind format)
      throws ContractException {
    return specs(contract, format, null);
  }

  /** One spec per table of {@code contract}, each reading {@code format}, protected with {@code keys}. */
  public static List<ProductSpec> specs(
      DataContract contract, RecordFormat.Kind format, @Nullable DataKeys keys)
      throws ContractException {
    List<ProductSpec> specs = new ArrayList<>();
    for (ContractTable table : contract.tables()) {
      specs.add(spec(contract, table, format, keys));
    }
    if (specs.isEmpty()) {
      throw ContractException.of(
          contract.product().id(),
          List.of(new ContractProblem("schema", 0, "declares no table: there is nothing to publish")));
    }
    return specs;
  }

  /**
   * The spec of {@code table} of {@code contract}'s product, reading {@code format}, with {@code
   * extraRules}: published as the table named {@link ContractTable#folder()}.
   */
  public static ProductSpec spec(
      DataContract contract, ContractTable table, RecordFormat.Kind format, Rule... extraRules)
      throws ContractException {
    return spec(contract, table, format, null, extraRules);
  }

  /**
   * The spec of {@code table} of {@code contract}'s product, reading {@code format}, its protected
   * columns protected with {@code keys} (needed when it has any), with {@code extraRules}.
   */
  public static ProductSpec spec(
      DataContract contract,
      ContractTable table,
      RecordFormat.Kind format,
      @Nullable DataKeys keys,
      Rule... extraRules)
      throws ContractException {
    if (!table.publishable()) {
      throw ContractException.of(
          contract.product().id(),
          List.of(
              new ContractProblem(
                  table.path() + ".properties",
                  0,
                  "the table " + table.folder() + " declares no columns; list its properties to"
                      + " publish it")));
    }
    checkDeduplication(contract, table);
    RecordFormat input = input(contract, table, format);
    RuleSet rules = ContractRules.from(table);
    for (Rule extra : extraRules) {
      rules = rules.and(extra);
    }
    // Rows a pipeline computed are typed and canonical already: nothing to parse or standardize.
    boolean rows = format == RecordFormat.Kind.ROWS;
    StandardizationStep standardization =
        rows ? null : ContractStandardization.step(contract, table);
    Schema validated =
        rows ? table.uncheckedSchema() : ContractStandardization.rawSchema(contract, table);
    if (standardization != null) {
      validated = standardization.outputSchema(validated);
    }
    List<ContractProblem> expressionProblems = ContractRules.problems(table, validated);
    if (!expressionProblems.isEmpty()) {
      throw ContractException.of(contract.product().id(), expressionProblems);
    }
    ProductSpec spec = ProductSpec.of(contract.product()).table(table.folder()).readingFrom(input);
    // Standardization first: a contract describes the product as published, so its rules judge
    // the cleansed, canonical values (a trimmed code, a UTC timestamp), not the text as read.
    if (standardization != null) {
      spec = spec.through(standardization);
    }
    if (!rules.rules().isEmpty()) {
      spec = spec.through(ValidationStep.of(rules));
    }
    spec = spec.through(ConformToSchema.to(table.publishedSchema()));
    List<FieldProtection> protections = ContractProtection.of(contract, table);
    if (!protections.isEmpty()) {
      if (keys == null) {
        throw ContractException.of(
            contract.product().id(),
            List.of(
                new ContractProblem(
                    ContractProtection.firstProtectedPath(table),
                    0,
                    "the table " + table.folder() + " protects "
                        + protections.stream().map(FieldProtection::field).toList()
                        + " (classification or protection), which needs a keyset: --keyset=PATH"
                        + " or DATAMESH_KEYSET (create one with: keys --keyset=PATH)")));
      }
      spec = spec.protectedBy(ProtectionStep.of(keys, protections));
    }
    if (!table.partitionKeys().isEmpty()) {
      spec = spec.partitionedBy(table.partitionKeys());
    }
    if (contract.serviceLevels().retention() != null) {
      spec = spec.retainingRunsFor(contract.serviceLevels().retention());
    }
    if (!table.primaryKey().isEmpty()) {
      spec = spec.deduplicatedBy(table.primaryKey().toArray(new String[0]));
      if (table.latestBy() != null) {
        spec = spec.keepingLatestBy(table.latestBy());
      }
    }
    List<Check> checks = ContractChecks.of(table).readableIn(spec.outputSchema()).checks();
    if (!checks.isEmpty()) {
      spec = spec.checkedBy(DatasetChecks.of(checks));
    }
    return spec;
  }

  private static RecordFormat input(
      DataContract contract, ContractTable table, RecordFormat.Kind format)
      throws ContractException {
    switch (format) {
      case CSV:
        return RecordFormat.csv(ContractStandardization.rawSchema(contract, table));
      case JSON_LINES:
        return RecordFormat.jsonLines(ContractStandardization.rawSchema(contract, table));
      case LOG_LINES:
        checkLogPattern(contract, table);
        return RecordFormat.logLines(
            ContractStandardization.rawSchema(contract, table), table.logPattern());
      case ROWS:
        return RecordFormat.rows(table.uncheckedSchema());
      default:
        throw new IllegalArgumentException("unknown format " + format);
    }
  }

  /** Log lines need the table's pattern, whose named groups must all be columns. */
  private static void checkLogPattern(DataContract contract, ContractTable table)
      throws ContractException {
    String path = table.path() + ".customProperties";
    List<ContractProblem> problems = new ArrayList<>();
    if (table.logPattern() == null) {
      problems.add(
          new ContractProblem(
              path,
              0,
              "reading log lines needs a logPattern: a custom property of the object whose value"
                  + " is a regular expression with a named group (?<column>...) per column"));
    } else {
      for (String group : LogPattern.of(table.logPattern()).groupNames()) {
        if (table.field(group) == null) {
          problems.add(
              new ContractProblem(
                  path + "." + DataContract.LOG_PATTERN_PROPERTY,
                  0,
                  "the group " + group + " is not a column of the table " + table.folder()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw ContractException.of(contract.product().id(), problems);
    }
  }

  private static void checkDeduplication(DataContract contract, ContractTable table)
      throws ContractException {
    List<ContractProblem> problems = new ArrayList<>();
    int latest = 0;
    List<ContractField> fields = table.fields();
    for (int i = 0; i < fields.size(); i++) {
      String value = fields.get(i).customProperties().get(DataContract.DEDUPLICATE_PROPERTY);
      String path =
          table.path() + ".properties[" + i + "].customProperties."
              + DataContract.DEDUPLICATE_PROPERTY;
      if (value == null) {
        continue;
      }
      if (!value.equals("latest")) {
        problems.add(new ContractProblem(path, 0, "the only value is latest"));
      } else if (++latest > 1) {
        problems.add(new ContractProblem(path, 0, "only one column can decide which record is latest"));
      }
    }
    if (latest > 0 && table.primaryKey().isEmpty()) {
      problems.add(
          new ContractProblem(
              table.path() + ".properties", 0, "deduplicate: latest needs a primaryKey"));
    }
    if (!problems.isEmpty()) {
      throw ContractException.of(contract.product().id(), problems);
    }
  }
}
