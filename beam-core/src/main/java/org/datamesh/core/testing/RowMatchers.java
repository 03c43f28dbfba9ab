package org.datamesh.core.testing;

import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Hamcrest matchers for Beam {@link Row}s.
 *
 * <pre>{@code
 * assertThat(row, allOf(hasField("order_id", "A-1"), hasField("amount", new BigDecimal("12.50"))));
 *
 * PAssert.that(rows).satisfies(all -> {
 *   assertThat(all, fieldValues("order_id", containsInAnyOrder("A-1", "A-2")));
 *   return null;
 * });
 * }</pre>
 */
public final class RowMatchers {

  private RowMatchers() {}

  /**
   * Rows whose values of field {@code name}, as a list in iteration order, match {@code values}
   * (for example {@code containsInAnyOrder("A-1", "A-2")}).
   */
  public static Matcher<Iterable<Row>> fieldValues(String name, Matcher<?> values) {
    return new TypeSafeDiagnosingMatcher<>() {
      @Override
      protected boolean matchesSafely(Iterable<Row> rows, Description mismatch) {
        List<Object> actual = new ArrayList<>();
        for (Row row : rows) {
          actual.add(row.getValue(name));
        }
        if (!values.matches(actual)) {
          mismatch.appendText("values of ").appendValue(name).appendText(" ");
          values.describeMismatch(actual, mismatch);
          return false;
        }
        return true;
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("rows whose ").appendValue(name).appendText(" values are ")
            .appendDescriptionOf(values);
      }
    };
  }

  /** A row whose field {@code name} equals {@code value}. */
  public static Matcher<Row> hasField(String name, Object value) {
    return hasField(name, equalTo(value));
  }

  /** A row whose field {@code name} matches {@code value}. */
  public static Matcher<Row> hasField(String name, Matcher<?> value) {
    return new TypeSafeDiagnosingMatcher<>() {
      @Override
      protected boolean matchesSafely(Row row, Description mismatch) {
        if (!row.getSchema().hasField(name)) {
          mismatch.appendText("row has no field ").appendValue(name);
          return false;
        }
        Object actual = row.getValue(name);
        if (!value.matches(actual)) {
          mismatch.appendText("field ").appendValue(name).appendText(" ");
          value.describeMismatch(actual, mismatch);
          return false;
        }
        return true;
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("a row with field ").appendValue(name).appendText(" ")
            .appendDescriptionOf(value);
      }
    };
  }
}
