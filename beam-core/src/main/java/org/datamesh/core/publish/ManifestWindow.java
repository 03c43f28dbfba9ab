package org.datamesh.core.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One event-time window of a table published from a stream, as its manifest lists it: the
 * window's bounds and how the messages whose event time falls in it were accounted for, summed
 * over every pane committed so far. Its files are those in the table's folder for the window
 * ({@link #folder}).
 *
 * <pre>{@code
 * for (ManifestWindow w : manifest.table("order_events").windows()) {
 *   w.start();            // "2026-12-01T10:00:00Z"
 *   w.counts().balances(); // in == published + quarantined + deduplicated
 * }
 * }</pre>
 *
 * @param start the window's first instant, ISO-8601
 * @param end the instant just after its last, ISO-8601
 * @param counts its messages: in, published, quarantined, set aside as duplicates
 * @param quality quarantined messages per stage and per rule, WARN hits per rule
 */
public record ManifestWindow(
    String start, String end, Manifest.Counts counts, Manifest.Quality quality) {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * The folder, inside a table's run folder, that holds the files of the window starting at
   * {@code startMillis}: {@code window_start=20261201T100000Z} (milliseconds only when the start
   * has them). Compact and free of {@code :}, which some file systems and Hadoop paths refuse.
   */
  public static String folder(long startMillis) {
    Instant start = Instant.ofEpochMilli(startMillis);
    return "window_start=" + (startMillis % 1000 == 0 ? SECONDS : MILLIS).format(start);
  }

  /** The folder of this window's files ({@link #folder(long)}). */
  String folder() {
    return folder(Instant.parse(start).toEpochMilli());
  }
}
