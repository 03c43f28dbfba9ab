package org.datamesh.core.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;
import org.datamesh.core.standardize.FieldStandardizer;
import org.datamesh.core.standardize.StandardizationStep;
import org.datamesh.core.standardize.Standardizers;

/**
 * What a contract says about putting values into canonical form, and the schema records are
 * parsed into before that. ODCS has no word for standardization, so datamesh-beam reads one custom
 * property per column, a comma-separated list applied in order (see docs/contracts.md for every
 * directive):
 *
 * <pre>{@code
 * - name: phone
 *   logicalType: string
 *   customProperties:
 *     - property: standardize
 *       value: null_tokens, phone(DE)     # "N/A" -> null, "030 1234567" -> "+49301234567"
 * - name: weight
 *   logicalType: number
 *   physicalType: decimal(12,3)
 *   customProperties:
 *     - property: standardize
 *       value: unit(kg)                  # read as text, "5 lb" -> 2.268
 * - name: amount
 *   logicalType: number
 *   physicalType: decimal(18,4)
 *   customProperties:
 *     - property: standardize
 *       value: currency(currency)        # round to the minor unit of the currency in that column
 * }</pre>
 *
 * <p>Columns of {@code logicalType: timestamp} are read as text and turned into UTC timestamps by
 * standardization (which accepts an offset or a zone, see {@code TimestampToUtc}), and so are
 * {@code date} columns that list any directive; {@code boolean} and {@code unit(...)} read their
 * column as text too. So a record with an unreadable value fails at STANDARDIZE with the column
 * named. Every column is read as nullable: a missing required value is reported by validation's
 * {@code not_null} rule, with the record's other problems, rather than by the parser.
 *
 * <p>Each column's directives run in the order listed (column by column), then its conversion to
 * a timestamp or date; currency amounts come last, so an amount is scaled by its currency code as
 * already standardized.
 */
public final class ContractStandardization {

  /** The custom property that declares a column's standardization. */
  public static final String PROPERTY = "standardize";

  private ContractStandardization() {}

  /** The schema records of a one-table {@code contract} are parsed into. */
  public static Schema rawSchema(DataContract contract) throws ContractException {
    return rawSchema(contract, contract.onlyTable());
  }

  /** The schema records of {@code table} are parsed into: the record path's input. */
  public static Schema rawSchema(DataContract contract, ContractTable table)
      throws ContractException {
    Map<String, ColumnStandardization> plans = plans(contract, table);
    Schema.Builder raw = Schema.builder();
    for (ContractField field : table.fields()) {
      FieldType type = plans.get(field.name()).rawType();
      raw.addField(
          type == field.beamType() ? RawTypes.field(field) : Schema.Field.nullable(field.name(), type));
    }
    return raw.build();
  }

  /** The standardization step of a one-table {@code contract}; null when it standardizes nothing. */
  public static @Nullable StandardizationStep step(DataContract contract)
      throws ContractException {
    return step(contract, contract.onlyTable());
  }

  /** The standardization step of {@code table}; null when it standardizes nothing. */
  public static @Nullable StandardizationStep step(DataContract contract, ContractTable table)
      throws ContractException {
    List<FieldStandardizer> all = new ArrayList<>();
    List<FieldStandardizer> amounts = new ArrayList<>();
    for (ColumnStandardization plan : plans(contract, table).values()) {
      plan.standardizers(all);
      if (plan.amountCurrency() != null) {
        FieldType type = plan.field().beamType();
        amounts.add(
            Standardizers.currencyAmount(plan.field().name(), plan.amountCurrency())
                .storedAs(DataTypes.precision(type), DataTypes.scale(type)));
      }
    }
    all.addAll(amounts);
    return all.isEmpty() ? null : StandardizationStep.of(all);
  }

  /** Each column's plan, checked; every problem is reported with its YAML path. */
  private static Map<String, ColumnStandardization> plans(DataContract contract, ContractTable table)
      throws ContractException {
    Map<String, ColumnStandardization> byField = new LinkedHashMap<>();
    List<ContractProblem> problems = new ArrayList<>();
    List<ContractField> fields = table.fields();
    for (int f = 0; f < fields.size(); f++) {
      ContractField field = fields.get(f);
      String value = field.customProperties().get(PROPERTY);
      String path = table.path() + ".properties[" + f + "].customProperties." + PROPERTY;
      byField.put(
          field.name(),
          value == null
              ? ColumnStandardization.none(field)
              : DirectiveCheck.plan(field, table, value, path, problems));
    }
    if (!problems.isEmpty()) {
      throw new ContractException(contract.product().id(), problems);
    }
    return byField;
  }
}
