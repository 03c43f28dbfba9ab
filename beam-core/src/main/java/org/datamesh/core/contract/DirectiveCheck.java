package org.datamesh.core.contract;

import static org.datamesh.core.contract.ColumnStandardization.CODES;
import static org.datamesh.core.contract.ColumnStandardization.CONVERSIONS;
import static org.datamesh.core.contract.ColumnStandardization.KNOWN;
import static org.datamesh.core.contract.ColumnStandardization.TEXT;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;
import org.datamesh.core.contract.StandardizeDirectives.Directive;
import org.datamesh.core.standardize.Standardizers;

/**
 * Checks a column's {@code standardize} directives against its type and its table, each misfit a
 * {@link ContractProblem} at the property's path, and builds the column's {@link
 * ColumnStandardization}.
 */
final class DirectiveCheck {

  private final ContractField field;
  private final ContractTable table;
  private final String path;
  private final List<ContractProblem> problems;

  private DirectiveCheck(
      ContractField field, ContractTable table, String path, List<ContractProblem> problems) {
    this.field = field;
    this.table = table;
    this.path = path;
    this.problems = problems;
  }

  /** The plan of {@code field}, whose property holds {@code value}; problems go to {@code problems}. */
  static ColumnStandardization plan(
      ContractField field,
      ContractTable table,
      String value,
      String path,
      List<ContractProblem> problems) {
    return new DirectiveCheck(field, table, path, problems).plan(value);
  }

  private void problem(String message) {
    problems.add(new ContractProblem(path, 0, message));
  }

  private ColumnStandardization plan(String value) {
    List<String> malformed = new ArrayList<>();
    List<Directive> directives = StandardizeDirectives.parse(value, malformed);
    if (!malformed.isEmpty()) {
      problem("not a directive (name or name(argument|...)); use " + KNOWN);
    }
    boolean converts = directives.stream().anyMatch(d -> CONVERSIONS.contains(d.name()));
    List<Directive> operations = new ArrayList<>();
    String amountCurrency = null;
    List<String> formats = new ArrayList<>();
    for (Directive d : directives) {
      if (d.name().equals("currency") && d.parenthesized()) {
        amountCurrency = amountCurrency(d);
      } else if (d.name().equals("formats")) {
        formats.addAll(formats(d));
      } else if (fits(d, converts)) {
        operations.add(d);
      }
    }
    for (int i = 0; i < operations.size() - 1; i++) {
      if (CONVERSIONS.contains(operations.get(i).name())) {
        problem(operations.get(i).name()
            + " changes the column's type, so it must be the column's last directive");
      }
    }
    return new ColumnStandardization(field, operations, amountCurrency, formats);
  }

  /** Whether {@code d} fits the column; each misfit is one problem. */
  private boolean fits(Directive d, boolean converts) {
    String name = d.name();
    LogicalType type = field.logicalType();
    if (TEXT.contains(name)) {
      boolean text =
          type == LogicalType.STRING || type == LogicalType.TIMESTAMP || type == LogicalType.DATE
              || converts;
      if (!text) {
        problem(name + " applies to text: string, date and timestamp columns, and columns read"
            + " with boolean or unit(...)");
        return false;
      }
      return noArgument(d, name.equals("null_tokens"));
    }
    if (CODES.contains(name)) {
      if (type != LogicalType.STRING) {
        problem(name + " applies to string columns only"
            + (name.equals("currency") ? " (a code); an amount takes currency(<column>)" : ""));
        return false;
      }
      return name.equals("phone") ? region(d) : noArgument(d, false);
    }
    if (name.equals("boolean")) {
      if (type != LogicalType.BOOLEAN) {
        problem("boolean applies to boolean columns only");
        return false;
      }
      return noArgument(d, false);
    }
    if (name.equals("unit")) {
      return unit(d);
    }
    problem("unknown standardization; use " + KNOWN);
    return false;
  }

  private boolean noArgument(Directive d, boolean allowed) {
    if (d.parenthesized() && !allowed) {
      problem(d.name() + " takes no argument");
      return false;
    }
    return true;
  }

  private boolean region(Directive d) {
    if (!d.parenthesized()) {
      return true;
    }
    try {
      if (d.arguments().size() == 1) {
        Standardizers.phoneE164(field.name()).withDefaultRegion(d.argument());
        return true;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problem("phone(...) takes one region libphonenumber knows, such as phone(DE)");
    return false;
  }

  private boolean unit(Directive d) {
    FieldType type = field.beamType();
    if (field.logicalType() != LogicalType.NUMBER
        || !(type.equals(FieldType.DOUBLE) || DataTypes.isFixedDecimal(type))) {
      problem("unit(...) needs a number column published as double or decimal(p,s)");
      return false;
    }
    try {
      if (d.arguments().size() == 1) {
        Standardizers.unit(field.name(), d.argument());
        return true;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problem("unit(...) takes one unit: mg, g, kg, t, oz, lb, mm, cm, m, km, in, ft, yd or mi");
    return false;
  }

  private @Nullable String amountCurrency(Directive d) {
    String currency = d.arguments().size() == 1 ? d.argument() : "";
    ContractField currencyField = table.field(currency);
    if (currencyField == null || currencyField.logicalType() != LogicalType.STRING) {
      problem("currency(...) must name a string column of the same table");
      return null;
    }
    if (!DataTypes.isFixedDecimal(field.beamType())) {
      problem("currency(...) needs a decimal column: physicalType decimal(p,s)");
      return null;
    }
    return currency;
  }

  private List<String> formats(Directive d) {
    if (field.logicalType() != LogicalType.DATE && field.logicalType() != LogicalType.TIMESTAMP) {
      problem("formats(...) applies to date and timestamp columns only");
      return List.of();
    }
    if (d.arguments().contains("")) {
      problem("formats(...) takes date-time patterns separated by |, such as formats(dd.MM.yyyy)");
      return List.of();
    }
    try {
      Standardizers.date(field.name()).withPatterns(d.arguments().toArray(new String[0]));
    } catch (IllegalArgumentException e) {
      problem("formats(...) holds a pattern java.time cannot read");
      return List.of();
    }
    return d.arguments();
  }
}
