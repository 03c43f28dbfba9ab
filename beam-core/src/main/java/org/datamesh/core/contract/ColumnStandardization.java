package org.datamesh.core.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;
import org.datamesh.core.contract.StandardizeDirectives.Directive;
import org.datamesh.core.standardize.FieldStandardizer;
import org.datamesh.core.standardize.NullTokens;
import org.datamesh.core.standardize.PhoneE164;
import org.datamesh.core.standardize.Standardizers;
import org.datamesh.core.standardize.TimestampToUtc;
import org.datamesh.core.standardize.UnitConversion;

/**
 * One column's standardization as its contract declares it, already checked ({@link
 * DirectiveCheck}): the type it is read as, and the standardizers it runs, in order.
 *
 * @param operations the directives that each become a standardizer, in the order listed
 * @param amountCurrency the currency column of {@code currency(<column>)}, or null
 * @param formats the patterns of {@code formats(...)}, tried after the property's own format
 */
record ColumnStandardization(
    ContractField field,
    List<Directive> operations,
    @Nullable String amountCurrency,
    List<String> formats) {

  /** Directives on text: any column read as text. */
  static final Set<String> TEXT =
      Set.of("trim", "upper", "lower", "title", "collapse", "nfc", "strip_control", "null_tokens");

  /** Directives that read codes from string columns. */
  static final Set<String> CODES = Set.of("email", "phone", "country", "currency");

  /** Directives that turn a text column into its published type; the last of a column. */
  static final Set<String> CONVERSIONS = Set.of("boolean", "unit");

  /** Every directive, for problems. */
  static final String KNOWN =
      "trim, upper, lower, title, collapse, nfc, strip_control, null_tokens[(a|b|...)], email,"
          + " phone[(region)], country, currency, currency(<column>), boolean, unit(<unit>),"
          + " formats(<pattern>|...)";

  ColumnStandardization {
    operations = List.copyOf(operations);
    formats = List.copyOf(formats);
  }

  /** A column without the custom property (a timestamp column is still converted). */
  static ColumnStandardization none(ContractField field) {
    return new ColumnStandardization(field, List.of(), null, List.of());
  }

  private boolean converts() {
    return operations.stream().anyMatch(d -> CONVERSIONS.contains(d.name()));
  }

  /** Whether a date column is read as text and converted by standardization. */
  private boolean dateFromText() {
    return field.logicalType() == LogicalType.DATE
        && (!operations.isEmpty() || !formats.isEmpty());
  }

  /** The type the column is parsed as, before standardization. */
  FieldType rawType() {
    if (field.logicalType() == LogicalType.TIMESTAMP || dateFromText() || converts()) {
      return FieldType.STRING;
    }
    // Any scale is read; standardization rounds it to the currency's minor unit.
    return amountCurrency != null ? FieldType.DECIMAL : field.beamType();
  }

  /** Adds the column's standardizers to {@code out}: its directives, then its time conversion. */
  void standardizers(List<FieldStandardizer> out) {
    for (Directive directive : operations) {
      out.add(standardizer(directive));
    }
    List<String> patterns = new ArrayList<>();
    if (field.format() != null) {
      patterns.add(field.format());
    }
    patterns.addAll(formats);
    if (field.logicalType() == LogicalType.TIMESTAMP) {
      TimestampToUtc utc = Standardizers.timestampUtc(field.name());
      if (field.typeOptions().defaultTimezone() != null) {
        utc = utc.inZone(field.typeOptions().defaultTimezone());
      }
      out.add(utc.withPatterns(patterns.toArray(new String[0])));
    } else if (dateFromText()) {
      out.add(Standardizers.date(field.name()).withPatterns(patterns.toArray(new String[0])));
    }
  }

  private FieldStandardizer standardizer(Directive directive) {
    String name = field.name();
    switch (directive.name()) {
      case "trim":
        return Standardizers.trim(name);
      case "upper":
        return Standardizers.upperCase(name);
      case "lower":
        return Standardizers.lowerCase(name);
      case "title":
        return Standardizers.titleCase(name);
      case "collapse":
        return Standardizers.collapseWhitespace(name);
      case "nfc":
        return Standardizers.normalizeNfc(name);
      case "strip_control":
        return Standardizers.stripControl(name);
      case "null_tokens":
        NullTokens tokens = Standardizers.nullTokens(name);
        return directive.parenthesized()
            ? tokens.withTokens(
                directive.arguments().stream().filter(t -> !t.isEmpty()).toArray(String[]::new))
            : tokens;
      case "email":
        return Standardizers.email(name);
      case "phone":
        PhoneE164 phone = Standardizers.phoneE164(name);
        return directive.argument() == null ? phone : phone.withDefaultRegion(directive.argument());
      case "country":
        return Standardizers.countryCode(name);
      case "currency":
        return Standardizers.currencyCode(name);
      case "boolean":
        return Standardizers.booleanTokens(name);
      case "unit":
        UnitConversion unit = Standardizers.unit(name, directive.argument());
        FieldType type = field.beamType();
        return DataTypes.isFixedDecimal(type)
            ? unit.storedAs(DataTypes.precision(type), DataTypes.scale(type))
            : unit;
      default:
        throw new IllegalStateException("checked by DirectiveCheck: " + directive.name());
    }
  }
}
