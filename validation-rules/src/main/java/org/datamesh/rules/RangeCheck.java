package org.datamesh.rules;

import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

/** A number lies between inclusive bounds; either bound may be open. */
final class RangeCheck implements RuleCheck {

  private final @Nullable BigDecimal min;
  private final @Nullable BigDecimal max;

  RangeCheck(@Nullable BigDecimal min, @Nullable BigDecimal max) {
    if (min == null && max == null) {
      throw new IllegalArgumentException("a range needs a minimum, a maximum or both");
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new IllegalArgumentException("a range's minimum " + min + " exceeds its maximum " + max);
    }
    this.min = min;
    this.max = max;
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
    BigDecimal number =
        value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
      return field + " must be " + describe();
    }
    return null;
  }

  @Override
  public String describe() {
    if (min != null && max != null) {
      return "between " + min.toPlainString() + " and " + max.toPlainString();
    }
    return min != null ? "at least " + min.toPlainString() : "at most " + max.toPlainString();
  }
}
