package org.datamesh.core.product;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.HexFormat;

/** Run identifiers that sort by start time and do not collide: {@code 20261121T053012Z-9f3a1c}. */
public final class RunId {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int STAMP_LENGTH = "yyyyMMddTHHmmssZ".length();
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunId() {}

  /**
   * When a run started, read from its id's leading {@code yyyyMMdd'T'HHmmss'Z'} stamp; empty for
   * ids that do not start with one (ids chosen by hand, say).
   *
   * <pre>{@code
   * RunId.startedAt("20261121T053012Z-9f3a1c");  // Optional[2026-11-21T05:30:12Z]
   * RunId.startedAt("nightly");                  // Optional.empty
   * }</pre>
   */
  public static Optional<Instant> startedAt(String runId) {
    if (runId.length() < STAMP_LENGTH) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.from(STAMP.parse(runId.substring(0, STAMP_LENGTH))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A new run id for a run starting now. */
  public static String generate() {
    byte[] suffix = new byte[3];
    RANDOM.nextBytes(suffix);
    return STAMP.format(Instant.now()) + "-" + HexFormat.of().formatHex(suffix);
  }
}
