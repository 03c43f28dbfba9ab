package org.datamesh.core.standardize;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast reading of the two common shapes gives exactly what java.time's strict ISO parsers give
 * for every text it reads, and reads every text of those shapes that they accept; texts of other
 * shapes, and values that are no date and time, are left to the formatters (null).
 */
class IsoTimestampTextTest {

  @Test
  void agreesWithJavaTimeOnRandomTextsOfEveryNearbyShape() {
    Random random = new Random(7);
    int read = 0;
    for (int run = 0; run < 50_000; run++) {
      String text = randomText(random);
      IsoTimestampText.Parsed fast = IsoTimestampText.parse(text);
      String expected = javaTime(text);
      if (fast != null) {
        read++;
        String actual =
            fast.offset() == null ? fast.local().toString() : fast.local().atOffset(fast.offset()).toString();
        assertThat(text, actual, equalTo(expected));
      } else if (expected != null && isCommonShape(text)) {
        throw new AssertionError(text + " is of a common shape that java.time reads: " + expected);
      }
    }
    assertThat("most texts are of the common shapes", read > 10_000, equalTo(true));
  }

  @Test
  void leavesOtherShapesToTheFormatters() {
    assertThat(IsoTimestampText.parse("2024-09-06T11:02:15+02:00[Europe/Paris]"), nullValue());
    assertThat(IsoTimestampText.parse("2024-09-06T11:02"), nullValue());
    assertThat(IsoTimestampText.parse("2024-09-06"), nullValue());
    assertThat(IsoTimestampText.parse("+10000-01-01T00:00:00Z"), nullValue());
    assertThat(IsoTimestampText.parse("2024-09-06T11:02:15."), nullValue());
    assertThat(IsoTimestampText.parse("2024-09-06T11:02:15.1234567891"), nullValue());
    assertThat(IsoTimestampText.parse("2024-09-06 11:02:15Z"), nullValue());
    assertThat(IsoTimestampText.parse("2024-02-30T11:02:15Z"), nullValue());
    assertThat(IsoTimestampText.parse("2024-09-06T11:02:15+19:00"), nullValue());
    assertThat(IsoTimestampText.parse("2024-09-06T11:02:15.5"), notNullValue());
  }

  /** What java.time's strict ISO parsers make of {@code text}, printed; null when they refuse it. */
  private static String javaTime(String text) {
    boolean space = text.length() > 10 && text.charAt(10) == ' ';
    String iso = space ? text.substring(0, 10) + "T" + text.substring(11) : text;
    try {
      OffsetDateTime withOffset = OffsetDateTime.parse(iso);
      return space ? null : withOffset.toString(); // an offset after a space: no form of theirs
    } catch (DateTimeException e) {
      // no offset, or not ISO
    }
    try {
      return LocalDateTime.parse(iso).toString();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The shapes the fast reading takes on: T or space, seconds, 1 to 9 fraction digits, Z or +HH:MM after T. */
  private static boolean isCommonShape(String text) {
    return text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})?")
        || text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?");
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    text.append(String.format("%04d", random.nextInt(3) == 0 ? random.nextInt(10_000) : 1990 + random.nextInt(60)));
    text.append('-').append(two(random.nextInt(14))).append('-').append(two(random.nextInt(33)));
    text.append("T T t".charAt(random.nextInt(5)));
    text.append(two(random.nextInt(26))).append(':').append(two(random.nextInt(61)));
    if (random.nextInt(10) > 0) {
      text.append(':').append(two(random.nextInt(62)));
    }
    int fraction = random.nextInt(4) == 0 ? random.nextInt(12) : -1;
    if (fraction >= 0) {
      text.append('.');
      for (int i = 0; i < fraction; i++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
    }
    switch (random.nextInt(8)) {
      case 0, 1 -> { }
      case 2, 3 -> text.append('Z');
      case 4 -> text.append(random.nextBoolean() ? '+' : '-').append(two(random.nextInt(20))).append(':').append(two(random.nextInt(60)));
      case 5 -> text.append("+01:00:30");
      case 6 -> text.append("z");
      default -> text.append("+02:00[Europe/Paris]");
    }
    return text.toString();
  }

  private static String two(int value) {
    return String.format("%02d", value);
  }
}
