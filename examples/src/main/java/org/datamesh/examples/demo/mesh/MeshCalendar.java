package org.datamesh.examples.demo.mesh;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The mesh's fixed dates: 26 weeks of history, Monday 2026-01-05 to Sunday 2026-06-28, and
 * "today", 2026-06-29. Never the wall clock, so every run of a seed writes the same bytes.
 */
public final class MeshCalendar {

  /** The first day of the history, a Monday. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);

  /** The last day of the history, a Sunday; the inventory is counted on it. */
  public static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 28);

  /** The mesh's today: the first forecast day. */
  public static final LocalDate TODAY = LocalDate.of(2026, 6, 29);

  /** Days of history: 182. */
  public static final int DAYS = 182;

  /** Days the weather is forecast for, from {@link #TODAY}. */
  public static final int FORECAST_DAYS = 7;

  private MeshCalendar() {}

  /** The {@code index}th day of the history, from 0. */
  static LocalDate day(int index) {
    return FIRST_DAY.plusDays(index);
  }

  /** Whether {@code day} is a Saturday or a Sunday. */
  static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
