package org.datamesh.core.standardize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Phone numbers to E.164 ({@code +4930123456}), read by Google's libphonenumber: international
 * numbers in any common layout ({@code +49 (0)30 123456}, {@code 0049 30 123456}) and, with a
 * default region, national ones ({@code 030 123456} in {@code DE}).
 *
 * <pre>{@code
 * Standardizers.phoneE164("phone").withDefaultRegion("DE");
 * }</pre>
 *
 * <p>A number libphonenumber does not consider valid for its region (wrong length, unassigned
 * prefix, letters) fails with {@code standardize.phone}; so does a number with an extension,
 * which E.164 cannot hold (dropping it would lose part of the value silently). Whether a number
 * is valid follows the library's metadata, which changes as numbering plans do.
 */
public final class PhoneE164 implements FieldStandardizer {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private final String field;
  private final @Nullable String region;

  private PhoneE164(String field, @Nullable String region) {
    this.field = field;
    this.region = region;
  }

  static PhoneE164 of(String field) {
    return new PhoneE164(field, null);
  }

  /**
   * Returns a standardizer like this one but reading numbers without a country code as numbers
   * of {@code region}, an ISO 3166-1 alpha-2 code such as {@code DE} (any case).
   */
  public PhoneE164 withDefaultRegion(String region) {
    String code = region.strip().toUpperCase(Locale.ROOT);
    if (!PHONES.getSupportedRegions().contains(code)) {
      throw new IllegalArgumentException(
          "not a region libphonenumber knows (an ISO 3166-1 alpha-2 code such as DE): " + region);
    }
    return new PhoneE164(field, code);
  }

  @Override
  public String field() {
    return field;
  }

  @Override
  public FieldType outputType(FieldType inputType) {
    return TextOnly.output(field, inputType, "it cannot be read as a phone number");
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row)
      throws StandardizationException {
    if (value == null) {
      return null;
    }
    PhoneNumber number;
    try {
      // The unknown region "ZZ" accepts only numbers written with their country code.
      number = PHONES.parse(value.toString(), region == null ? "ZZ" : region);
    } catch (NumberParseException e) {
      throw invalid();
    }
    if (!PHONES.isValidNumber(number)) {
      throw invalid();
    }
    if (number.hasExtension() && !number.getExtension().isEmpty()) {
      throw new StandardizationException(
          "standardize.phone", field, field + " has an extension, which E.164 cannot hold");
    }
    return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
  }

  private StandardizationException invalid() {
    return new StandardizationException(
        "standardize.phone",
        field,
        field
            + " is not a valid phone number (international, with its country code"
            + (region == null ? "" : ", or national in " + region)
            + ")");
  }

  @Override
  public String describe() {
    return field + ": phone number to E.164" + (region == null ? "" : " (national in " + region + ")");
  }
}
