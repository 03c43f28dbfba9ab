package org.datamesh.rules;

import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.TemporalFormat;
import org.datamesh.core.contract.ContractField;

/**
 * The {@code range} rule of a contract's date, time or timestamp property, from the bounds its
 * {@code logicalTypeOptions} write in the property's format.
 *
 * <pre>{@code
 * # logicalType: date, logicalTypeOptions: {format: dd.MM.yyyy, maximum: "31.12.2030"}
 * Rule rule = TemporalRanges.of(field);   // delivery_day.range: at most 31.12.2030
 * }</pre>
 */
final class TemporalRanges {

  private TemporalRanges() {}

  /** The range of a date, time or timestamp; the tighter of two bounds on one side decides. */
  static @Nullable Rule of(ContractField field) {
    Map<String, String> bounds = field.typeOptions().temporalBounds();
    if (bounds.isEmpty()) {
      return null;
    }
    TemporalRangeCheck.Kind kind =
        switch (field.logicalType()) {
          case DATE -> TemporalRangeCheck.Kind.DATE;
          case TIME -> TemporalRangeCheck.Kind.TIME;
          default -> TemporalRangeCheck.Kind.TIMESTAMP;
        };
    TemporalFormat format = field.temporalFormat();
    String[] min = tighter(kind, format, bounds.get("minimum"), bounds.get("exclusiveMinimum"), 1);
    String[] max = tighter(kind, format, bounds.get("maximum"), bounds.get("exclusiveMaximum"), -1);
    return Rule.of(
        field.name(),
        new TemporalRangeCheck(
            kind, format, min[0], min[1] != null, max[0], max[1] != null));
  }

  /**
   * Of an inclusive and an exclusive bound, the one that allows less, as {@code {bound,
   * exclusive ? "x" : null}}; {@code sign} is 1 for lower bounds, -1 for upper ones.
   */
  private static String[] tighter(
      TemporalRangeCheck.Kind kind,
      TemporalFormat format,
      @Nullable String inclusive,
      @Nullable String exclusive,
      int sign) {
    if (exclusive == null) {
      return new String[] {inclusive, null};
    }
    if (inclusive == null) {
      return new String[] {exclusive, "x"};
    }
    TemporalRangeCheck probe =
        new TemporalRangeCheck(kind, format, inclusive, false, null, false);
    // The exclusive bound is tighter when it is itself at least the inclusive one (lower) or at
    // most it (upper): the inclusive check then accepts it.
    boolean exclusiveWins =
        sign > 0
            ? probe.violation("", exclusive) == null
            : new TemporalRangeCheck(kind, format, null, false, inclusive, false)
                    .violation("", exclusive)
                == null;
    return exclusiveWins ? new String[] {exclusive, "x"} : new String[] {inclusive, null};
  }
}
