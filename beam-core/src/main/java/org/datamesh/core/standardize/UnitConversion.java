package org.datamesh.core.standardize;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

/**
 * Quantities written with a unit ({@code "2.5 kg"}, {@code "2500g"}, {@code "5 lb"}) to a number
 * in one canonical unit of the same dimension (mass: mg, g, kg, t, oz, lb; length: mm, cm, m,
 * km, in, ft, yd, mi; English unit names work too).
 *
 * <pre>{@code
 * Standardizers.unit("weight", "kg");                   // "5 lb" -> 2.26796185 (a DOUBLE)
 * Standardizers.unit("weight", "kg").storedAs(12, 3);   // "5 lb" -> 2.268 (a DECIMAL(12,3))
 * }</pre>
 *
 * <p>The number is a plain decimal with a point, optionally signed ({@code 1,5 kg} and {@code
 * 1,500 g} are refused: a comma is a decimal mark in some places and a thousands separator in
 * others). A value without a unit, with an unknown unit, or with a unit of another dimension fails
 * with {@code standardize.unit}; so does a decimal too large for its column. Conversion is exact
 * to 34 significant digits, then rounded half-even to the column's scale.
 */
public final class UnitConversion implements FieldStandardizer {

  /** Longer text is not a quantity; refused before parsing. */
  private static final int LONGEST = 100;

  private final String field;
  private final Units.Unit canonical;
  private final int precision;
  private final int scale;

  private UnitConversion(String field, Units.Unit canonical, int precision, int scale) {
    this.field = field;
    this.canonical = canonical;
    this.precision = precision;
    this.scale = scale;
  }

  static UnitConversion of(String field, String canonicalUnit) {
    Units.Unit unit = Units.named(canonicalUnit.strip());
    if (unit == null) {
      throw new IllegalArgumentException(
          "unknown unit " + canonicalUnit + "; use one of " + Units.Dimension.MASS.symbols
              + " or " + Units.Dimension.LENGTH.symbols);
    }
    return new UnitConversion(field, unit, 0, -1);
  }

  /**
   * Returns a standardizer like this one but storing values as {@code DECIMAL(precision, scale)}
   * instead of a {@code DOUBLE}.
   */
  public UnitConversion storedAs(int precision, int scale) {
    if (scale < 0 || precision < 1 || scale > precision) {
      throw new IllegalArgumentException("need 0 <= scale <= precision and precision >= 1");
    }
    return new UnitConversion(field, canonical, precision, scale);
  }

  @Override
  public String field() {
    return field;
  }

  @Override
  public FieldType outputType(FieldType inputType) {
    TextOnly.output(field, inputType, "it cannot be read as a quantity with a unit");
    FieldType out = scale < 0 ? FieldType.DOUBLE : DataTypes.decimal(precision, scale);
    return out.withNullable(true);
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row)
      throws StandardizationException {
    if (value == null) {
      return null;
    }
    String text = TextOnly.strip(value.toString());
    int end = numberEnd(text);
    Units.Unit unit = end < 0 ? null : Units.named(TextOnly.strip(text.substring(end)));
    if (unit == null || unit.dimension() != canonical.dimension()) {
      throw new StandardizationException(
          "standardize.unit",
          field,
          field + " is not " + canonical.dimension().noun + " (a number and one of "
              + String.join(", ", canonical.dimension().symbols) + ")");
    }
    BigDecimal number = new BigDecimal(text.substring(0, end));
    BigDecimal converted =
        number
            .multiply(unit.toBase())
            .divide(canonical.toBase(), MathContext.DECIMAL128)
            .stripTrailingZeros();
    if (scale < 0) {
      return converted.doubleValue();
    }
    BigDecimal rounded = converted.setScale(scale, RoundingMode.HALF_EVEN);
    if (rounded.precision() > precision) {
      throw new StandardizationException(
          "standardize.unit",
          field,
          field + " has more than " + (precision - scale) + " digits before the point in "
              + canonical.symbol());
    }
    return rounded;
  }

  /**
   * Where the number at the start of {@code text} ends ({@code [+-]digits[.digits]}), or -1 when
   * there is none or the text is too long to be a quantity.
   */
  private static int numberEnd(String text) {
    if (text.length() > LONGEST) {
      return -1;
    }
    int i = 0;
    if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < text.length() && text.charAt(i) == '.') {
      i++;
      while (i < text.length() && isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    return digits == 0 ? -1 : i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public String describe() {
    return field + ": " + canonical.dimension().noun.substring(2) + " in " + canonical.symbol()
        + (scale < 0 ? "" : ", stored as DECIMAL(" + precision + "," + scale + ")");
  }
}
