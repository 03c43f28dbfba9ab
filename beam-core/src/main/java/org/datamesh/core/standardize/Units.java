package org.datamesh.core.standardize;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The units {@link UnitConversion} reads, each an exact factor to its dimension's base unit
 * (kilogram, metre); imperial units by their international definitions (1 lb = 0.45359237 kg,
 * 1 in = 0.0254 m). Symbols and names are matched in any case.
 */
final class Units {

  enum Dimension {
    MASS("a mass", List.of("mg", "g", "kg", "t", "oz", "lb")),
    LENGTH("a length", List.of("mm", "cm", "m", "km", "in", "ft", "yd", "mi"));

    final String noun;
    final List<String> symbols;

    Dimension(String noun, List<String> symbols) {
      this.noun = noun;
      this.symbols = symbols;
    }
  }

  record Unit(String symbol, Dimension dimension, BigDecimal toBase) implements Serializable {}

  private static final Map<String, Unit> BY_NAME = build();

  private Units() {}

  /** The unit {@code name} names (symbol or English name, any case), or null. */
  static @Nullable Unit named(String name) {
    return BY_NAME.get(name.toLowerCase(Locale.ROOT));
  }

  private static Map<String, Unit> build() {
    Map<String, Unit> units = new HashMap<>();
    add(units, Dimension.MASS, "mg", "0.000001", "milligram", "milligrams");
    add(units, Dimension.MASS, "g", "0.001", "gram", "grams");
    add(units, Dimension.MASS, "kg", "1", "kilogram", "kilograms", "kgs");
    add(units, Dimension.MASS, "t", "1000", "tonne", "tonnes");
    add(units, Dimension.MASS, "oz", "0.028349523125", "ounce", "ounces");
    add(units, Dimension.MASS, "lb", "0.45359237", "lbs", "pound", "pounds");
    add(units, Dimension.LENGTH, "mm", "0.001", "millimetre", "millimetres", "millimeter", "millimeters");
    add(units, Dimension.LENGTH, "cm", "0.01", "centimetre", "centimetres", "centimeter", "centimeters");
    add(units, Dimension.LENGTH, "m", "1", "metre", "metres", "meter", "meters");
    add(units, Dimension.LENGTH, "km", "1000", "kilometre", "kilometres", "kilometer", "kilometers");
    add(units, Dimension.LENGTH, "in", "0.0254", "inch", "inches");
    add(units, Dimension.LENGTH, "ft", "0.3048", "foot", "feet");
    add(units, Dimension.LENGTH, "yd", "0.9144", "yard", "yards");
    add(units, Dimension.LENGTH, "mi", "1609.344", "mile", "miles");
    return Map.copyOf(units);
  }

  private static void add(
      Map<String, Unit> units, Dimension dimension, String symbol, String toBase, String... names) {
    Unit unit = new Unit(symbol, dimension, new BigDecimal(toBase));
    units.put(symbol, unit);
    for (String name : names) {
      units.put(name, unit);
    }
  }
}
