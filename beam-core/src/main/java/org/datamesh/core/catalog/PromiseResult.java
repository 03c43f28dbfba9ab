package org.datamesh.core.catalog;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Severity;

/**
 * How one product kept one promise of its contract's {@code slaProperties} at one moment.
 *
 * <pre>{@code
 * // sales.orders freshness (ERROR): BROKEN, promised PT6H, measured PT7H12M
 * result.broken();   // true
 * result.blocks();   // true: an ERROR promise, broken
 * }</pre>
 *
 * @param product the product id
 * @param owner the product's owner, null when its facts name none
 * @param property {@code freshness}, {@code latency}, {@code retention}, or {@code contract} when
 *     the product's facts are missing
 * @param level ERROR unless the promise's {@code driver} is {@code analytics} (then WARN)
 * @param status whether the promise was kept, broken, or cannot be measured from the output
 * @param promisedMillis the promised duration; null when there is none
 * @param measuredMillis the measured duration; null when not measurable
 * @param detail what was measured, or why it cannot be
 */
public record PromiseResult(
    String product,
    @Nullable String owner,
    String property,
    Severity level,
    Status status,
    @Nullable Long promisedMillis,
    @Nullable Long measuredMillis,
    String detail) {

  /** Whether a promise was kept. */
  public enum Status {
    MET,
    BROKEN,
    NOT_MEASURABLE
  }

  /** Whether the promise was broken. */
  public boolean broken() {
    return status == Status.BROKEN;
  }

  /** Whether this is an ERROR promise that was broken: {@code sla} exits 1. */
  public boolean blocks() {
    return broken() && level == Severity.ERROR;
  }
}
