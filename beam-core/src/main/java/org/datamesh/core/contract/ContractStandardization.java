package org.datamesh.core.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;
import org.datamesh.core.standardize.FieldStandardizer;
import org.datamesh.core.standardize.StandardizationStep;
import org.datamesh.core.standardize.Standardizers;
import org.datamesh.core.standardize.TimestampToUtc;

/**
 * What a contract says about putting values into canonical form, and the schema records are
 * parsed into before that. ODCS has no word for standardization, so datamesh-beam reads one custom
 * property per column:
 *
 * <pre>{@code
 * - name: currency
 *   logicalType: string
 *   customProperties:
 *     - property: standardize
 *       value: trim, upper          # trim | upper | lower, comma-separated, in order
 * - name: amount
 *   logicalType: number
 *   physicalType: decimal(18,4)
 *   customProperties:
 *     - property: standardize
 *       value: currency(currency)   # round to the minor unit of the currency in that column
 * }</pre>
 *
 * <p>Columns of {@code logicalType: timestamp} are read as text and turned into UTC timestamps by
 * standardization (which accepts an offset or a zone, see {@code TimestampToUtc}), so a record
 * with an unreadable time fails at STANDARDIZE with the column named. Every column is read as
 * nullable: a missing required value is reported by validation's {@code not_null} rule, with
 * the record's other problems, rather than by the parser.
 *
 * <p>Standardizers run text ones first (column order), then timestamps, then currency amounts, so
 * an amount is scaled by its currency code as already trimmed and upper-cased.
 */
public final class ContractStandardization {

  /** The custom property that declares a column's standardization. */
  public static final String PROPERTY = "standardize";

  private static final Pattern CURRENCY = Pattern.compile("currency\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)");

  private ContractStandardization() {}

  /** The schema records of a one-table {@code contract} are parsed into. */
  public static Schema rawSchema(DataContract contract) throws ContractException {
    return rawSchema(contract, contract.onlyTable());
  }

  /** The schema records of {@code table} are parsed into: the record path's input. */
  public static Schema rawSchema(DataContract contract, ContractTable table)
      throws ContractException {
    Map<String, List<Directive>> directives = parse(contract, table);
    Schema.Builder raw = Schema.builder();
    for (ContractField field : table.fields()) {
      FieldType type = rawType(field, directives.get(field.name()));
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
    Map<String, List<Directive>> directives = parse(contract, table);
    List<FieldStandardizer> text = new ArrayList<>();
    List<FieldStandardizer> timestamps = new ArrayList<>();
    List<FieldStandardizer> amounts = new ArrayList<>();
    for (ContractField field : table.fields()) {
      for (Directive directive : directives.get(field.name())) {
        switch (directive.kind()) {
          case TRIM -> text.add(Standardizers.trim(field.name()));
          case UPPER -> text.add(Standardizers.upperCase(field.name()));
          case LOWER -> text.add(Standardizers.lowerCase(field.name()));
          case CURRENCY ->
              amounts.add(
                  Standardizers.currencyAmount(field.name(), directive.argument())
                      .storedAs(
                          DataTypes.precision(field.beamType()), DataTypes.scale(field.beamType())));
        }
      }
      if (field.logicalType() == LogicalType.TIMESTAMP) {
        timestamps.add(timestampUtc(field));
      }
    }
    List<FieldStandardizer> all = new ArrayList<>(text);
    all.addAll(timestamps);
    all.addAll(amounts);
    return all.isEmpty() ? null : StandardizationStep.of(all);
  }

  /** A timestamp column to UTC, read in its declared format and zone (or ISO-8601 and UTC). */
  private static FieldStandardizer timestampUtc(ContractField field) {
    TimestampToUtc standardizer = Standardizers.timestampUtc(field.name());
    if (field.typeOptions().defaultTimezone() != null) {
      standardizer = standardizer.inZone(field.typeOptions().defaultTimezone());
    }
    return field.format() == null ? standardizer : standardizer.withPatterns(field.format());
  }

  private static FieldType rawType(ContractField field, List<Directive> directives) {
    if (field.logicalType() == LogicalType.TIMESTAMP) {
      return FieldType.STRING;
    }
    for (Directive directive : directives) {
      if (directive.kind() == Kind.CURRENCY) {
        // Any scale is read; standardization rounds it to the currency's minor unit.
        return FieldType.DECIMAL;
      }
    }
    return field.beamType();
  }

  /** Each column's directives, checked; every problem is reported with its YAML path. */
  private static Map<String, List<Directive>> parse(DataContract contract, ContractTable table)
      throws ContractException {
    Map<String, List<Directive>> byField = new java.util.LinkedHashMap<>();
    List<ContractProblem> problems = new ArrayList<>();
    List<ContractField> fields = table.fields();
    for (int f = 0; f < fields.size(); f++) {
      ContractField field = fields.get(f);
      List<Directive> directives = new ArrayList<>();
      String value = field.customProperties().get(PROPERTY);
      String path = table.path() + ".properties[" + f + "].customProperties." + PROPERTY;
      if (value != null) {
        for (String part : value.split(",")) {
          Directive directive = directive(part.trim(), field, table, path, problems);
          if (directive != null) {
            directives.add(directive);
          }
        }
      }
      byField.put(field.name(), directives);
    }
    if (!problems.isEmpty()) {
      throw new ContractException(contract.product().id(), problems);
    }
    return byField;
  }

  private static @Nullable Directive directive(
      String text,
      ContractField field,
      ContractTable table,
      String path,
      List<ContractProblem> problems) {
    String word = text.toLowerCase(Locale.ROOT);
    Kind kind =
        switch (word) {
          case "trim" -> Kind.TRIM;
          case "upper" -> Kind.UPPER;
          case "lower" -> Kind.LOWER;
          default -> CURRENCY.matcher(word).matches() ? Kind.CURRENCY : null;
        };
    if (kind == null) {
      problems.add(
          new ContractProblem(
              path, 0, "unknown standardization; use trim, upper, lower or currency(<column>)"));
      return null;
    }
    if (kind == Kind.CURRENCY) {
      Matcher m = CURRENCY.matcher(text.trim());
      String currency = m.matches() ? m.group(1) : "";
      ContractField currencyField = table.field(currency);
      if (currencyField == null || currencyField.logicalType() != LogicalType.STRING) {
        problems.add(
            new ContractProblem(path, 0, "currency(...) must name a string column of the same table"));
        return null;
      }
      if (!DataTypes.isFixedDecimal(field.beamType())) {
        problems.add(
            new ContractProblem(
                path, 0, "currency(...) needs a decimal column: physicalType decimal(p,s)"));
        return null;
      }
      return new Directive(kind, currency);
    }
    if (field.logicalType() != LogicalType.STRING) {
      problems.add(new ContractProblem(path, 0, text + " applies to string columns only"));
      return null;
    }
    return new Directive(kind, null);
  }

  private enum Kind {
    TRIM,
    UPPER,
    LOWER,
    CURRENCY
  }

  private record Directive(Kind kind, @Nullable String argument) {}
}
