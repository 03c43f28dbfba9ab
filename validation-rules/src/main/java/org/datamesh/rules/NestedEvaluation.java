package org.datamesh.rules;

import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Violation;

/**
 * A rule checked on every value at a nested path of one record; the violation names the first
 * value breaking it by its place ({@code lines[3].quantity}, items numbered from 0) and counts
 * the others, so a long array breaking a rule everywhere is one violation, not thousands.
 */
final class NestedEvaluation {

  private final RuleCheck check;
  private final List<String> steps;
  private @Nullable String firstPlace;
  private @Nullable String firstReason;
  private int count;

  private NestedEvaluation(RuleCheck check, List<String> steps) {
    this.check = check;
    this.steps = steps;
  }

  /** The violation of {@code rule} by the column value {@code value}, or null. */
  static @Nullable Violation of(
      Rule rule, RuleCheck check, FieldPath path, @Nullable Object value) {
    NestedEvaluation evaluation = new NestedEvaluation(check, path.steps());
    evaluation.walk(value, 1, path.column());
    if (evaluation.firstReason == null) {
      return null;
    }
    String reason =
        evaluation.count == 1
            ? evaluation.firstReason
            : evaluation.firstReason + " (and " + (evaluation.count - 1) + " more)";
    return Violation.of(rule.id(), evaluation.firstPlace, rule.severity(), reason);
  }

  private void walk(@Nullable Object value, int step, String place) {
    if (step == steps.size()) {
      String reason = check.violation(place, value);
      if (reason != null && count++ == 0) {
        firstPlace = place;
        firstReason = reason;
      }
      return;
    }
    if (value == null) {
      return; // nothing below a missing row or array to check
    }
    String next = steps.get(step);
    if (next.equals(FieldPath.ITEMS)) {
      int index = 0;
      for (Object item : (Iterable<?>) value) {
        walk(item, step + 1, place + "[" + index++ + "]");
      }
    } else {
      walk(((Row) value).getValue(next), step + 1, place + "." + next);
    }
  }
}
