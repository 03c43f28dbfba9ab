package org.datamesh.core.contract;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The service levels a contract's {@code slaProperties} promise, as durations.
 *
 * <pre>{@code
 * // slaProperties: [{property: retention, value: 30, unit: d}]
 * contract.serviceLevels().retention();  // PT720H
 * }</pre>
 *
 * <p>Years count 365 days and months 30: a retention period is a promise to keep data at least that
 * long, and calendar-exact lengths would make the same contract mean different things on different
 * days.
 *
 * @param retention how long published data is kept; null if not promised
 * @param freshness how old the newest data may be; null if not promised
 * @param latency how long data takes to be published; null if not promised
 * @param drivers each promised property's {@code driver} ({@code regulatory}, {@code analytics},
 *     {@code operational}, in lower case) where the contract gives one: how important the promise
 *     is, which the SLA check reads as its level
 */
public record ServiceLevels(
    @Nullable Duration retention,
    @Nullable Duration freshness,
    @Nullable Duration latency,
    Map<String, String> drivers)
    implements Serializable {

  static final ServiceLevels NONE = new ServiceLevels(null, null, null);

  public ServiceLevels {
    drivers = drivers == null ? Map.of() : Map.copyOf(drivers);
  }

  /** Service levels without drivers. */
  public ServiceLevels(
      @Nullable Duration retention, @Nullable Duration freshness, @Nullable Duration latency) {
    this(retention, freshness, latency, Map.of());
  }
}
