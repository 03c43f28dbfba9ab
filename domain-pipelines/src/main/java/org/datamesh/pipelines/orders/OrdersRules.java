package org.datamesh.pipelines.orders;

import org.datamesh.rules.Rule;
import org.datamesh.rules.Rules;

/**
 * The orders rules a contract cannot state. Everything else an order must satisfy (required
 * columns, the order id pattern, amount and quantity ranges, known statuses) is in its contract.
 */
public final class OrdersRules {

  /** Above this many items an order is published but counted as unusually large. */
  public static final int BULK_QUANTITY = 100;

  /**
   * Orders of more than {@link #BULK_QUANTITY} items are published and counted ({@code
   * quantity.bulk}, WARN). ODCS quality metrics judge a column's invalid values against a list or
   * a pattern, not a threshold on each value, so this stays in Java until rules in an expression
   * language are supported.
   */
  public static final Rule BULK =
      Rules.atMost("quantity", BULK_QUANTITY).asWarning().withId("quantity.bulk");

  private OrdersRules() {}
}
