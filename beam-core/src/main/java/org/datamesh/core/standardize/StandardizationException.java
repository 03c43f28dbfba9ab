package org.datamesh.core.standardize;

import org.datamesh.core.failure.Violation;

/** A value could not be put into canonical form; carries the violation to report. */
public final class StandardizationException extends Exception {
  private final Violation violation;

  public StandardizationException(String ruleId, String field, String reason) {
    super(reason, null, false, false);
    this.violation = Violation.error(ruleId, field, reason);
  }

  public Violation violation() {
    return violation;
  }
}
