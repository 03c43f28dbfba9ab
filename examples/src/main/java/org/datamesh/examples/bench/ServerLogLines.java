package org.datamesh.examples.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the {@code ingest-log} scenario's input: request lines of a shop's services in time
 * order, in the shape of the demo's {@code server.log}, deterministically for a seed.
 *
 * <pre>{@code
 * ServerLogLines.write(Path.of("server-1000.log"), 1_000, 42);
 * // 2026-06-28T00:00:00.031Z INFO search GET /api/search?q=lamp 200 97ms req=9e3779b97f4a7c15
 * }</pre>
 *
 * <p>Every line is ASCII and ends with a line feed, so a reader that decodes text (the plain
 * producer loop) and one that keeps bytes (the library) send the same values.
 */
final class ServerLogLines {

  private static final String[] SERVICES = {"catalog", "search", "cart", "checkout", "accounts"};
  private static final String[] PATHS = {
    "/api/products/P-", "/api/search?q=lamp", "/api/cart", "/api/checkout/pay", "/api/account"
  };
  private static final String[] METHODS = {"GET", "GET", "POST", "POST", "GET"};
  private static final int[] LATENCY_MS = {25, 60, 30, 180, 40};
  private static final long START_MILLIS = Instant.parse("2026-06-28T00:00:00Z").toEpochMilli();

  private ServerLogLines() {}

  /** Writes {@code lines} lines to {@code file} and returns how many it wrote. */
  static long write(Path file, int lines, long seed) throws IOException {
    if (lines < 1) {
      throw new IllegalArgumentException("generate at least one line");
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    SplittableRandom random = new SplittableRandom(seed);
    long millis = START_MILLIS;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (int i = 0; i < lines; i++) {
        millis += random.nextInt(40);
        out.write(line(i, millis, random).getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
      }
    }
    return lines;
  }

  private static String line(int i, long millis, SplittableRandom random) {
    int s = random.nextInt(SERVICES.length);
    double r = random.nextDouble();
    int status =
        r < 0.02 ? 500 : r < 0.08 ? 404 : r < 0.12 ? 304 : METHODS[s].equals("POST") ? 201 : 200;
    String level = status >= 500 ? "ERROR" : status >= 400 ? "WARN" : "INFO";
    long latency = Math.max(1, Math.round(LATENCY_MS[s] * Math.exp(0.5 * random.nextGaussian())));
    String path = s == 0 ? PATHS[s] + (1 + random.nextInt(5_000)) : PATHS[s];
    return String.format(
        Locale.ROOT,
        "%s %s %s %s %s %d %dms req=%016x",
        Instant.ofEpochMilli(millis), level, SERVICES[s], METHODS[s], path, status, latency,
        (i + 1L) * 0x9E3779B97F4A7C15L);
  }
}
