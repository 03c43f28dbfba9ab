package org.datamesh.examples.demo.mesh;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * An order of the world, before it is written (and perhaps broken).
 *
 * @param number its number: {@code ORD-000001} is 1
 * @param customer the index of its customer in the world
 * @param orderTs when it was placed
 * @param updatedAt when it last changed
 * @param status its status now
 * @param channel web, mobile or store
 * @param lines its lines, in line number order
 */
record WorldOrder(
    long number,
    int customer,
    Instant orderTs,
    Instant updatedAt,
    String status,
    String channel,
    List<Line> lines) {

  /** A line: the product and how many units of it. */
  record Line(WorldProduct product, int quantity) {}

  String id() {
    return String.format(java.util.Locale.ROOT, "ORD-%06d", number);
  }

  /** The sum of quantity times unit price, in EUR with two decimals. */
  BigDecimal amount() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Line line : lines) {
      sum = sum.add(unitPrice(line.product()).multiply(BigDecimal.valueOf(line.quantity())));
    }
    return sum.setScale(2, RoundingMode.HALF_EVEN);
  }

  static BigDecimal unitPrice(WorldProduct product) {
    return BigDecimal.valueOf(product.price()).setScale(2, RoundingMode.HALF_EVEN);
  }
}
