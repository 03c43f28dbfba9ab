package org.datamesh.core.stream;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.publish.ManifestWindow;
import org.datamesh.core.publish.WindowFile;

/**
 * What a stream has told the commit about one window so far: every file written for it (by
 * name, so a file written again after a restore replaces its earlier report) and every tally
 * pane (by pane number, likewise). The window can be committed when they agree: the data files
 * hold as many rows as the tallies counted published, the quarantine files as many as they
 * counted quarantined, and the tallies balance.
 */
final class WindowParts implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One report: a file written, or a tally pane. */
  record Part(@Nullable WindowFile file, @Nullable WindowTally tally) implements Serializable {
    private static final long serialVersionUID = 1L;

    static Part of(WindowFile file) {
      return new Part(file, null);
    }

    static Part of(WindowTally tally) {
      return new Part(null, tally);
    }
  }

  private final TreeMap<String, WindowFile> files = new TreeMap<>();
  private final TreeMap<Integer, WindowTally> tallies = new TreeMap<>();
  private @Nullable String committed;

  /** Adds {@code part}; returns whether it changed anything. */
  boolean add(Part part) {
    if (part.file() != null) {
      return !part.file().equals(files.put(part.file().file(), part.file()));
    }
    WindowTally tally = part.tally();
    return !tally.equals(tallies.put(tally.pane(), tally));
  }

  /** Whether the files and the tallies agree, and the tallies balance. */
  boolean complete() {
    if (tallies.isEmpty()) {
      return false;
    }
    long[] sum = tallySums();
    long dataRows = 0;
    long quarantineRows = 0;
    for (WindowFile file : files.values()) {
      if (file.quarantine()) {
        quarantineRows += file.rows();
      } else {
        dataRows += file.rows();
      }
    }
    return sum[0] == sum[1] + sum[2] + sum[3] && dataRows == sum[1] && quarantineRows == sum[2];
  }

  /** Whether this state was committed already, exactly as it is now. */
  boolean committedAsIs() {
    return fingerprint().equals(committed);
  }

  void markCommitted() {
    committed = fingerprint();
  }

  List<WindowFile> files() {
    return new ArrayList<>(files.values());
  }

  /** The window's manifest entry: its bounds, summed counts, failures and warnings. */
  ManifestWindow toManifest() {
    WindowTally first = tallies.firstEntry().getValue();
    long[] sum = tallySums();
    Map<String, Long> byStage = new TreeMap<>();
    Map<String, Long> byRule = new TreeMap<>();
    for (WindowFile file : files.values()) {
      file.failuresByStage().forEach((k, v) -> byStage.merge(k, v, Long::sum));
      file.failuresByRule().forEach((k, v) -> byRule.merge(k, v, Long::sum));
    }
    Map<String, Long> warnings = new TreeMap<>();
    for (WindowTally tally : tallies.values()) {
      tally.warnings().forEach((k, v) -> warnings.merge(k, v, Long::sum));
    }
    return new ManifestWindow(
        Instant.ofEpochMilli(first.start().getMillis()).toString(),
        Instant.ofEpochMilli(first.end().getMillis()).toString(),
        new Manifest.Counts(sum[0], sum[1], sum[2], sum[3]),
        new Manifest.Quality(byStage, byRule, warnings));
  }

  private long[] tallySums() {
    long[] sum = new long[4];
    for (WindowTally tally : tallies.values()) {
      sum[0] += tally.in();
      sum[1] += tally.published();
      sum[2] += tally.quarantined();
      sum[3] += tally.deduplicated();
    }
    return sum;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof WindowParts parts
        && files.equals(parts.files)
        && tallies.equals(parts.tallies)
        && java.util.Objects.equals(committed, parts.committed);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(files, tallies, committed);
  }

  private String fingerprint() {
    return files.values().toString() + tallies.values();
  }
}
