package org.datamesh.core.standardize;

import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Countries to their ISO 3166-1 alpha-2 code: from the alpha-2 or alpha-3 code or the English
 * name the JDK gives the country, in any case and with any surrounding white space.
 *
 * <pre>{@code
 * Standardizers.countryCode("country");  // "de", "DEU", " Germany " -> "DE"
 * }</pre>
 *
 * <p>Names are the JDK's English names ({@code United States}, {@code United Kingdom}), matched
 * ignoring case, accents and apostrophe styles; other names ({@code USA} is an alpha-3 code and
 * works, {@code UK} and {@code Deutschland} do not) fail with {@code standardize.country}, as does
 * blank text. Put {@code nullTokens} first to read blanks as missing.
 */
public final class CountryCode implements FieldStandardizer {

  private final String field;

  CountryCode(String field) {
    this.field = field;
  }

  @Override
  public String field() {
    return field;
  }

  @Override
  public FieldType outputType(FieldType inputType) {
    return TextOnly.output(field, inputType, "it cannot be read as a country");
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row)
      throws StandardizationException {
    if (value == null) {
      return null;
    }
    String code = Countries.alpha2(value.toString());
    if (code == null) {
      throw new StandardizationException(
          "standardize.country",
          field,
          field + " is not a country (an ISO 3166-1 alpha-2 or alpha-3 code, or an English name)");
    }
    return code;
  }

  @Override
  public String describe() {
    return field + ": country to ISO 3166-1 alpha-2";
  }
}
