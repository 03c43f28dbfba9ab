package org.datamesh.rules;

import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The value is present (and, for text, not blank). */
final class NotNullCheck implements RuleCheck {

  @Override
  public String kind() {
    return "not_null";
  }

  @Override
  public void checkApplicable(String field, FieldType type) {}

  @Override
  public @Nullable String violation(String field, @Nullable Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return field + " is required but missing";
    }
    return null;
  }

  @Override
  public String describe() {
    return "present";
  }
}
