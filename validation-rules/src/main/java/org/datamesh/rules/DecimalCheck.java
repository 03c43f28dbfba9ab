package org.datamesh.rules;

import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

/**
 * A number fits {@code DECIMAL(precision, scale)}: at most {@code scale} digits after the point
 * and {@code precision - scale} before it, trailing zeros not counted ({@code 10.50} fits a scale
 * of 1). A contract's {@code decimal(p,s)} column is already held to this when it is read; this
 * is for columns read as {@code double} or {@code DECIMAL} of any scale.
 */
final class DecimalCheck implements RuleCheck {

  private final int precision;
  private final int scale;

  DecimalCheck(int precision, int scale) {
    if (precision < 1 || scale < 0 || scale > precision) {
      throw new IllegalArgumentException(
          "a decimal needs 1 <= precision and 0 <= scale <= precision, got " + precision + ", "
              + scale);
    }
    this.precision = precision;
    this.scale = scale;
  }

  @Override
  public String kind() {
    return "precision";
  }

  @Override
  public void checkApplicable(String field, FieldType type) {
    if (!type.getTypeName().isNumericType() && !DataTypes.isFixedDecimal(type)) {
      throw new IllegalArgumentException(
          "a precision rule needs a numeric field, but " + field + " is " + type);
    }
  }

  @Override
  public @Nullable String violation(String field, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    BigDecimal number =
        value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    if (number.signum() == 0) {
      return null;
    }
    BigDecimal stripped = number.stripTrailingZeros();
    int decimals = Math.max(0, stripped.scale());
    int whole = stripped.precision() - stripped.scale();
    return decimals > scale || whole > precision - scale ? field + " must " + describe() : null;
  }

  @Override
  public String describe() {
    return "fit decimal(" + precision + "," + scale + "): at most " + (precision - scale)
        + " digits before the point and " + scale + " after";
  }
}
