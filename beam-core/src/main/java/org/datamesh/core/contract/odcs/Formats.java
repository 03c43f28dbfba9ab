package org.datamesh.core.contract.odcs;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strings of a given form: identifiers, URIs, dates and date-times, as ODCS declares them.
 *
 * <pre>{@code
 * Check createdAt = Formats.DATE_TIME;   // 2024-03-05T10:15:30Z
 * Check location = Formats.ABSOLUTE_URI; // s3://bucket/path
 * }</pre>
 *
 * <p>A value that is not a string at all is reported as such; the form is checked on strings only.
 */
final class Formats {

  /** ODCS's stable identifiers, which references point at. */
  static final Check STABLE_ID =
      matching(Pattern.compile("[A-Za-z0-9_-]+"), "an identifier of letters, digits, '_' and '-'");

  /**
   * An absolute URI: a scheme, then what {@link URI} accepts (RFC 2396/3986 characters; spaces,
   * braces and bad {@code %} escapes are not).
   */
  static final Check ABSOLUTE_URI =
      string("an absolute URI with a scheme, such as s3://bucket/path", Formats::isAbsoluteUri);

  /** An SFTP location: an absolute URI starting {@code sftp://}. */
  static final Check SFTP_URI =
      string(
          "an sftp:// URI, such as sftp://host/path",
          s -> s.startsWith("sftp://") && isAbsoluteUri(s));

  /** An RFC 3339 full-date: {@code 2024-03-05}. */
  static final Check DATE = string("a date as yyyy-MM-dd, such as 2024-03-05", Formats::isDate);

  /** An RFC 3339 date-time with its offset: {@code 2024-03-05T10:15:30Z}. */
  static final Check DATE_TIME =
      string(
          "a date and time with an offset (RFC 3339), such as 2024-03-05T10:15:30Z or"
              + " 2024-03-05T11:15:30+01:00",
          Formats::isDateTime);

  private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  // RFC 3339 section 5.6; 't', 'z' and a space for 'T' are allowed by its notes.
  private static final Pattern DATE_TIME_FORM =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?"
              + "(?:[Zz]|[+-](\\d{2}):(\\d{2}))");

  private Formats() {}

  /** A string matching all of {@code pattern}, described to authors as {@code what}. */
  static Check matching(Pattern pattern, String what) {
    return string(what, s -> pattern.matcher(s).matches());
  }

  private static Check string(String what, Predicate<String> accepted) {
    String message = "must be " + what;
    return (value, where, report) -> {
      if (!value.isTextual()) {
        report.add(where, "must be a string, not " + Values.kind(value));
      } else if (!accepted.test(value.textValue())) {
        report.add(where, message);
      }
    };
  }

  private static boolean isAbsoluteUri(String text) {
    try {
      return new URI(text).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean isDate(String text) {
    return FULL_DATE.matcher(text).matches() && isCalendarDate(text);
  }

  private static boolean isDateTime(String text) {
    Matcher m = DATE_TIME_FORM.matcher(text);
    if (!m.matches() || !isCalendarDate(m.group(1))) {
      return false;
    }
    int hour = Integer.parseInt(m.group(2));
    int minute = Integer.parseInt(m.group(3));
    int second = Integer.parseInt(m.group(4));
    // A leap second is the 61st second of a day's last minute.
    boolean leapSecond = second == 60 && hour == 23 && minute == 59;
    boolean time = hour <= 23 && minute <= 59 && (second <= 59 || leapSecond);
    boolean offset =
        m.group(5) == null
            || (Integer.parseInt(m.group(5)) <= 23 && Integer.parseInt(m.group(6)) <= 59);
    return time && offset;
  }

  private static boolean isCalendarDate(String yyyyMmDd) {
    try {
      LocalDate.parse(yyyyMmDd);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
