package org.datamesh.rules.profile;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.datamesh.core.SupportedYears;
import org.datamesh.core.TemporalFormat;
import org.datamesh.core.standardize.StandardizationException;
import org.datamesh.core.standardize.Standardizers;
import org.datamesh.core.standardize.TimestampToUtc;

/**
 * The type a value's text is written as, recognized only where a product reading it as that type
 * would accept it, so that a contract inferred from a profile reads every value profiled:
 *
 * <ul>
 *   <li>boolean: {@code true} or {@code false}, any case ({@code 1}/{@code 0} and {@code yes}/{@code
 *       no} are left to integers and text: a column of zeros and ones is more often a count);
 *   <li>integer: an optional sign and ASCII digits within 64 bits, without a leading zero ({@code
 *       007} is a code whose zeros an integer would lose, so it stays text);
 *   <li>number: the same with a point or an exponent (of at most two digits: {@code 1e999999}
 *       would be a billion digits as a decimal), or an integer beyond 64 bits;
 *   <li>date: ISO-8601 {@code yyyy-MM-dd}, or one of {@link #DATE_PATTERNS}, strictly;
 *   <li>timestamp: ISO-8601 date and time, with {@code T} or a space, with or without an offset or
 *       zone (zone-less values are read in UTC), as the timestamp standardization reads them.
 * </ul>
 *
 * Types other than text are recognized on the trimmed text, as the parser reads them.
 */
final class TextTypes {

  /** Date layouts recognized besides ISO-8601, in the order they are preferred. */
  static final List<String> DATE_PATTERNS = List.of("dd.MM.yyyy", "dd/MM/yyyy", "MM/dd/yyyy");

  /** Every pattern of {@link #DATE_PATTERNS} possible: bit {@code i} is pattern {@code i}. */
  static final int ALL_DATE_PATTERNS = (1 << DATE_PATTERNS.size()) - 1;

  private static final Pattern INTEGER = Pattern.compile("[+-]?(0|[1-9][0-9]*)");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(0|[1-9][0-9]*)?(\\.[0-9]*)?([eE][+-]?[0-9]{1,2})?");
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern OTHER_DATE = Pattern.compile("[0-9]{2}[./][0-9]{2}[./][0-9]{4}");
  private static final Pattern TIMESTAMP_START = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[T ].*");
  private static final int MAX_NUMBER_CHARS = 1000;
  private static final TimestampToUtc TIMESTAMPS = Standardizers.timestampUtc("value");

  private TextTypes() {}

  /** The type {@code text} is written as; {@link ProfiledType#STRING} when no other. */
  static ProfiledType of(String text) {
    String value = text.trim();
    if (value.isEmpty()) {
      return ProfiledType.STRING;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false")) {
      return ProfiledType.BOOLEAN;
    }
    if (value.length() <= MAX_NUMBER_CHARS && INTEGER.matcher(value).matches()) {
      return fitsLong(value) ? ProfiledType.INTEGER : ProfiledType.NUMBER;
    }
    if (value.length() <= MAX_NUMBER_CHARS && isDecimal(value)) {
      return ProfiledType.NUMBER;
    }
    if (isIsoDate(value) || datePatterns(value) != 0) {
      return ProfiledType.DATE;
    }
    return isTimestamp(value) ? ProfiledType.TIMESTAMP : ProfiledType.STRING;
  }

  /** Whether {@code value} is an ISO-8601 date in the supported years. */
  static boolean isIsoDate(String value) {
    if (!ISO_DATE.matcher(value).matches()) {
      return false;
    }
    try {
      return SupportedYears.contains(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The bits of the {@link #DATE_PATTERNS} {@code value} is a date in (trimmed text). */
  static int datePatterns(String value) {
    if (!OTHER_DATE.matcher(value).matches()) {
      return 0;
    }
    int bits = 0;
    for (int i = 0; i < DATE_PATTERNS.size(); i++) {
      try {
        // The parser's own reading of a declared format: strict, within the supported years.
        LocalDate day = TemporalFormat.of(DATE_PATTERNS.get(i), null).date(value);
        if (SupportedYears.contains(day)) {
          bits |= 1 << i;
        }
      } catch (DateTimeException e) {
        // not in this pattern
      }
    }
    return bits;
  }

  private static boolean isTimestamp(String value) {
    if (!TIMESTAMP_START.matcher(value).matches()) {
      return false;
    }
    try {
      // The standardizer every timestamp column of a contract goes through.
      return TIMESTAMPS.apply(value, field -> null) != null;
    } catch (StandardizationException e) {
      return false;
    }
  }

  private static boolean isDecimal(String value) {
    if (!DECIMAL.matcher(value).matches()) {
      return false;
    }
    int mantissaEnd = value.indexOf('e') >= 0 ? value.indexOf('e') : value.indexOf('E');
    String mantissa = mantissaEnd < 0 ? value : value.substring(0, mantissaEnd);
    // At least one digit, and no integer part with a leading zero such as 00.5.
    return mantissa.chars().anyMatch(Character::isDigit);
  }

  private static boolean fitsLong(String value) {
    try {
      Long.parseLong(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
