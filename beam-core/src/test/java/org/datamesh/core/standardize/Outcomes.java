package org.datamesh.core.standardize;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.checkerframework.checker.nullness.qual.Nullable;

/** What a standardizer makes of one value, as text tests can compare. */
final class Outcomes {

  private Outcomes() {}

  /**
   * The standardized value as text ({@code "null"} for null), or the failure as {@code "rule:
   * reason"}; a failure's reason is checked not to quote {@code value} (of three characters or
   * more).
   */
  static String outcome(FieldStandardizer standardizer, @Nullable Object value) {
    try {
      return String.valueOf(standardizer.apply(value, field -> null));
    } catch (StandardizationException e) {
      // A value of one or two characters may well occur in any text; longer ones must not.
      if (value != null && value.toString().strip().length() > 2) {
        assertThat(
            "the reason never quotes the value", e.violation().reason(),
            not(containsString(value.toString().strip())));
      }
      assertThat(e.violation().field(), org.hamcrest.Matchers.equalTo(standardizer.field()));
      return e.violation().ruleId() + ": " + e.violation().reason();
    }
  }
}
