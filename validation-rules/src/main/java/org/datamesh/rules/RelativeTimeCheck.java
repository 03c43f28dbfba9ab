package org.datamesh.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

/**
 * A timestamp or date is judged against the time the record is checked: not in the future, or
 * not older than a given age. Dates are compared with today's date in UTC ({@code not_future}:
 * at most today; {@code max_age} of 30 days: at least today minus 30 days). The clock is fixed in
 * tests.
 */
final class RelativeTimeCheck implements RuleCheck {

  private final @Nullable Duration maxAge;
  private final Clock clock;

  /** Not in the future when {@code maxAge} is null, else not older than {@code maxAge}. */
  RelativeTimeCheck(@Nullable Duration maxAge, Clock clock) {
    if (maxAge != null && maxAge.isNegative()) {
      throw new IllegalArgumentException("a maximum age cannot be negative");
    }
    this.maxAge = maxAge;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return maxAge == null ? "not_future" : "max_age";
  }

  @Override
  public void checkApplicable(String field, FieldType type) {
    if (!DataTypes.isTimestamp(type) && !DataTypes.isDate(type)) {
      throw new IllegalArgumentException(
          "a " + kind() + " rule needs a timestamp or a date, but " + field + " is " + type);
    }
  }

  @Override
  public @Nullable String violation(String field, @Nullable Object value) {
    Instant now = clock.instant();
    if (value instanceof org.joda.time.ReadableInstant || value instanceof Instant) {
      Instant instant = DataTypes.instant(value);
      boolean broken = maxAge == null ? instant.isAfter(now) : instant.isBefore(now.minus(maxAge));
      return broken ? field + " must " + describe() : null;
    }
    if (value instanceof LocalDate date) {
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      boolean broken =
          maxAge == null
              ? date.isAfter(today)
              : date.isBefore(today.minusDays(maxAge.toDays()));
      return broken ? field + " must " + describe() : null;
    }
    return null;
  }

  @Override
  public String describe() {
    return maxAge == null
        ? "not be in the future"
        : "be at most " + words(maxAge) + " old";
  }

  private static String words(Duration age) {
    if (age.toHours() % 24 == 0 && !age.isZero()) {
      long days = age.toDays();
      return days + (days == 1 ? " day" : " days");
    }
    return age.toString();
  }
}
