package org.datamesh.core.parse;

import org.datamesh.core.failure.Violation;

/** A field's text could not be turned into the schema's type; carries the violation to report. */
final class FieldValueException extends Exception {
  private final Violation violation;

  FieldValueException(String ruleId, String field, String reason) {
    super(reason, null, false, false);
    this.violation = Violation.error(ruleId, field, reason);
  }

  Violation violation() {
    return violation;
  }
}
