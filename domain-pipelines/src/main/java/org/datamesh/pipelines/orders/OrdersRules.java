package org.datamesh.pipelines.orders;

import org.datamesh.rules.RuleSet;
import org.datamesh.rules.Rules;

/** What an order must satisfy to be published. */
public final class OrdersRules {

  /** Order statuses the sales domain recognises. */
  public static final String[] STATUSES = {
    "PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "RETURNED"
  };

  /** Above this many items an order is published but counted as unusually large. */
  public static final int BULK_QUANTITY = 100;

  public static final RuleSet RULES =
      RuleSet.of(
          Rules.notNull("order_id"),
          Rules.matches("order_id", "ORD-[0-9]{6,}"),
          Rules.notNull("customer_id"),
          Rules.notNull("order_ts"),
          Rules.notNull("amount"),
          Rules.atLeast("amount", 0),
          Rules.notNull("currency"),
          Rules.matches("currency", " *[A-Za-z]{3} *"),
          Rules.notNull("status"),
          Rules.oneOfIgnoringCase("status", STATUSES),
          Rules.between("quantity", 1, 1000),
          Rules.atMost("quantity", BULK_QUANTITY).asWarning().withId("quantity.bulk"));

  private OrdersRules() {}
}
