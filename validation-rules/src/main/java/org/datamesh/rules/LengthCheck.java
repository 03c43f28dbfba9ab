package org.datamesh.rules;

import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Text is between a minimum and maximum number of characters (code points), inclusive. */
final class LengthCheck implements RuleCheck {

  private final int min;
  private final int max;

  LengthCheck(int min, int max) {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("a length needs 0 <= min <= max, got " + min + ".." + max);
    }
    this.min = min;
    this.max = max;
  }

  @Override
  public String kind() {
    return "length";
  }

  @Override
  public void checkApplicable(String field, FieldType type) {
    if (type.getTypeName() != TypeName.STRING) {
      throw new IllegalArgumentException("a length rule needs a text field, but " + field + " is " + type);
    }
  }

  @Override
  public @Nullable String violation(String field, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    String text = (String) value;
    int length = text.codePointCount(0, text.length());
    return length < min || length > max ? field + " must be " + describe() : null;
  }

  @Override
  public String describe() {
    return min == max
        ? "exactly " + min + " characters long"
        : "between " + min + " and " + max + " characters long";
  }
}
