package org.datamesh.examples.bench;

import java.math.BigDecimal;

/**
 * An order after parsing, validation and standardization, as both baselines hold it: codes trimmed
 * and upper-cased, timestamps as UTC milliseconds, the amount at its currency's scale stored with
 * scale 4 (the library's {@code DECIMAL(18,4)}).
 *
 * @param recordNumber the record's number in its file: a later record wins a tie on {@code updatedAt}
 */
record CleanOrder(
    String orderId,
    String customerId,
    long orderTs,
    Long updatedAt,
    BigDecimal amount,
    String currency,
    String status,
    Integer quantity,
    long recordNumber) {

  /**
   * Whether this order replaces {@code other} of the same id: a later {@code updatedAt} (a missing
   * one is the oldest), then the later record, as the library's deduplication decides.
   */
  boolean isLaterThan(CleanOrder other) {
    if (updatedAt == null || other.updatedAt == null) {
      if (updatedAt != other.updatedAt) {
        return updatedAt != null;
      }
    } else if (updatedAt.longValue() != other.updatedAt.longValue()) {
      return updatedAt > other.updatedAt;
    }
    return recordNumber > other.recordNumber;
  }
}
