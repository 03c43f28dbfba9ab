package org.datamesh.core.standardize;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Currencies to their ISO 4217 code: a code in any case with any surrounding white space, or one
 * of the signs Unicode gives a single currency.
 *
 * <pre>{@code
 * Standardizers.currencyCode("currency");  // " eur ", "EUR", "€" -> "EUR"
 * }</pre>
 *
 * <p>Signs read: € (EUR), ₹ (INR), ₽ (RUB), ₺ (TRY), ₪ (ILS), ₴ (UAH), ₸ (KZT), ₾ (GEL), ₼ (AZN).
 * {@code $}, {@code £}, {@code ¥} and {@code kr} are shared by several currencies, so they fail
 * with {@code standardize.currency} rather than being guessed, as does any code {@link
 * java.util.Currency} does not know.
 */
public final class CurrencyCode implements FieldStandardizer {

  private static final Map<String, String> SIGNS =
      Map.of(
          "\u20AC", "EUR",
          "\u20B9", "INR",
          "\u20BD", "RUB",
          "\u20BA", "TRY",
          "\u20AA", "ILS",
          "\u20B4", "UAH",
          "\u20B8", "KZT",
          "\u20BE", "GEL",
          "\u20BC", "AZN");

  private final String field;

  CurrencyCode(String field) {
    this.field = field;
  }

  @Override
  public String field() {
    return field;
  }

  @Override
  public FieldType outputType(FieldType inputType) {
    return TextOnly.output(field, inputType, "it cannot be read as a currency");
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row)
      throws StandardizationException {
    if (value == null) {
      return null;
    }
    String text = TextOnly.strip(value.toString());
    String sign = SIGNS.get(text);
    if (sign != null) {
      return sign;
    }
    if (text.length() == 3) {
      try {
        return Currency.getInstance(text.toUpperCase(Locale.ROOT)).getCurrencyCode();
      } catch (IllegalArgumentException e) {
        // not a code the JDK knows
      }
    }
    throw new StandardizationException(
        "standardize.currency",
        field,
        field + " is not an ISO 4217 currency code or a sign of one currency");
  }

  @Override
  public String describe() {
    return field + ": currency to ISO 4217";
  }
}
