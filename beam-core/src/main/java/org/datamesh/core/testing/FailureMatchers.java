package org.datamesh.core.testing;

import java.util.function.Function;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Hamcrest matchers for {@link Failure}s.
 *
 * <pre>{@code
 * assertThat(failure, allOf(failedAt(Stage.VALIDATE), hasRule("amount.range"), atRecord(3)));
 * }</pre>
 */
public final class FailureMatchers {

  private FailureMatchers() {}

  /** A failure at {@code stage}. */
  public static Matcher<Failure> failedAt(Stage stage) {
    return property("stage", Failure::stage, stage);
  }

  /** A failure one of whose violations has rule {@code ruleId}. */
  public static Matcher<Failure> hasRule(String ruleId) {
    return violation("rule " + ruleId, v -> v.ruleId().equals(ruleId));
  }

  /** A failure one of whose violations is about {@code field}. */
  public static Matcher<Failure> onField(String field) {
    return violation("field " + field, v -> field.equals(v.field()));
  }

  /** A failure one of whose violations gives a reason containing {@code text}. */
  public static Matcher<Failure> reasonContains(String text) {
    return violation("a reason containing \"" + text + "\"", v -> v.reason().contains(text));
  }

  /** A failure with exactly {@code count} violations. */
  public static Matcher<Failure> violationCount(int count) {
    return property("violation count", f -> f.violations().size(), count);
  }

  /** A failure of the record numbered {@code recordNumber} (1-based) in its source. */
  public static Matcher<Failure> atRecord(long recordNumber) {
    return property(
        "record number", f -> f.source() == null ? null : f.source().offset(), recordNumber);
  }

  /** A failure whose raw payload equals {@code raw}. */
  public static Matcher<Failure> withRawPayload(String raw) {
    return property("raw payload", Failure::rawPayload, raw);
  }

  private static Matcher<Failure> violation(
      String what, java.util.function.Predicate<Violation> test) {
    return new TypeSafeDiagnosingMatcher<>() {
      @Override
      protected boolean matchesSafely(Failure failure, Description mismatch) {
        if (failure.violations().stream().anyMatch(test)) {
          return true;
        }
        mismatch.appendText("violations were ").appendValue(failure.violations());
        return false;
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("a failure with a violation of " + what);
      }
    };
  }

  private static <T> Matcher<Failure> property(
      String name, Function<Failure, T> getter, T expected) {
    return new TypeSafeDiagnosingMatcher<>() {
      @Override
      protected boolean matchesSafely(Failure failure, Description mismatch) {
        T actual = getter.apply(failure);
        if (expected.equals(actual)) {
          return true;
        }
        mismatch.appendText(name + " was ").appendValue(actual);
        return false;
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("a failure with " + name + " ").appendValue(expected);
      }
    };
  }
}
