package org.datamesh.rules;

import java.math.BigDecimal;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.TextFormat;

/**
 * The built-in record rules. Each is ERROR severity with the id {@code <field>.<kind>} until told
 * otherwise ({@link Rule#asWarning()}, {@link Rule#withId}): {@code Rules.atLeast("amount", 0)}
 * is the rule {@code amount.range}, and a failure it causes names that id ({@code
 * FailureMatchers.hasRule("amount.range")}). Each factory says which kind it gives.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.of(
 *     Rules.notNull("order_id"),
 *     Rules.matches("order_id", "ORD-[0-9]{6}"),
 *     Rules.atLeast("amount", 0),
 *     Rules.lengthBetween("customer_id", 3, 32),
 *     Rules.oneOfIgnoringCase("status", "PLACED", "SHIPPED", "DELIVERED"),
 *     Rules.between("quantity", 1, 100).asWarning().withId("quantity.bulk"));
 * }</pre>
 */
public final class Rules {

  private Rules() {}

  /** The field is present; text must not be blank. Id {@code <field>.not_null}. */
  public static Rule notNull(String field) {
    return Rule.of(field, new NotNullCheck());
  }

  /** A number is at least {@code min}. Id {@code <field>.range}. */
  public static Rule atLeast(String field, Number min) {
    return Rule.of(field, new RangeCheck(decimal(min), null));
  }

  /** A number is at most {@code max}. Id {@code <field>.range}. */
  public static Rule atMost(String field, Number max) {
    return Rule.of(field, new RangeCheck(null, decimal(max)));
  }

  /** A number is between {@code min} and {@code max}, inclusive. Id {@code <field>.range}. */
  public static Rule between(String field, Number min, Number max) {
    return Rule.of(field, new RangeCheck(decimal(min), decimal(max)));
  }

  /** A number is greater than {@code min}. Id {@code <field>.range}. */
  public static Rule greaterThan(String field, Number min) {
    return Rule.of(field, new RangeCheck(decimal(min), true, null, false));
  }

  /** A number is less than {@code max}. Id {@code <field>.range}. */
  public static Rule lessThan(String field, Number max) {
    return Rule.of(field, new RangeCheck(null, false, decimal(max), true));
  }

  /** A range with each bound optional, inclusive or exclusive; for mappings such as contracts. */
  static Rule range(
      String field,
      @Nullable BigDecimal min,
      boolean minExclusive,
      @Nullable BigDecimal max,
      boolean maxExclusive) {
    return Rule.of(field, new RangeCheck(min, minExclusive, max, maxExclusive));
  }

  /** Text is {@code min} to {@code max} characters long, inclusive. Id {@code <field>.length}. */
  public static Rule lengthBetween(String field, int min, int max) {
    return Rule.of(field, new LengthCheck(min, max));
  }

  /** The whole text matches {@code regex}. Id {@code <field>.pattern}. */
  public static Rule matches(String field, String regex) {
    return Rule.of(field, new PatternCheck(regex));
  }

  /**
   * Text is written in {@code format} (an e-mail address, an absolute URI, a UUID, ...). Id
   * {@code <field>.format}.
   */
  public static Rule hasFormat(String field, TextFormat format) {
    return Rule.of(field, new FormatCheck(format));
  }

  /** The value, as text, is one of {@code allowed}. Id {@code <field>.allowed_values}. */
  public static Rule oneOf(String field, String... allowed) {
    return Rule.of(field, new AllowedValuesCheck(List.of(allowed), false));
  }

  /**
   * Like {@link #oneOf} but ignoring case and surrounding spaces. Id {@code
   * <field>.allowed_values}.
   */
  public static Rule oneOfIgnoringCase(String field, String... allowed) {
    return Rule.of(field, new AllowedValuesCheck(List.of(allowed), true));
  }

  private static BigDecimal decimal(Number number) {
    if (number == null) {
      throw new IllegalArgumentException("a range bound cannot be null");
    }
    return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
  }
}
