package org.datamesh.core.publish;

import java.io.Serializable;
import java.time.Duration;

/**
 * How long a product keeps the folders of runs it no longer references.
 *
 * <pre>{@code
 * new RetentionRules(Duration.ofDays(30), Duration.ofHours(1), Duration.ofDays(2));
 * }</pre>
 *
 * @param retention how long a run is kept once unreferenced: a superseded version from the moment
 *     it was superseded, a run that never committed from its start
 * @param readerGrace the longest a reader may take between reading a manifest and reading the
 *     files it lists; a superseded version is kept at least this long, whatever the retention
 * @param longestRun the longest a run may take; temporary files older than that belong to a run
 *     that was killed, and no longer keep its folder
 */
record RetentionRules(Duration retention, Duration readerGrace, Duration longestRun)
    implements Serializable {

  /** The default reader grace: one hour, longer than any query this project's readers run. */
  static final Duration DEFAULT_READER_GRACE = Duration.ofHours(1);

  /** The default longest run: two days. */
  static final Duration DEFAULT_LONGEST_RUN = Duration.ofDays(2);

  /** How long a superseded version stays: the retention, but never less than the grace. */
  Duration keepSuperseded() {
    return retention.compareTo(readerGrace) >= 0 ? retention : readerGrace;
  }
}
