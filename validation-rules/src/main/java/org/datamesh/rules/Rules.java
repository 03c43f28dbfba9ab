package org.datamesh.rules;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;
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

  /** Text, when present, is not only white space (missing passes). Id {@code <field>.not_blank}. */
  public static Rule notBlank(String field) {
    return Rule.of(field, new NotBlankCheck());
  }

  /**
   * The value, as text, is none of {@code forbidden} (placeholders such as {@code N/A}). Id
   * {@code <field>.forbidden_values}.
   */
  public static Rule noneOf(String field, String... forbidden) {
    return Rule.of(field, new ForbiddenValuesCheck(List.of(forbidden)));
  }

  /**
   * A number fits {@code DECIMAL(precision, scale)}: at most {@code scale} digits after the
   * point and {@code precision - scale} before it. Id {@code <field>.precision}.
   */
  public static Rule fitsDecimal(String field, int precision, int scale) {
    return Rule.of(field, new DecimalCheck(precision, scale));
  }

  /** An ISO 3166-1 alpha-2 country code ({@code FR}). Id {@code <field>.format}. */
  public static Rule countryCode(String field) {
    return hasFormat(field, TextFormat.COUNTRY_CODE);
  }

  /** An ISO 4217 currency code ({@code EUR}). Id {@code <field>.format}. */
  public static Rule currencyCode(String field) {
    return hasFormat(field, TextFormat.CURRENCY_CODE);
  }

  /**
   * A timestamp is not after the time it is checked, or a date not after today in UTC. Id
   * {@code <field>.not_future}.
   */
  public static Rule notInFuture(String field) {
    return notInFuture(field, Clock.systemUTC());
  }

  /** Like {@link #notInFuture(String)}, against {@code clock} (a fixed one in tests). */
  public static Rule notInFuture(String field, Clock clock) {
    return Rule.of(field, new RelativeTimeCheck(null, clock));
  }

  /**
   * A timestamp is at most {@code age} before the time it is checked (a date: at most {@code
   * age}'s whole days before today in UTC). Id {@code <field>.max_age}.
   */
  public static Rule notOlderThan(String field, Duration age) {
    return notOlderThan(field, age, Clock.systemUTC());
  }

  /** Like {@link #notOlderThan(String, Duration)}, against {@code clock}. */
  public static Rule notOlderThan(String field, Duration age, Clock clock) {
    return Rule.of(field, new RelativeTimeCheck(age, clock));
  }

  /**
   * A CEL expression over the whole record must be true; every column is a variable of its
   * name, {@code now} the time of the check (see {@code docs/contracts.md} for how values are
   * typed). Refused when the pipeline is built if it does not compile against the rows' schema
   * or does not give a bool.
   *
   * <pre>{@code
   * Rules.expression("ship_after_order", "ship_date == null || ship_date >= order_date");
   * Rules.expression("shipped_has_date", "status == 'SHIPPED' ? ship_date != null : true")
   *     .asWarning();
   * }</pre>
   */
  public static Rule expression(String id, String expression) {
    return Rule.ofRecord(id, "", new CelExpression(expression, List.of(), Clock.systemUTC()));
  }

  /** Like {@link #expression(String, String)}, its failures naming {@code field}. */
  public static Rule expression(String id, String field, String expression) {
    return Rule.ofRecord(id, field, new CelExpression(expression, List.of(field), Clock.systemUTC()));
  }

  /** Like {@link #expression(String, String)}, with {@code now} read from {@code clock}. */
  public static Rule expression(String id, String expression, Clock clock) {
    return Rule.ofRecord(id, "", new CelExpression(expression, List.of(), clock));
  }

  /**
   * A Java predicate over the whole record (a {@code Row}) must hold; {@code fields} are the
   * columns it reads (checked to exist when the pipeline is built, the first named by failures),
   * {@code description} the expectation failures state.
   *
   * <pre>{@code
   * Rules.predicate("lines_total", List.of("total", "lines"),
   *     row -> sum(row.getArray("lines")).compareTo(row.getDecimal("total")) == 0,
   *     "have a total equal to the sum of its lines");
   * }</pre>
   */
  public static Rule predicate(
      String id,
      List<String> fields,
      SerializableFunction<Row, Boolean> predicate,
      String description) {
    String field = String.join(", ", fields);
    return Rule.ofRecord(id, field, new PredicateCheck(predicate, description, fields));
  }

  private static BigDecimal decimal(Number number) {
    if (number == null) {
      throw new IllegalArgumentException("a range bound cannot be null");
    }
    return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
  }
}
