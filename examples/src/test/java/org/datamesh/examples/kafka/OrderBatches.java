package org.datamesh.examples.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Two batches of 100 distinct, valid order events for the stream tests' contract: one sent before
 * something happens to the stream (a restart, a kill), one after. Every order must come out
 * exactly once.
 *
 * @param first the events sent before, JSON lines
 * @param second the events sent after
 * @param ids every order id, which the output must hold once each
 */
record OrderBatches(List<String> first, List<String> second, Set<String> ids) {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  /** Ids {@code ORD-<digit>00000} on: the digit keeps tests apart and matches the contract's pattern. */
  static OrderBatches of(int digit, String emailPrefix, String amount) {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String id = String.format(Locale.ROOT, "ORD-%d%05d", digit, i);
      String line =
          "{\"order_id\":\"" + id + "\",\"version\":1,\"customer_email\":\"" + emailPrefix + i
              + "@example.com\",\"amount\":" + amount + ",\"ordered_at\":\"" + T0.plusSeconds(i)
              + "\"}";
      (i < 100 ? first : second).add(line);
      ids.add(id);
    }
    return new OrderBatches(List.copyOf(first), List.copyOf(second), Set.copyOf(ids));
  }
}
