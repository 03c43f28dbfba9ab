package org.datamesh.core.standardize;

/**
 * The built-in {@link FieldStandardizer}s, one small function each, composed by listing them.
 *
 * <pre>{@code
 * Standardize.fields(
 *     Standardizers.nullTokens("phone"),
 *     Standardizers.phoneE164("phone").withDefaultRegion("DE"),
 *     Standardizers.countryCode("country"),
 *     Standardizers.upperCase("currency"),
 *     Standardizers.timestampUtc("order_ts").withPatterns("dd/MM/yyyy HH:mm"),
 *     Standardizers.currencyAmount("amount", "currency"));
 * }</pre>
 *
 * <p>Each fails a value it cannot put into canonical form with a {@code standardize.*} rule whose
 * reason names the field and what was expected, never the value.
 */
public final class Standardizers {

  private Standardizers() {}

  /** Text timestamps to UTC instants; see {@link TimestampToUtc}. */
  public static TimestampToUtc timestampUtc(String field) {
    return TimestampToUtc.of(field);
  }

  /** Text dates to calendar dates; see {@link DateFromText}. */
  public static DateFromText date(String field) {
    return DateFromText.of(field);
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

  /** Text trimmed and in title case ({@code "ANNE-MARIE"} to {@code "Anne-Marie"}); see {@link TextCase}. */
  public static TextCase titleCase(String field) {
    return new TextCase(field, TextCase.Fold.TITLE);
  }

  /** Text trimmed; blank becomes null. */
  public static TextCase trim(String field) {
    return new TextCase(field, TextCase.Fold.NONE);
  }

  /** Runs of white space to one space, trimmed; see {@link TextCleanup}. */
  public static TextCleanup collapseWhitespace(String field) {
    return new TextCleanup(field, TextCleanup.Kind.COLLAPSE);
  }

  /** Text in Unicode normalization form C; see {@link TextCleanup}. */
  public static TextCleanup normalizeNfc(String field) {
    return new TextCleanup(field, TextCleanup.Kind.NFC);
  }

  /** Control and zero-width characters removed (tab and line breaks kept); see {@link TextCleanup}. */
  public static TextCleanup stripControl(String field) {
    return new TextCleanup(field, TextCleanup.Kind.STRIP_CONTROL);
  }

  /** Blank text and {@code N/A}, {@code null}, {@code -} (any case) to null; see {@link NullTokens}. */
  public static NullTokens nullTokens(String field) {
    return NullTokens.of(field);
  }

  /** Phone numbers to E.164; see {@link PhoneE164}. */
  public static PhoneE164 phoneE164(String field) {
    return PhoneE164.of(field);
  }

  /** Country codes and English names to ISO 3166-1 alpha-2; see {@link CountryCode}. */
  public static CountryCode countryCode(String field) {
    return new CountryCode(field);
  }

  /** Currency codes (any case) and single-currency signs to ISO 4217; see {@link CurrencyCode}. */
  public static CurrencyCode currencyCode(String field) {
    return new CurrencyCode(field);
  }

  /** E-mail addresses trimmed, domain lower-cased; see {@link EmailAddress}. */
  public static EmailAddress email(String field) {
    return new EmailAddress(field);
  }

  /** Tokens such as yes/no, y/n, 1/0, on/off to a boolean; see {@link BooleanTokens}. */
  public static BooleanTokens booleanTokens(String field) {
    return BooleanTokens.of(field);
  }

  /** Quantities with a unit to a number in {@code canonicalUnit}; see {@link UnitConversion}. */
  public static UnitConversion unit(String field, String canonicalUnit) {
    return UnitConversion.of(field, canonicalUnit);
  }
}
