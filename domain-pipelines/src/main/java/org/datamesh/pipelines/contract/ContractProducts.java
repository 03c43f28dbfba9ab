package org.datamesh.pipelines.contract;

import java.util.ArrayList;
import java.util.List;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractField;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.ContractStandardization;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.parse.LogPattern;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.record.ConformToSchema;
import org.datamesh.core.standardize.StandardizationStep;
import org.datamesh.rules.ContractRules;
import org.datamesh.rules.Rule;
import org.datamesh.rules.RuleSet;
import org.datamesh.rules.ValidationStep;

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
 * {@code logPattern}, a regular expression whose named groups are the columns.
 *
 * <p>Columns marked {@code partitioned} become Hive-style partitions of the published files, and
 * an SLA {@code retention} removes older unreferenced runs after each commit.
 *
 * <p>The record path is: validation ({@link ContractRules}), standardization ({@link
 * ContractStandardization}), then the rows take the contract's published schema ({@link
 * ConformToSchema}). Records sharing the primary key are deduplicated, the one with the greatest
 * value of the column marked {@code deduplicate: latest} winning. A product with business rules a
 * contract cannot state passes them as {@code extraRules}; they join the contract's rules in the
 * same validation step.
 */
public final class ContractProducts {

  private ContractProducts() {}

  /** The spec of {@code contract}'s product, reading CSV. */
  public static ProductSpec spec(DataContract contract) throws ContractException {
    return spec(contract, RecordFormat.Kind.CSV);
  }

  /** The spec of {@code contract}'s product, reading {@code format}, with {@code extraRules}. */
  public static ProductSpec spec(DataContract contract, RecordFormat.Kind format, Rule... extraRules)
      throws ContractException {
    checkDeduplication(contract);
    RecordFormat input = input(contract, format);
    RuleSet rules = ContractRules.from(contract);
    for (Rule extra : extraRules) {
      rules = rules.and(extra);
    }
    ProductSpec spec = ProductSpec.of(contract.product()).readingFrom(input);
    if (!rules.rules().isEmpty()) {
      spec = spec.through(ValidationStep.of(rules));
    }
    StandardizationStep standardization = ContractStandardization.step(contract);
    if (standardization != null) {
      spec = spec.through(standardization);
    }
    spec = spec.through(ConformToSchema.to(contract.publishedSchema()));
    if (!contract.partitionKeys().isEmpty()) {
      spec = spec.partitionedBy(contract.partitionKeys());
    }
    if (contract.serviceLevels().retention() != null) {
      spec = spec.retainingRunsFor(contract.serviceLevels().retention());
    }
    if (!contract.primaryKey().isEmpty()) {
      spec = spec.deduplicatedBy(contract.primaryKey().toArray(new String[0]));
      if (contract.latestBy() != null) {
        spec = spec.keepingLatestBy(contract.latestBy());
      }
    }
    return spec;
  }

  private static RecordFormat input(DataContract contract, RecordFormat.Kind format)
      throws ContractException {
    switch (format) {
      case CSV:
        return RecordFormat.csv(ContractStandardization.rawSchema(contract));
      case JSON_LINES:
        return RecordFormat.jsonLines(ContractStandardization.rawSchema(contract));
      case LOG_LINES:
        checkLogPattern(contract);
        return RecordFormat.logLines(
            ContractStandardization.rawSchema(contract), contract.logPattern());
      default:
        throw new IllegalArgumentException("unknown format " + format);
    }
  }

  /** Log lines need the contract's pattern, whose named groups must all be columns. */
  private static void checkLogPattern(DataContract contract) throws ContractException {
    String path = "schema[0].customProperties";
    List<ContractProblem> problems = new ArrayList<>();
    if (contract.logPattern() == null) {
      problems.add(
          new ContractProblem(
              path,
              0,
              "reading log lines needs a logPattern: a custom property of the object whose value"
                  + " is a regular expression with a named group (?<column>...) per column"));
    } else {
      for (String group : LogPattern.of(contract.logPattern()).groupNames()) {
        if (contract.field(group) == null) {
          problems.add(
              new ContractProblem(
                  path + "." + DataContract.LOG_PATTERN_PROPERTY,
                  0,
                  "the group " + group + " is not a column of the contract"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw ContractException.of(contract.domain() + "." + contract.productName(), problems);
    }
  }

  private static void checkDeduplication(DataContract contract) throws ContractException {
    List<ContractProblem> problems = new ArrayList<>();
    int latest = 0;
    List<ContractField> fields = contract.fields();
    for (int i = 0; i < fields.size(); i++) {
      String value = fields.get(i).customProperties().get(DataContract.DEDUPLICATE_PROPERTY);
      String path = "schema[0].properties[" + i + "].customProperties." + DataContract.DEDUPLICATE_PROPERTY;
      if (value == null) {
        continue;
      }
      if (!value.equals("latest")) {
        problems.add(new ContractProblem(path, 0, "the only value is latest"));
      } else if (++latest > 1) {
        problems.add(new ContractProblem(path, 0, "only one column can decide which record is latest"));
      }
    }
    if (latest > 0 && contract.primaryKey().isEmpty()) {
      problems.add(
          new ContractProblem("schema[0].properties", 0, "deduplicate: latest needs a primaryKey"));
    }
    if (!problems.isEmpty()) {
      throw ContractException.of(contract.domain() + "." + contract.productName(), problems);
    }
  }
}
