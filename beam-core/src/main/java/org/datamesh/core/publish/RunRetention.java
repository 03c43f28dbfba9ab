package org.datamesh.core.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.product.RunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the folders of old runs that the committed manifest no longer references.
 *
 * <pre>{@code
 * List<String> removed = RunRetention.sweep(productDir, manifest, rules, Instant.now());
 * // ["runs/20261001T010203Z-1a2b3c", "quarantine/20261001T010203Z-1a2b3c"]
 * }</pre>
 *
 * <p>A run folder ({@code runs/<id>}, {@code quarantine/<id>} or {@code quality/<id>}) that no
 * file of the manifest lies in, and that is not the committed run's, goes:
 *
 * <ul>
 *   <li>if it was a version in force ({@link Manifest#superseded()}): once it was superseded
 *       longer ago than the retention and the reader grace, because a reader may have read its
 *       manifest just before it was superseded and still be reading its files;
 *   <li>otherwise (a run that never committed): once it started longer ago than the retention,
 *       by the stamp its id starts with ({@link RunId#startedAt}), else by its newest entry's
 *       modification time; a run that started after the committed one may still be running and
 *       stays.
 * </ul>
 *
 * <p>Either way a folder with temporary files younger than the longest run (a run still writing)
 * stays; older ones are a killed run's leftovers and go. A sweep cut short (the process killed)
 * leaves the rest for the next commit's sweep, which finds the same folders unreferenced.
 *
 * <p>On a local disk the product's folders are listed directly, without following links, so
 * glob characters in the output path mean nothing and nothing outside the product is walked. On
 * an object store the listing is a match of {@code <product>/<kind>/**}; a product path with glob
 * characters there is not swept (logged), since the pattern would not name it.
 */
final class RunRetention {

  /** The folders that hold one sub-folder per run. */
  static final List<String> RUN_FOLDERS = List.of("runs", "quarantine", "quality");

  /** Beam's file writes keep their temporary files under a folder named so. */
  static final String TEMPORARY_FOLDER = ".temp-beam";

  private static final String GLOB_CHARACTERS = "*?[]{}\\";

  private static final Logger LOG = LoggerFactory.getLogger(RunRetention.class);

  private RunRetention() {}

  /** One run's folder of one kind: what is in it, and when it last changed. */
  private record RunFolder(
      List<ResourceId> files, @Nullable Instant newestChange, @Nullable Instant newestTemporary) {}

  /** Removes what the rules allow and returns the run folders removed, relative. */
  static List<String> sweep(
      ResourceId productDirectory, Manifest committed, RetentionRules rules, Instant now)
      throws IOException {
    if (!isLocal(productDirectory) && hasGlobCharacters(productDirectory.toString())) {
      LOG.warn(
          "Retention skips {}: its path has glob characters, which an object store listing would"
              + " read as a pattern", productDirectory);
      return List.of();
    }
    Set<String> referenced = new HashSet<>();
    for (String kind : RUN_FOLDERS) {
      referenced.add(kind + "/" + committed.runId());
    }
    Stream.concat(committed.files().stream(), committed.quarantineFiles().stream())
        .map(RunRetention::runFolderOf)
        .forEach(referenced::add);
    Map<String, Instant> supersededAt = new HashMap<>();
    for (Manifest.Superseded version : committed.superseded()) {
      supersededAt.putIfAbsent(version.runId(), Instant.parse(version.supersededAt()));
    }

    Instant committedStart = RunId.startedAt(committed.runId()).orElse(now);
    List<String> removed = new ArrayList<>();
    for (String kind : RUN_FOLDERS) {
      for (Map.Entry<String, RunFolder> entry : runFolders(productDirectory, kind).entrySet()) {
        String id = entry.getKey();
        String folder = kind + "/" + id;
        RunFolder run = entry.getValue();
        if (referenced.contains(folder)
            || stillWriting(run, rules, now)
            || young(id, run, supersededAt.get(id), committedStart, rules, now)
            || leavesProduct(productDirectory, run.files())) {
          continue;
        }
        FileSystems.delete(run.files(), StandardMoveOptions.IGNORE_MISSING_FILES);
        removeLocalFolder(productDirectory, folder);
        removed.add(folder);
        if (removed.size() == 1) {
          HoldPoint.reach(HoldPoint.RETENTION);
        }
      }
    }
    return removed;
  }

  /** Whether the run's folder is still within its retention (see the class comment). */
  private static boolean young(
      String id,
      RunFolder run,
      @Nullable Instant supersededAt,
      Instant committedStart,
      RetentionRules rules,
      Instant now) {
    if (supersededAt != null) {
      return !supersededAt.isBefore(now.minus(rules.keepSuperseded()));
    }
    Instant started =
        RunId.startedAt(id).orElse(run.newestChange() == null ? Instant.MAX : run.newestChange());
    return started.isAfter(committedStart) || !started.isBefore(now.minus(rules.retention()));
  }

  /** Whether the run has temporary files young enough to belong to a run still writing. */
  private static boolean stillWriting(RunFolder run, RetentionRules rules, Instant now) {
    return run.newestTemporary() != null
        && !run.newestTemporary().isBefore(now.minus(rules.longestRun()));
  }

  /**
   * Whether any of a run's files lies outside the product's folder once links are followed:
   * deleting what a link leads to would delete files the product never wrote. Such a run is left
   * alone.
   */
  private static boolean leavesProduct(ResourceId productDirectory, List<ResourceId> files)
      throws IOException {
    if (!isLocal(productDirectory)) {
      return false;
    }
    Path product = Paths.get(productDirectory.toString()).toRealPath();
    for (ResourceId file : files) {
      Path path = Paths.get(file.toString());
      if (Files.exists(path) && !path.toRealPath().startsWith(product)) {
        LOG.warn("Retention leaves {} alone: it leads outside {}", path, product);
        return true;
      }
    }
    return false;
  }

  /** {@code runs/<id>} of {@code runs/<id>/country=DE/part-0.parquet}. */
  private static String runFolderOf(String relativeFile) {
    String[] parts = relativeFile.split("/", 3);
    return parts.length < 3 ? relativeFile : parts[0] + "/" + parts[1];
  }

  /** Every run folder under {@code <kind>/}, by run id. */
  private static Map<String, RunFolder> runFolders(ResourceId productDirectory, String kind)
      throws IOException {
    return isLocal(productDirectory)
        ? localRunFolders(Paths.get(productDirectory.toString()).resolve(kind))
        : matchedRunFolders(productDirectory, kind);
  }

  /**
   * Lists a local {@code <kind>/} folder directly: no pattern, no link followed (a linked run
   * folder is one entry, which {@link #leavesProduct} then judges), nothing outside it walked.
   */
  private static Map<String, RunFolder> localRunFolders(Path kindFolder) throws IOException {
    Map<String, RunFolder> byRun = new LinkedHashMap<>();
    if (!Files.isDirectory(kindFolder, LinkOption.NOFOLLOW_LINKS)) {
      return byRun;
    }
    List<Path> runs;
    try (Stream<Path> children = Files.list(kindFolder)) {
      runs = children.sorted().toList();
    }
    for (Path run : runs) {
      if (Files.isRegularFile(run, LinkOption.NOFOLLOW_LINKS)) {
        continue; // a file directly under quality/ (the history) belongs to no run
      }
      List<ResourceId> files = new ArrayList<>();
      Instant newestFile = null;
      Instant newestFolder = null;
      Instant newestTemporary = null;
      try (Stream<Path> entries = Files.walk(run)) {
        for (Path entry : entries.toList()) {
          Instant changed =
              Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant();
          if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            newestFolder = later(newestFolder, changed);
            continue;
          }
          files.add(FileSystems.matchNewResource(entry.toString(), false));
          newestFile = later(newestFile, changed);
          if (isTemporary(entry.toString())) {
            newestTemporary = later(newestTemporary, changed);
          }
        }
      }
      // A run's files tell when it wrote; a folder without files (a run just starting, or one
      // that left only empty folders) has only its folders' times to go by.
      Instant newest = files.isEmpty() ? newestFolder : newestFile;
      byRun.put(run.getFileName().toString(), new RunFolder(files, newest, newestTemporary));
    }
    return byRun;
  }

  private static Instant later(@Nullable Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  /** Lists an object store's {@code <kind>/} prefix through Beam's match. */
  private static Map<String, RunFolder> matchedRunFolders(
      ResourceId productDirectory, String kind) throws IOException {
    String root =
        productDirectory.resolve(kind, StandardResolveOptions.RESOLVE_DIRECTORY).toString();
    MatchResult match = FileSystems.match(List.of(root + "**"), EmptyMatchTreatment.ALLOW).get(0);
    Map<String, List<MatchResult.Metadata>> byRun = new LinkedHashMap<>();
    if (match.status() == MatchResult.Status.OK) {
      for (MatchResult.Metadata file : match.metadata()) {
        String name = file.resourceId().toString();
        int slash = name.startsWith(root) ? name.indexOf('/', root.length()) : -1;
        if (slash > root.length()) { // a file directly under runs/ belongs to no run
          byRun.computeIfAbsent(name.substring(root.length(), slash), id -> new ArrayList<>())
              .add(file);
        }
      }
    }
    Map<String, RunFolder> folders = new LinkedHashMap<>();
    byRun.forEach((id, files) -> folders.put(id, matchedRunFolder(files)));
    return folders;
  }

  /** A store reporting no modification time (0) gives none, which keeps the run. */
  private static RunFolder matchedRunFolder(List<MatchResult.Metadata> files) {
    boolean unknown = files.stream().anyMatch(f -> f.lastModifiedMillis() <= 0);
    Instant newest = unknown ? null : newest(files, false);
    Instant newestTemporary = unknown ? Instant.MAX : newest(files, true);
    return new RunFolder(
        files.stream().map(MatchResult.Metadata::resourceId).toList(), newest, newestTemporary);
  }

  private static @Nullable Instant newest(List<MatchResult.Metadata> files, boolean temporary) {
    return files.stream()
        .filter(f -> !temporary || isTemporary(f.resourceId().toString()))
        .map(f -> Instant.ofEpochMilli(f.lastModifiedMillis()))
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  private static boolean isTemporary(String name) {
    return name.contains("/" + TEMPORARY_FOLDER);
  }

  /**
   * Removes the empty {@code .temp-beam} folders Beam's writes leave in the committed run's
   * folders (local disks only; object stores have no folders).
   */
  static void removeEmptyTemporaryFolders(ResourceId productDirectory, String runId)
      throws IOException {
    if (!isLocal(productDirectory)) {
      return;
    }
    for (String kind : RUN_FOLDERS) {
      Path run = Paths.get(productDirectory.toString()).resolve(kind).resolve(runId);
      if (!Files.isDirectory(run, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      List<Path> temporary;
      try (Stream<Path> entries = Files.walk(run)) {
        temporary =
            entries
                .filter(p -> p.getFileName().toString().startsWith(TEMPORARY_FOLDER))
                .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                .toList();
      }
      for (Path folder : temporary) {
        removeEmptyFolders(folder);
      }
    }
  }

  /** Removes a swept run's local folder and the folders left empty in it. */
  private static void removeLocalFolder(ResourceId productDirectory, String folder)
      throws IOException {
    if (isLocal(productDirectory)) {
      removeEmptyFolders(Paths.get(productDirectory.toString()).resolve(folder));
    }
  }

  /** Removes {@code top} and the folders under it that hold no file, deepest first. */
  private static void removeEmptyFolders(Path top) throws IOException {
    if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> folders;
    try (Stream<Path> paths = Files.walk(top)) {
      folders = paths.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : folders) {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> children = Files.list(p)) {
          if (children.findAny().isEmpty()) {
            Files.delete(p);
          }
        }
      }
    }
  }

  private static boolean isLocal(ResourceId resource) {
    return "file".equals(resource.getScheme());
  }

  private static boolean hasGlobCharacters(String path) {
    return path.chars().anyMatch(c -> GLOB_CHARACTERS.indexOf(c) >= 0);
  }
}
