package org.datamesh.core.record;

import java.util.ArrayList;
import java.util.List;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.failure.Violation;

/**
 * The violations one step found in one record. Reused from record to record by the path that
 * owns it, so a clean record allocates nothing.
 */
public final class RecordIssues {

  private final List<Violation> violations = new ArrayList<>();
  private boolean error;

  /** Reports {@code violation} of the current record. */
  public void add(Violation violation) {
    violations.add(violation);
    error |= violation.severity() == Severity.ERROR;
  }

  /** Whether any violation so far is of ERROR severity: the record cannot be published. */
  public boolean hasErrors() {
    return error;
  }

  public boolean isEmpty() {
    return violations.isEmpty();
  }

  /** The violations reported since the last {@link #clear()}, in order; a copy. */
  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** The violations as they stand, without copying; valid until the next {@link #clear()}. */
  List<Violation> view() {
    return violations;
  }

  void clear() {
    violations.clear();
    error = false;
  }
}
