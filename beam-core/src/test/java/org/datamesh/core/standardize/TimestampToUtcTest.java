package org.datamesh.core.standardize;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Local times around daylight-saving changes and years out of range, in {@link TimestampToUtc}. */
class TimestampToUtcTest {

  private static final TimestampToUtc PARIS = Standardizers.timestampUtc("at").inZone("Europe/Paris");

  /** The instant {@code text} standardizes to, or the failure as "rule: reason". */
  private static String outcome(TimestampToUtc standardizer, String text) {
    try {
      return standardizer.apply(text, field -> null).toString();
    } catch (StandardizationException e) {
      return e.violation().ruleId() + ": " + e.violation().reason();
    }
  }

  @Test
  void refusesALocalTimeInADaylightSavingGapAndTakesTheEarlierOffsetInAnOverlap() {
    String gap =
        "standardize.timestamp: at is a local time that does not exist in its time zone"
            + " (clocks moved forward over it)";
    assertThat(outcome(PARIS, "2026-03-29 02:30:00"), equalTo(gap));
    assertThat(outcome(PARIS, "2026-03-29T02:30:00"), equalTo(gap));
    // ISO-8601 takes a zone region only after an offset, and then the offset decides.
    assertThat(
        outcome(PARIS, "2026-03-29T02:30:00[Europe/Paris]"),
        equalTo("standardize.timestamp: at is not a timestamp in a known format (ISO-8601)"));
    assertThat(
        outcome(PARIS, "2026-03-29T02:30:00+01:00[Europe/Paris]"),
        equalTo(Instant.parse("2026-03-29T01:30:00Z").toString()));
    assertThat(outcome(PARIS.withPatterns("dd/MM/yyyy HH:mm"), "29/03/2026 02:30"), equalTo(gap));
    // With an offset, the text names one instant, whatever the zone's clocks showed.
    assertThat(
        outcome(PARIS, "2026-03-29T02:30:00+01:00"),
        equalTo(Instant.parse("2026-03-29T01:30:00Z").toString()));
    assertThat(
        outcome(PARIS, "2026-03-29 03:30:00"),
        equalTo(Instant.parse("2026-03-29T01:30:00Z").toString()));
    assertThat(
        outcome(PARIS, "2026-10-25 02:30:00"),
        equalTo(Instant.parse("2026-10-25T00:30:00Z").toString()));
  }

  @Test
  void refusesInstantsOutsideTheYears1To9999() {
    TimestampToUtc utc = Standardizers.timestampUtc("at");
    String outside = "standardize.timestamp: at is outside the years 0001 to 9999 (in UTC)";
    assertThat(outcome(utc, "+10000-01-01T00:00:00Z"), equalTo(outside));
    assertThat(outcome(utc, "+999999999-12-31T23:59:59Z"), equalTo(outside));
    assertThat(outcome(utc, "0000-12-31"), equalTo(outside));
    assertThat(
        outcome(utc, "9999-12-31 23:59:59.999"),
        equalTo(Instant.parse("9999-12-31T23:59:59.999Z").toString()));
  }

  @Test
  void refusesDatesAndTimesThatDoNotExistRatherThanMovingThem() {
    TimestampToUtc utc = Standardizers.timestampUtc("at");
    String unknown = "standardize.timestamp: at is not a timestamp in a known format (ISO-8601)";
    // The lenient ("smart") reading once made these 29 February and the next midnight.
    assertThat(outcome(utc, "2024-02-30 10:00:00"), equalTo(unknown));
    assertThat(outcome(utc, "2024-02-30T10:00:00"), equalTo(unknown));
    assertThat(outcome(utc, "2023-02-29 10:00:00"), equalTo(unknown));
    assertThat(outcome(utc, "2024-03-05 24:00:00"), equalTo(unknown));
    assertThat(outcome(utc, "2024-02-29 10:00:00"), equalTo("2024-02-29T10:00:00Z"));
  }

  @Test
  void theCommonShapesReadAsTheFormattersReadThem() {
    TimestampToUtc utc = Standardizers.timestampUtc("at");
    assertThat(outcome(utc, "2024-09-06T11:02:15+02:00"), equalTo("2024-09-06T09:02:15Z"));
    assertThat(outcome(utc, "2024-09-06T11:02:15.1234567-05:30"), equalTo("2024-09-06T16:32:15.123456Z"));
    assertThat(outcome(utc, "2024-09-06T13:38:15Z"), equalTo("2024-09-06T13:38:15Z"));
    assertThat(outcome(utc, "2024-06-08 08:39:39"), equalTo("2024-06-08T08:39:39Z"));
    assertThat(outcome(PARIS, "2024-06-08T08:39:39.5"), equalTo("2024-06-08T06:39:39.500Z"));
    // shapes the fast reading leaves to the formatters, read as before
    assertThat(outcome(utc, "2024-09-06T11:02+02:00"), equalTo("2024-09-06T09:02:00Z"));
    assertThat(
        outcome(utc, "2024-09-06 11:02:15+02:00"),
        equalTo("standardize.timestamp: at is not a timestamp in a known format (ISO-8601)"));
  }
}
