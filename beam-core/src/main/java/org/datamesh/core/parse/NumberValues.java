package org.datamesh.core.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The numbers of a field's text: integers, floating-point numbers and decimals, in plain ASCII
 * notation only.
 *
 * <p>Java's own parsers accept more than a data file should hold, so the text is checked first:
 * {@code Integer.parseInt} reads other scripts' digits ({@code "١٢"} is 12), {@code
 * Double.parseDouble} reads Java literals ({@code "1d"}, {@code "0x1p3"}), and {@code new
 * BigDecimal} spends seconds on a million digits. What is accepted:
 *
 * <ul>
 *   <li>integers: an optional sign and digits ({@code -0} is 0); no point, no exponent, so {@code
 *       1e3} and {@code 1.0} are refused rather than guessed at; beyond the type's range refused;
 *   <li>floating point: an optional sign, digits with an optional point, an optional exponent;
 *       {@code NaN} and infinities are refused (they break equality, sorting and sums downstream),
 *       as is a value beyond the type's range; {@code -0.0} becomes {@code 0.0}, so that equal
 *       numbers are one key when deduplicating; other values round to the nearest float, tiny
 *       ones to 0;
 *   <li>decimals: the same notation ({@code 1E+3} is 1000), never NaN or infinite, which a {@code
 *       BigDecimal} cannot hold.
 * </ul>
 *
 * No number may be longer than {@link #MAX_CHARS} characters.
 */
final class NumberValues {

  /** The longest text read as a number, in characters: Jackson's limit for JSON numbers too. */
  static final int MAX_CHARS = 1000;

  private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)");

  private NumberValues() {}

  /** The integer in {@code text}, between {@code min} and {@code max}; {@code bits} names the type. */
  static long integer(String name, String text, long min, long max, int bits)
      throws FieldValueException {
    checkLength(name, text);
    int digits = plainIntegerDigits(text);
    if (digits == 0) {
      throw new FieldValueException(
          "parse.number",
          name,
          name + " is not a " + bits + "-bit integer (digits only, no point or exponent)");
    }
    // Up to 18 ASCII digits always fit a long: the common case needs no BigInteger.
    long value = 0;
    boolean inLong = digits <= 18;
    if (inLong) {
      value = Long.parseLong(text);
    } else {
      BigInteger big = new BigInteger(text);
      inLong = big.bitLength() <= 63;
      value = big.longValue();
    }
    if (!inLong || value < min || value > max) {
      throw new FieldValueException(
          "parse.number_range",
          name,
          name + " is outside the " + bits + "-bit integer range (" + min + " to " + max + ")");
    }
    return value;
  }

  /** The double in {@code text}: finite, with -0.0 as 0.0. */
  static double doubleValue(String name, String text) throws FieldValueException {
    return inRange(name, Double.parseDouble(checkFloat(name, text)), 64, Double.MAX_VALUE);
  }

  /** The float in {@code text}: finite, with -0.0 as 0.0. */
  static float floatValue(String name, String text) throws FieldValueException {
    return (float) inRange(name, Float.parseFloat(checkFloat(name, text)), 32, Float.MAX_VALUE);
  }

  /** {@code value}, read as a {@code bits}-bit float whose largest value is {@code max}. */
  private static double inRange(String name, double value, int bits, Number max)
      throws FieldValueException {
    if (Double.isInfinite(value)) {
      throw new FieldValueException(
          "parse.number_range",
          name,
          name + " is beyond the range of a " + bits + "-bit float (" + max + ")");
    }
    return value == 0 ? 0.0 : value;
  }

  /** The decimal in {@code text}, exactly as written. */
  static BigDecimal decimal(String name, String text) throws FieldValueException {
    checkLength(name, text);
    if (!isDecimalNotation(text)) {
      if (NOT_FINITE.matcher(text.toLowerCase(Locale.ROOT)).matches()) {
        throw new FieldValueException(
            "parse.number", name, name + " is NaN or infinite, which a decimal cannot hold");
      }
      throw new FieldValueException("parse.number", name, name + " is not a valid decimal");
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      // Only an exponent beyond an int gets here.
      throw new FieldValueException(
          "parse.number_range", name, name + " has an exponent beyond the range of a decimal");
    }
  }

  private static String checkFloat(String name, String text) throws FieldValueException {
    checkLength(name, text);
    if (isDecimalNotation(text)) {
      return text;
    }
    if (NOT_FINITE.matcher(text.toLowerCase(Locale.ROOT)).matches()) {
      throw new FieldValueException(
          "parse.number", name, name + " is NaN or infinite; only finite numbers are accepted");
    }
    throw new FieldValueException("parse.number", name, name + " is not a valid number");
  }

  /**
   * The number of digits of {@code text} if it is {@code [+-]?[0-9]+} (ASCII digits only: Java's
   * parsers also take other scripts' digits), else 0. By hand rather than by a regular expression:
   * it runs for every integer of every record.
   */
  private static int plainIntegerDigits(String text) {
    int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
    }
    return text.length() - start;
  }

  /**
   * Whether {@code text} is {@code [+-]?([0-9]+(.[0-9]*)?|.[0-9]+)([eE][+-]?[0-9]+)?}, ASCII only;
   * by hand, as it runs for every floating-point value of every record.
   */
  private static boolean isDecimalNotation(String text) {
    int n = text.length();
    int i = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
    int mantissaDigits = 0;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
      mantissaDigits++;
    }
    if (i < n && text.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
        mantissaDigits++;
      }
    }
    if (mantissaDigits == 0) {
      return false;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static void checkLength(String name, String text) throws FieldValueException {
    if (text.length() > MAX_CHARS) {
      throw new FieldValueException(
          "parse.number", name, name + " is longer than " + MAX_CHARS + " characters for a number");
    }
  }
}
