package org.datamesh.rules;

import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The value, as text, is none of a fixed set: placeholders such as {@code N/A} or {@code UNKNOWN}.
 * The reason lists the forbidden values (the contract's, not the record's).
 */
final class ForbiddenValuesCheck implements RuleCheck {

  private final List<String> forbidden;
  private final Set<String> lookup;

  ForbiddenValuesCheck(List<String> forbidden) {
    if (forbidden.isEmpty()) {
      throw new IllegalArgumentException("forbidden values need at least one value");
    }
    this.forbidden = List.copyOf(forbidden);
    this.lookup = Set.copyOf(forbidden);
  }

  @Override
  public String kind() {
    return "forbidden_values";
  }

  @Override
  public void checkApplicable(String field, FieldType type) {}

  @Override
  public @Nullable String violation(String field, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    return lookup.contains(value.toString()) ? field + " must " + describe() : null;
  }

  @Override
  public String describe() {
    return "be none of " + String.join(", ", forbidden);
  }
}
