package org.datamesh.core.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.datamesh.core.product.RunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the folders of old runs that the committed manifest no longer references.
 *
 * <pre>{@code
 * List<String> removed = RunRetention.sweep(productDir, manifest, Duration.ofDays(30), Instant.now());
 * // ["runs/20261001T010203Z-1a2b3c", "quarantine/20261001T010203Z-1a2b3c"]
 * }</pre>
 *
 * <p>A run folder ({@code runs/<id>}, {@code quarantine/<id>} or {@code quality/<id>}) goes when
 * no file of the manifest lies in it, it is not the committed run's, and its run started longer
 * than the retention ago: by the stamp its id starts with ({@link RunId#startedAt}), else by its
 * newest file's modification time. A run still writing has a young id or young files, so it is
 * left alone. A sweep cut short (the process killed) leaves the rest for the next commit's sweep,
 * which finds the same folders unreferenced.
 */
final class RunRetention {

  /** The folders that hold one sub-folder per run. */
  static final List<String> RUN_FOLDERS = List.of("runs", "quarantine", "quality");

  private static final Logger LOG = LoggerFactory.getLogger(RunRetention.class);

  private RunRetention() {}

  /** Removes what the retention allows and returns the run folders removed, relative. */
  static List<String> sweep(
      ResourceId productDirectory, Manifest committed, Duration retention, Instant now)
      throws IOException {
    Set<String> referenced = new HashSet<>();
    for (String kind : RUN_FOLDERS) {
      referenced.add(kind + "/" + committed.runId());
    }
    Stream.concat(committed.files().stream(), committed.quarantineFiles().stream())
        .map(RunRetention::runFolderOf)
        .forEach(referenced::add);

    // A run that started after the committed one, or whose writers still have temporary files,
    // may be running alongside this one (a backfill, a retry): it is never swept, whatever the
    // retention, so it cannot lose its files before it commits.
    Instant committedStart = RunId.startedAt(committed.runId()).orElse(now);
    Instant oldestKept = now.minus(retention);
    List<String> removed = new ArrayList<>();
    for (String kind : RUN_FOLDERS) {
      for (Map.Entry<String, List<MatchResult.Metadata>> run :
          filesByRun(productDirectory, kind).entrySet()) {
        String folder = kind + "/" + run.getKey();
        Instant started = startedAt(run.getKey(), run.getValue());
        if (referenced.contains(folder)
            || stillWriting(run.getValue())
            || started.isAfter(committedStart)
            || !started.isBefore(oldestKept)
            || leavesProduct(productDirectory, run.getValue())) {
          continue;
        }
        FileSystems.delete(
            run.getValue().stream().map(MatchResult.Metadata::resourceId).toList(),
            StandardMoveOptions.IGNORE_MISSING_FILES);
        removeEmptyLocalFolder(productDirectory, folder);
        removed.add(folder);
        if (removed.size() == 1) {
          HoldPoint.reach(HoldPoint.RETENTION);
        }
      }
    }
    return removed;
  }

  /**
   * Whether any of a run's files lies outside the product's folder once links are followed: the
   * match follows a linked folder, and deleting what it found there would delete files the
   * product never wrote. Such a run is left alone.
   */
  private static boolean leavesProduct(
      ResourceId productDirectory, List<MatchResult.Metadata> files) throws IOException {
    if (!"file".equals(productDirectory.getScheme())) {
      return false;
    }
    Path product = Paths.get(productDirectory.toString()).toRealPath();
    for (MatchResult.Metadata file : files) {
      Path path = Paths.get(file.resourceId().toString());
      if (Files.exists(path) && !path.toRealPath().startsWith(product)) {
        LOG.warn("Retention leaves {} alone: it leads outside {}", path, product);
        return true;
      }
    }
    return false;
  }

  /** Whether Beam's file writes still have temporary files in the run's folder. */
  private static boolean stillWriting(List<MatchResult.Metadata> files) {
    return files.stream().anyMatch(f -> f.resourceId().toString().contains("/.temp-beam"));
  }

  /** {@code runs/<id>} of {@code runs/<id>/country=DE/part-0.parquet}. */
  private static String runFolderOf(String relativeFile) {
    String[] parts = relativeFile.split("/", 3);
    return parts.length < 3 ? relativeFile : parts[0] + "/" + parts[1];
  }

  /** Every file under {@code <kind>/}, grouped by run id. */
  private static Map<String, List<MatchResult.Metadata>> filesByRun(
      ResourceId productDirectory, String kind) throws IOException {
    String root = productDirectory.resolve(kind, StandardResolveOptions.RESOLVE_DIRECTORY).toString();
    MatchResult match =
        FileSystems.match(List.of(root + "**"), EmptyMatchTreatment.ALLOW).get(0);
    Map<String, List<MatchResult.Metadata>> byRun = new LinkedHashMap<>();
    if (match.status() != MatchResult.Status.OK) {
      return byRun;
    }
    for (MatchResult.Metadata file : match.metadata()) {
      String name = file.resourceId().toString();
      if (!name.startsWith(root)) {
        continue;
      }
      String rest = name.substring(root.length());
      int slash = rest.indexOf('/');
      if (slash <= 0) {
        continue; // a file directly under runs/ belongs to no run
      }
      byRun.computeIfAbsent(rest.substring(0, slash), id -> new ArrayList<>()).add(file);
    }
    return byRun;
  }

  /** The run's start; a file system that reports no modification time (0) keeps the run. */
  private static Instant startedAt(String runId, List<MatchResult.Metadata> files) {
    return RunId.startedAt(runId)
        .orElseGet(
            () ->
                files.stream().anyMatch(f -> f.lastModifiedMillis() <= 0)
                    ? Instant.MAX
                    : Instant.ofEpochMilli(
                        files.stream().mapToLong(MatchResult.Metadata::lastModifiedMillis).max().orElse(0)));
  }

  /**
   * Object stores have no folders, but a local disk keeps the emptied ones (partition folders
   * included); remove them so the product's folder lists only live runs.
   */
  private static void removeEmptyLocalFolder(ResourceId productDirectory, String folder)
      throws IOException {
    if (!"file".equals(productDirectory.getScheme())) {
      return;
    }
    Path path = Paths.get(productDirectory.toString()).resolve(folder);
    if (!Files.isDirectory(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (Files.isDirectory(p)) {
          try (Stream<Path> children = Files.list(p)) {
            if (children.findAny().isEmpty()) {
              Files.delete(p);
            }
          }
        }
      }
    }
  }
}
