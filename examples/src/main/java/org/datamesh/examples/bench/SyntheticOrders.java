package org.datamesh.examples.bench;

import java.math.BigDecimal;

/**
 * Already-clean orders made from a number, for the publication scenario: both of its sides start
 * from the same values and pay the same small cost to make them, so the difference is publishing.
 *
 * <pre>{@code
 * CleanOrder order = SyntheticOrders.order(41);  // ORD-0000041, C-41, ...
 * }</pre>
 */
final class SyntheticOrders {

  private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "JPY", "CHF"};
  private static final String[] STATUSES = {"PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"};
  private static final long START_MILLIS = 1_704_067_200_000L; // 2024-01-01T00:00:00Z

  private SyntheticOrders() {}

  static CleanOrder order(long i) {
    String digits = Long.toString(i);
    long orderTs = START_MILLIS + i * 37_000L;
    return new CleanOrder(
        "ORD-" + "0".repeat(Math.max(0, 7 - digits.length())) + digits,
        "C-" + (i % 20_000),
        orderTs,
        orderTs + 60_000L * (i % 600),
        BigDecimal.valueOf((i * 7_919L) % 99_999_900L, 2).setScale(4),
        CURRENCIES[(int) (i % CURRENCIES.length)],
        STATUSES[(int) (i % STATUSES.length)],
        1 + (int) (i % 10),
        i);
  }
}
