package org.datamesh.rules;

import java.io.Serializable;
import org.apache.beam.sdk.schemas.Schema;
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

  private Rule(String id, String field, Severity severity, RuleCheck check) {
    this.id = id;
    this.field = field;
    this.severity = severity;
    this.check = check;
  }

  static Rule of(String field, RuleCheck check) {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("a rule needs a field");
    }
    return new Rule(field + "." + check.kind(), field, Severity.ERROR, check);
  }

  /** Returns a rule like this one but with the given id. */
  public Rule withId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a rule id cannot be blank");
    }
    return new Rule(id, field, severity, check);
  }

  /** Returns a rule like this one but with the given severity. */
  public Rule withSeverity(Severity severity) {
    return new Rule(id, field, severity, check);
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
    if (!schema.hasField(field)) {
      throw new IllegalArgumentException(
          "rule " + id + " is about " + field + ", which the rows do not have (fields: "
              + schema.getFieldNames() + ")");
    }
    check.checkApplicable(field, schema.getField(field).getType());
  }

  /** The violation of this rule by {@code row}, or null if the row keeps it. */
  public @Nullable Violation evaluate(Row row) {
    return evaluateValue(row.getValue(field));
  }

  /** The violation of this rule by a record whose field holds {@code value}, or null. */
  @Nullable
  Violation evaluateValue(@Nullable Object value) {
    String reason = check.violation(field, value);
    return reason == null ? null : Violation.of(id, field, severity, reason);
  }

  @Override
  public String toString() {
    return id + " [" + severity + "]: " + description();
  }
}
