package org.datamesh.core.quality;

import java.io.Serializable;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Violation;

/**
 * One quarantined record as a quality report shows it: where it came from, every rule it broke
 * and why, and the start of its payload as the quarantine keeps it. Built from a failure after
 * protection, so a product that protects columns shows its payloads as encrypted, never in clear.
 *
 * <pre>{@code
 * FailureSample sample = FailureSample.of(failure);
 * sample.source();  // orders.csv record 17 (line 18)
 * sample.reason();  // orders.amount.range: amount must be >= 0
 * }</pre>
 *
 * @param stage the stage the record failed in ({@code PARSE}, {@code VALIDATE}, ...)
 * @param rules every rule the record broke, first one first
 * @param field the first violation's field; null for a record-level problem
 * @param reason every violation as {@code ruleId: reason}
 * @param source where the record came from; null when the source does not say
 * @param payload the first {@value #PAYLOAD_CHARS} characters of the quarantined payload, {@value
 *     #ENCRYPTED} when it is encrypted, null when none is kept
 */
public record FailureSample(
    String stage,
    List<String> rules,
    @Nullable String field,
    String reason,
    @Nullable String source,
    @Nullable String payload)
    implements Serializable {

  /** The most of a payload a sample shows. */
  public static final int PAYLOAD_CHARS = 200;

  /** What a sample shows for an encrypted payload. */
  public static final String ENCRYPTED = "(encrypted with the product's keyset)";

  public FailureSample {
    rules = List.copyOf(rules);
  }

  /** The sample of {@code failure}, a failure as quarantined (protected). */
  public static FailureSample of(Failure failure) {
    String raw = failure.rawPayload();
    String payload;
    if (raw == null) {
      payload = null;
    } else if (raw.startsWith(Failure.ENCRYPTED_PAYLOAD_PREFIX)) {
      payload = ENCRYPTED;
    } else if (raw.length() > PAYLOAD_CHARS || failure.rawTruncated()) {
      int end = Math.min(raw.length(), PAYLOAD_CHARS);
      if (end > 0 && end < raw.length() && Character.isHighSurrogate(raw.charAt(end - 1))) {
        end--; // never half a character
      }
      payload = raw.substring(0, end) + "…";
    } else {
      payload = raw;
    }
    return new FailureSample(
        failure.stage().name(),
        failure.violations().stream().map(Violation::ruleId).toList(),
        failure.field(),
        failure.reason(),
        failure.source() == null ? null : failure.source().toString(),
        payload);
  }
}
