package org.datamesh.rules;

import java.io.Serializable;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;

/** What a rule checks about one field's value. One family of checks per implementation. */
interface RuleCheck extends Serializable {

  /** The rule family, the suffix of default rule ids: {@code not_null}, {@code range}, ... */
  String kind();

  /** Throws when a field of {@code type} cannot be checked this way. */
  void checkApplicable(String field, FieldType type);

  /**
   * Why {@code value} breaks the rule, naming the field and the expectation but never the value;
   * null when it does not. Most checks pass null values: missing is {@code notNull}'s business.
   */
  @Nullable
  String violation(String field, @Nullable Object value);

  /** The expectation in words, for display data and reports: {@code "at least 0"}. */
  String describe();
}
