package org.datamesh.core.standardize;

import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * E-mail addresses trimmed, with the domain lower-cased and the local part kept as written: the
 * domain is case-insensitive everywhere, the local part only by the receiving server's choice.
 *
 * <pre>{@code
 * Standardizers.email("email");  // " Ann.Lee@Example.COM " -> "Ann.Lee@example.com"
 * }</pre>
 *
 * <p>The domain is what follows the last {@code @}. Text without an {@code @} with something on
 * each side fails with {@code standardize.email}; whether the rest is a well-formed address is
 * the contract's {@code format: email} rule's question.
 */
public final class EmailAddress implements FieldStandardizer {

  private final String field;

  EmailAddress(String field) {
    this.field = field;
  }

  @Override
  public String field() {
    return field;
  }

  @Override
  public FieldType outputType(FieldType inputType) {
    return TextOnly.output(field, inputType, "it cannot be read as an e-mail address");
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row)
      throws StandardizationException {
    if (value == null) {
      return null;
    }
    String text = TextOnly.strip(value.toString());
    int at = text.lastIndexOf('@');
    if (at <= 0 || at == text.length() - 1) {
      throw new StandardizationException(
          "standardize.email", field, field + " is not an e-mail address (local@domain)");
    }
    return text.substring(0, at + 1) + text.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public String describe() {
    return field + ": e-mail trimmed, domain lower-cased";
  }
}
