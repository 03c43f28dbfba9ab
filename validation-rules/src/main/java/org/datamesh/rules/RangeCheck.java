package org.datamesh.rules;

import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

/** A number lies between bounds, each inclusive or exclusive; either bound may be absent. */
final class RangeCheck implements RuleCheck {

  private final @Nullable BigDecimal min;
  private final @Nullable BigDecimal max;
  private final boolean minExclusive;
  private final boolean maxExclusive;

  RangeCheck(@Nullable BigDecimal min, @Nullable BigDecimal max) {
    this(min, false, max, false);
  }

  RangeCheck(
      @Nullable BigDecimal min,
      boolean minExclusive,
      @Nullable BigDecimal max,
      boolean maxExclusive) {
    if (min == null && max == null) {
      throw new IllegalArgumentException("a range needs a minimum, a maximum or both");
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new IllegalArgumentException("a range's minimum " + min + " exceeds its maximum " + max);
    }
    this.min = min;
    this.max = max;
    this.minExclusive = minExclusive;
    this.maxExclusive = maxExclusive;
  }

  @Override
  public String kind() {
    return "range";
  }

  @Override
  public void checkApplicable(String field, FieldType type) {
    if (!type.getTypeName().isNumericType() && !DataTypes.isFixedDecimal(type)) {
      throw new IllegalArgumentException(
          "a range rule needs a numeric field, but " + field + " is " + type);
    }
  }

  @Override
  public @Nullable String violation(String field, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    BigDecimal number = asDecimal(value);
    if (min != null) {
      int c = number.compareTo(min);
      if (c < 0 || (minExclusive && c == 0)) {
        return field + " must be " + describe();
      }
    }
    if (max != null) {
      int c = number.compareTo(max);
      if (c > 0 || (maxExclusive && c == 0)) {
        return field + " must be " + describe();
      }
    }
    return null;
  }

  /** Whole numbers are converted without going through text, as this runs once per record. */
  private static BigDecimal asDecimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    return new BigDecimal(value.toString());
  }

  @Override
  public String describe() {
    String lower = min == null ? null : (minExclusive ? "greater than " : "at least ") + min.toPlainString();
    String upper = max == null ? null : (maxExclusive ? "less than " : "at most ") + max.toPlainString();
    if (lower != null && upper != null) {
      return !minExclusive && !maxExclusive
          ? "between " + min.toPlainString() + " and " + max.toPlainString()
          : lower + " and " + upper;
    }
    return lower != null ? lower : upper;
  }
}
