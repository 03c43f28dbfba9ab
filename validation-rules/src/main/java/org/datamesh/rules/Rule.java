package org.datamesh.rules;

import java.io.Serializable;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.failure.Violation;

/**
 * One rule about one field of a record: an id, the field, a severity and what it checks. Rules
 * are immutable values; build them with {@link Rules}.
 *
 * <pre>{@code
 * Rule positive = Rules.atLeast("amount", 0);              // id "amount.range", ERROR
 * Rule bulk = Rules.atMost("quantity", 100).asWarning()    // publishes the row, counts it
 *     .withId("quantity.bulk");
 * }</pre>
 */
public final class Rule implements Serializable {

  private final String id;
  private final String field;
  private final Severity severity;
  private final RuleCheck check;
  private final FieldPath path;

  private Rule(String id, String field, Severity severity, RuleCheck check, FieldPath path) {
    this.id = id;
    this.field = field;
    this.severity = severity;
    this.check = check;
    this.path = path;
  }

  static Rule of(String field, RuleCheck check) {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("a rule needs a field");
    }
    return new Rule(field + "." + check.kind(), field, Severity.ERROR, check, FieldPath.column(field));
  }

  /** Returns a rule like this one but with the given id. */
  public Rule withId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a rule id cannot be blank");
    }
    return new Rule(id, field, severity, check, path);
  }

  /** Returns a rule like this one but with the given severity. */
  public Rule withSeverity(Severity severity) {
    return new Rule(id, field, severity, check, path);
  }

  /**
   * Returns a rule like this one but about every value at {@code path}, inside nested rows and
   * arrays, with the id {@code <path>.<kind>} ({@code lines[].quantity.range}). A violation names
   * the first value breaking it ({@code lines[3].quantity}) and how many more do.
   */
  public Rule at(FieldPath path) {
    return new Rule(path + "." + check.kind(), path.toString(), severity, check, path);
  }

  /** The top-level column the rule reads: its field, or where its path starts. */
  public String column() {
    return path.column();
  }

  /** Returns a rule like this one but of WARN severity: the row is published and counted. */
  public Rule asWarning() {
    return withSeverity(Severity.WARN);
  }

  public String id() {
    return id;
  }

  public String field() {
    return field;
  }

  public Severity severity() {
    return severity;
  }

  /** The rule in words: {@code "amount at least 0"}. */
  public String description() {
    return field + " " + check.describe();
  }

  /** Throws, naming the rule, if it cannot apply to rows of {@code schema}. */
  void checkApplicable(Schema schema) {
    if (!schema.hasField(column())) {
      throw new IllegalArgumentException(
          "rule " + id + " is about " + field + ", which the rows do not have (fields: "
              + schema.getFieldNames() + ")");
    }
    FieldType type;
    try {
      type = path.typeIn(schema);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("rule " + id + ": " + e.getMessage(), e);
    }
    check.checkApplicable(field, type);
  }

  /** The violation of this rule by {@code row}, or null if the row keeps it. */
  public @Nullable Violation evaluate(Row row) {
    return evaluateValue(row.getValue(column()));
  }

  /** The violation of this rule by a record whose column holds {@code value}, or null. */
  @Nullable
  Violation evaluateValue(@Nullable Object value) {
    if (!path.isColumn()) {
      return NestedEvaluation.of(this, check, path, value);
    }
    String reason = check.violation(field, value);
    return reason == null ? null : Violation.of(id, field, severity, reason);
  }

  @Override
  public String toString() {
    return id + " [" + severity + "]: " + description();
  }
}
