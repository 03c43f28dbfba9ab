package org.datamesh.core.standardize;

/**
 * The built-in {@link FieldStandardizer}s.
 *
 * <pre>{@code
 * Standardize.fields(
 *     Standardizers.upperCase("currency"),
 *     Standardizers.timestampUtc("order_ts").withPatterns("dd/MM/yyyy HH:mm"),
 *     Standardizers.currencyAmount("amount", "currency"));
 * }</pre>
 */
public final class Standardizers {

  private Standardizers() {}

  /** Text timestamps to UTC instants; see {@link TimestampToUtc}. */
  public static TimestampToUtc timestampUtc(String field) {
    return TimestampToUtc.of(field);
  }

  /** An amount rounded to its currency's minor unit; see {@link CurrencyScale}. */
  public static CurrencyScale currencyAmount(String amountField, String currencyField) {
    return CurrencyScale.of(amountField, currencyField);
  }

  /** Text trimmed and upper-cased ({@code " eur "} to {@code "EUR"}); blank becomes null. */
  public static TextCase upperCase(String field) {
    return new TextCase(field, TextCase.Fold.UPPER);
  }

  /** Text trimmed and lower-cased; blank becomes null. */
  public static TextCase lowerCase(String field) {
    return new TextCase(field, TextCase.Fold.LOWER);
  }

  /** Text trimmed; blank becomes null. */
  public static TextCase trim(String field) {
    return new TextCase(field, TextCase.Fold.NONE);
  }
}
