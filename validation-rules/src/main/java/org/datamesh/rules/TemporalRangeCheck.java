package org.datamesh.rules;

import java.time.DateTimeException;
import java.time.Instant;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;
import org.datamesh.core.TemporalFormat;

/**
 * A date, time of day or timestamp lies between bounds, each inclusive or exclusive, either
 * absent. The bounds are written as the contract writes values ({@link TemporalFormat}). In a
 * contract's product the rule sees instants (standardization runs first); in a hand-composed path
 * that validates text timestamps, the text is read in the same format, and text that does not
 * read passes here, as a later standardization quarantines it with its own reason.
 *
 * <pre>{@code
 * # logicalType: date, logicalTypeOptions: {minimum: "2020-01-01", exclusiveMaximum: "2030-01-01"}
 * day.range: day must be at least 2020-01-01 and before 2030-01-01
 * }</pre>
 */
final class TemporalRangeCheck implements RuleCheck {

  /** Which values are compared. */
  enum Kind {
    DATE,
    TIME,
    TIMESTAMP
  }

  private final Kind kind;
  private final TemporalFormat format;
  private final @Nullable String min;
  private final boolean minExclusive;
  private final @Nullable String max;
  private final boolean maxExclusive;
  private transient @Nullable Comparable<Object> minValue;
  private transient @Nullable Comparable<Object> maxValue;

  TemporalRangeCheck(
      Kind kind,
      TemporalFormat format,
      @Nullable String min,
      boolean minExclusive,
      @Nullable String max,
      boolean maxExclusive) {
    if (min == null && max == null) {
      throw new IllegalArgumentException("a range needs a minimum, a maximum or both");
    }
    this.kind = kind;
    this.format = format;
    this.min = min;
    this.minExclusive = minExclusive;
    this.max = max;
    this.maxExclusive = maxExclusive;
    bounds(); // a bound that does not read fails now, not on the first record
  }

  @Override
  public String kind() {
    return "range";
  }

  @Override
  public void checkApplicable(String field, FieldType type) {
    boolean fits =
        switch (kind) {
          case DATE -> DataTypes.isDate(type);
          case TIME -> DataTypes.isTime(type);
          case TIMESTAMP -> DataTypes.isTimestamp(type) || type.getTypeName() == TypeName.STRING;
        };
    if (!fits) {
      throw new IllegalArgumentException(
          "a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " range rule cannot check "
              + field + " of type " + type);
    }
  }

  @Override
  public @Nullable String violation(String field, @Nullable Object value) {
    Object comparable = comparable(value);
    if (comparable == null) {
      return null;
    }
    bounds();
    if (minValue != null) {
      int c = minValue.compareTo(comparable);
      if (c > 0 || (minExclusive && c == 0)) {
        return field + " must be " + describe();
      }
    }
    if (maxValue != null) {
      int c = maxValue.compareTo(comparable);
      if (c < 0 || (maxExclusive && c == 0)) {
        return field + " must be " + describe();
      }
    }
    return null;
  }

  private @Nullable Object comparable(@Nullable Object value) {
    if (value instanceof org.joda.time.ReadableInstant instant) {
      return Instant.ofEpochMilli(instant.getMillis());
    }
    if (value instanceof String text) {
      try {
        return format.instant(text.trim());
      } catch (DateTimeException e) {
        return null; // standardization reports it
      }
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private void bounds() {
    if (minValue == null && min != null) {
      minValue = (Comparable<Object>) read(min);
    }
    if (maxValue == null && max != null) {
      maxValue = (Comparable<Object>) read(max);
    }
  }

  private Object read(String text) {
    return switch (kind) {
      case DATE -> format.date(text);
      case TIME -> format.time(text);
      case TIMESTAMP -> format.instant(text);
    };
  }

  @Override
  public String describe() {
    String lower = min == null ? null : (minExclusive ? "after " : "at least ") + min;
    String upper = max == null ? null : (maxExclusive ? "before " : "at most ") + max;
    return lower != null && upper != null ? lower + " and " + upper : lower != null ? lower : upper;
  }
}
