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
  // Exactly one of check (one value) and recordCheck (the whole record) is set.
  private final @Nullable RuleCheck check;
  private final @Nullable FieldPath path;
  private final @Nullable RecordCheck recordCheck;

  private Rule(String id, String field, Severity severity, RuleCheck check, FieldPath path) {
    this.id = id;
    this.field = field;
    this.severity = severity;
    this.check = check;
    this.path = path;
    this.recordCheck = null;
  }

  private Rule(String id, String field, Severity severity, RecordCheck recordCheck) {
    this.id = id;
    this.field = field;
    this.severity = severity;
    this.check = null;
    this.path = null;
    this.recordCheck = recordCheck;
  }

  /** A rule about the whole record, reading the columns it needs; {@code field} may be empty. */
  static Rule ofRecord(String id, String field, RecordCheck check) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a rule about a whole record needs an id");
    }
    return new Rule(id, field == null ? "" : field, Severity.ERROR, check);
  }

  private Rule copy(String id, String field, Severity severity) {
    return recordCheck != null
        ? new Rule(id, field, severity, recordCheck)
        : new Rule(id, field, severity, check, path);
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
    return copy(id, field, severity);
  }

  /** Returns a rule like this one but with the given severity. */
  public Rule withSeverity(Severity severity) {
    return copy(id, field, severity);
  }

  /**
   * Returns a rule like this one but about every value at {@code path}, inside nested rows and
   * arrays, with the id {@code <path>.<kind>} ({@code lines[].quantity.range}). A violation names
   * the first value breaking it ({@code lines[3].quantity}) and how many more do.
   */
  public Rule at(FieldPath path) {
    if (recordCheck != null) {
      throw new IllegalStateException("rule " + id + " is about the whole record, not one path");
    }
    return new Rule(path + "." + check.kind(), path.toString(), severity, check, path);
  }

  /**
   * The top-level column the rule reads: its field, or where its path starts; for a rule about
   * the whole record, its first field, or null when it names none.
   */
  public @Nullable String column() {
    if (recordCheck != null) {
      return recordCheck.fields().isEmpty() ? null : recordCheck.fields().get(0);
    }
    return path.column();
  }

  /** Whether the rule judges the whole record (several columns) rather than one value. */
  public boolean isRecordRule() {
    return recordCheck != null;
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
    if (recordCheck != null) {
      return (field.isEmpty() ? "the record" : field) + " must " + recordCheck.describe();
    }
    return field + " " + check.describe();
  }

  /** Throws, naming the rule, if it cannot apply to rows of {@code schema}. */
  void checkApplicable(Schema schema) {
    if (recordCheck != null) {
      try {
        recordCheck.checkApplicable(schema);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("rule " + id + ": " + e.getMessage(), e);
      }
      return;
    }
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
    if (recordCheck != null) {
      // Compiled per call: fine for a look at one row; a pipeline compiles once (compile()).
      return recordViolation(recordCheck.compile(row.getSchema()), row.getValues().toArray());
    }
    return evaluateValue(row.getValue(column()));
  }

  /**
   * The rule as a function over records of {@code schema}, resolved once (a field's index, a
   * compiled expression): what {@link ValidationStep} runs per record.
   */
  Evaluator compile(Schema schema) {
    if (recordCheck != null) {
      RecordCheck.Compiled check = recordCheck.compile(schema);
      return values -> recordViolation(check, values);
    }
    int index = schema.indexOf(column());
    return values -> evaluateValue(values[index]);
  }

  private @Nullable Violation recordViolation(
      RecordCheck.Compiled check, @Nullable Object[] values) {
    String reason = check.violation(values);
    if (reason == null) {
      return null;
    }
    String subject = field.isEmpty() ? "the record" : field;
    return Violation.of(
        id,
        field.isEmpty() ? null : field,
        severity,
        reason.startsWith("must ") ? subject + " " + reason : subject + ": " + reason);
  }

  /** A rule resolved against a schema. */
  interface Evaluator {
    @Nullable
    Violation evaluate(@Nullable Object[] values);
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
