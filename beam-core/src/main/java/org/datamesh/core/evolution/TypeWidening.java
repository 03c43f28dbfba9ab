package org.datamesh.core.evolution;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a column type can be read as another without losing any value, on the type names the
 * manifest uses ({@code INT32}, {@code DECIMAL(18,4)}, ...).
 *
 * <pre>{@code
 * TypeWidening.widens("INT32", "INT64");                   // true
 * TypeWidening.widens("DECIMAL(10,2)", "DECIMAL(12,2)");   // true
 * TypeWidening.widens("INT32", "DECIMAL(12,2)");           // true: 10 digits before the point
 * TypeWidening.widens("DECIMAL(10,2)", "DECIMAL(10,3)");   // false: the scale changed
 * }</pre>
 *
 * <p>Only these are widenings: integers to wider integers, FLOAT to DOUBLE, a decimal to one of
 * the same scale and a greater precision, an integer to a decimal with room for all its digits
 * before the point. A change of scale is not one even when no value would be lost: readers that
 * compare or join the column see different values' text.
 */
final class TypeWidening {

  private static final List<String> INTEGERS = List.of("BYTE", "INT16", "INT32", "INT64");

  // Decimal digits the largest value of each integer type has.
  private static final int[] INTEGER_DIGITS = {3, 5, 10, 19};

  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");

  private TypeWidening() {}

  static boolean widens(String from, String to) {
    if (from.equals(to)) {
      return false;
    }
    int fromInteger = INTEGERS.indexOf(from);
    if (fromInteger >= 0) {
      int toInteger = INTEGERS.indexOf(to);
      if (toInteger >= 0) {
        return toInteger > fromInteger;
      }
      Matcher decimal = DECIMAL.matcher(to);
      return decimal.matches()
          && precision(decimal) - scale(decimal) >= INTEGER_DIGITS[fromInteger];
    }
    if (from.equals("FLOAT")) {
      return to.equals("DOUBLE");
    }
    Matcher fromDecimal = DECIMAL.matcher(from);
    Matcher toDecimal = DECIMAL.matcher(to);
    return fromDecimal.matches()
        && toDecimal.matches()
        && scale(toDecimal) == scale(fromDecimal)
        && precision(toDecimal) >= precision(fromDecimal);
  }

  private static int precision(Matcher decimal) {
    return Integer.parseInt(decimal.group(1));
  }

  private static int scale(Matcher decimal) {
    return Integer.parseInt(decimal.group(2));
  }
}
