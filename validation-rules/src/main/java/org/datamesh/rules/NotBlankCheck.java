package org.datamesh.rules;

import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Text, when present, holds more than white space. Unlike {@link NotNullCheck} a missing value
 * passes: for an optional column that must not be filled with spaces.
 */
final class NotBlankCheck implements RuleCheck {

  @Override
  public String kind() {
    return "not_blank";
  }

  @Override
  public void checkApplicable(String field, FieldType type) {
    if (type.getTypeName() != TypeName.STRING) {
      throw new IllegalArgumentException(
          "a not-blank rule needs a text field, but " + field + " is " + type);
    }
  }

  @Override
  public @Nullable String violation(String field, @Nullable Object value) {
    return value instanceof String text && text.isBlank() ? field + " must " + describe() : null;
  }

  @Override
  public String describe() {
    return "not be blank";
  }
}
