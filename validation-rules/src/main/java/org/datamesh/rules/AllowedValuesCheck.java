package org.datamesh.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The value is one of a fixed set, compared as text, optionally ignoring case. */
final class AllowedValuesCheck implements RuleCheck {

  private final List<String> allowed;
  private final boolean ignoreCase;
  private final Set<String> lookup;

  AllowedValuesCheck(List<String> allowed, boolean ignoreCase) {
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("allowed values need at least one value");
    }
    this.allowed = List.copyOf(allowed);
    this.ignoreCase = ignoreCase;
    this.lookup =
        allowed.stream().map(this::normalize).collect(Collectors.toCollection(TreeSet::new));
  }

  private String normalize(String value) {
    return ignoreCase ? value.trim().toUpperCase(Locale.ROOT) : value;
  }

  @Override
  public String kind() {
    return "allowed_values";
  }

  @Override
  public void checkApplicable(String field, FieldType type) {}

  @Override
  public @Nullable String violation(String field, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    return lookup.contains(normalize(value.toString())) ? null : field + " must be " + describe();
  }

  @Override
  public String describe() {
    return "one of " + String.join(", ", allowed) + (ignoreCase ? " (any case)" : "");
  }
}
