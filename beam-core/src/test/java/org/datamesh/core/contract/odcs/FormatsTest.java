package org.datamesh.core.contract.odcs;

import static org.hamcrest.MatcherAssert.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forms of strings: RFC 3339 dates and date-times, absolute URIs, identifiers. */
class FormatsTest {

  private static boolean accepts(Check check, String text) {
    Report report = new Report();
    check.check(TextNode.valueOf(text), Location.root(), report);
    return report.problems().isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-03-05T10:15:30Z", "2024-03-05t10:15:30z", "2024-03-05 10:15:30Z",
        "2024-03-05T10:15:30.123456+01:00", "2024-02-29T23:59:60-05:30", "2016-12-31T23:59:60Z"
      })
  void dateTimesWithAnOffset(String text) {
    assertThat(text, accepts(Formats.DATE_TIME, text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-03-05", "2024-03-05T10:15:30", "2024-03-05T10:15Z", "2024-02-30T10:00:00Z",
        "2024-03-05T24:00:00Z", "2024-03-05T10:15:60Z", "2024-03-05T10:15:30+0100",
        "2024-03-05T10:15:30+24:00", "2024-03-05T10:15:30.Z", "٢٠٢٤-03-05T10:15:30Z"
      })
  void notDateTimes(String text) {
    assertThat(text, !accepts(Formats.DATE_TIME, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-29", "0001-01-01"})
  void dates(String text) {
    assertThat(text, accepts(Formats.DATE, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-29", "2024-1-01", "+12024-01-01", "2024-01-01T00:00:00Z"})
  void notDates(String text) {
    assertThat(text, !accepts(Formats.DATE, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3://b/p", "https://example.org/a?b=c#d", "mailto:a@example.org", "x:/"})
  void absoluteUris(String text) {
    assertThat(text, accepts(Formats.ABSOLUTE_URI, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bucket/path", "http://x y", "s3://b/{table}", "s3://b/%zz", "1a:b", ""})
  void notAbsoluteUris(String text) {
    assertThat(text, !accepts(Formats.ABSOLUTE_URI, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "order_id-2", "X"})
  void stableIds(String text) {
    assertThat(text, accepts(Formats.STABLE_ID, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a.b", "id\n", "é"})
  void notStableIds(String text) {
    assertThat(text, !accepts(Formats.STABLE_ID, text));
  }
}
