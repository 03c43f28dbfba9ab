package org.datamesh.core.standardize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

/**
 * Rounds a money amount to the minor unit of its row's ISO 4217 currency (2 places for EUR, 0 for
 * JPY, 3 for BHD), half-even as bookkeeping does, and stores it as a decimal of fixed precision
 * and scale so every currency fits one column.
 *
 * <p>The currency field must hold an ISO 4217 code (standardize it to upper case first); a row
 * with an unknown code, or an amount too large for the column, fails standardization.
 */
public final class CurrencyScale implements FieldStandardizer {

  private final String amountField;
  private final String currencyField;
  private final int precision;
  private final int scale;

  private CurrencyScale(String amountField, String currencyField, int precision, int scale) {
    this.amountField = amountField;
    this.currencyField = currencyField;
    this.precision = precision;
    this.scale = scale;
  }

  static CurrencyScale of(String amountField, String currencyField) {
    return new CurrencyScale(amountField, currencyField, 18, 4);
  }

  /**
   * Returns a standardizer like this one but storing amounts as {@code DECIMAL(precision, scale)};
   * the default, {@code DECIMAL(18,4)}, holds every ISO 4217 minor unit.
   */
  public CurrencyScale storedAs(int precision, int scale) {
    return new CurrencyScale(amountField, currencyField, precision, scale);
  }

  @Override
  public String field() {
    return amountField;
  }

  @Override
  public List<String> reads() {
    return List.of(currencyField);
  }

  @Override
  public FieldType outputType(FieldType inputType) {
    return DataTypes.decimal(precision, scale).withNullable(inputType.getNullable());
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row)
      throws StandardizationException {
    if (value == null) {
      return null;
    }
    BigDecimal amount = value instanceof BigDecimal d ? d : toDecimal(value);
    Object code = row.get(currencyField);
    Currency currency = currency(code);
    int minorUnits = currency.getDefaultFractionDigits();
    if (minorUnits < 0 || minorUnits > scale) {
      throw new StandardizationException(
          "standardize.currency",
          currencyField,
          currencyField + " is a currency without minor units that fit " + amountField);
    }
    // Checked before rounding too: setScale on 1E+999999999 would build a billion-digit number.
    if (amount.precision() - amount.scale() > precision - scale) {
      throw tooLarge();
    }
    BigDecimal rounded = amount.setScale(minorUnits, RoundingMode.HALF_EVEN).setScale(scale);
    if (rounded.precision() > precision) {
      throw tooLarge();
    }
    return rounded;
  }

  private StandardizationException tooLarge() {
    return new StandardizationException(
        "standardize.amount",
        amountField,
        amountField + " has more than " + (precision - scale) + " digits before the point");
  }

  private BigDecimal toDecimal(Object value) throws StandardizationException {
    String text = value.toString().trim();
    // No amount a column holds is this long; parsing such text costs time for nothing.
    if (text.length() > 200) {
      throw new StandardizationException(
          "standardize.amount", amountField, amountField + " is not a decimal amount");
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new StandardizationException(
          "standardize.amount", amountField, amountField + " is not a decimal amount");
    }
  }

  private Currency currency(@Nullable Object code) throws StandardizationException {
    if (code == null) {
      throw new StandardizationException(
          "standardize.currency",
          currencyField,
          amountField + " has no currency: " + currencyField + " is missing");
    }
    try {
      // Currency.getInstance takes only the upper-case code: " eur " must be standardized first.
      return Currency.getInstance(code.toString());
    } catch (IllegalArgumentException e) {
      throw new StandardizationException(
          "standardize.currency", currencyField, currencyField + " is not an ISO 4217 currency code");
    }
  }

  @Override
  public String describe() {
    return amountField
        + ": rounded half-even to the minor unit of "
        + currencyField
        + ", stored as DECIMAL("
        + precision
        + ","
        + scale
        + ")";
  }
}
