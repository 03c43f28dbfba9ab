package org.datamesh.core.product;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run identifiers that sort by start time and do not collide: {@code 20261121T053012Z-9f3a1c}. */
public final class RunId {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunId() {}

  /** A new run id for a run starting now. */
  public static String generate() {
    byte[] suffix = new byte[3];
    RANDOM.nextBytes(suffix);
    return STAMP.format(Instant.now()) + "-" + HexFormat.of().formatHex(suffix);
  }
}
