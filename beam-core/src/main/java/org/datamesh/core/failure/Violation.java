package org.datamesh.core.failure;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One reason a record failed: which rule, on which field, how serious, and why.
 *
 * <p>The reason names the field and the expectation but never quotes the value, so a violation
 * can be logged or stored without leaking what the record held.
 */
@AutoValue
public abstract class Violation implements Serializable {

  /** Stable identifier of the rule or check, such as {@code amount.range} or {@code parse.number}. */
  public abstract String ruleId();

  /** The field the rule is about, or null for a record-level problem. */
  public abstract @Nullable String field();

  public abstract Severity severity();

  /** A human-readable reason that does not contain the offending value. */
  public abstract String reason();

  public static Violation error(String ruleId, @Nullable String field, String reason) {
    return new AutoValue_Violation(ruleId, field, Severity.ERROR, reason);
  }

  public static Violation of(
      String ruleId, @Nullable String field, Severity severity, String reason) {
    return new AutoValue_Violation(ruleId, field, severity, reason);
  }
}
