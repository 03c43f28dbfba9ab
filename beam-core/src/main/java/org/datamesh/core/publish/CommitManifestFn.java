package org.datamesh.core.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.core.quality.FailureSample;
import org.datamesh.core.quality.FrequentValue;
import org.datamesh.core.quality.HistoryCheck;
import org.datamesh.core.quality.QualityGateException;
import org.datamesh.core.quality.TableQuality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's manifest once its files are complete (they arrive as side inputs, which a runner
 * provides only after the writes have finished), checking first that every record is accounted
 * for; then, with a retention, removes the folders of old runs the manifest no longer references.
 *
 * <p>Two runs of one product may run at once (a retry, a backfill, a second scheduler). Each
 * remembers which run's manifest was in force when it started; at commit it takes the product's
 * {@link CommitLock}, reads the manifest in force again, and commits only if it is still that one.
 * Otherwise it throws {@link ConcurrentCommitException}: the run fails, nothing of it is committed,
 * and the other run's version stays whole. The retention is applied under the same lock.
 *
 * <p>When the tables have dataset checks, their results arrive as side inputs too. The step
 * reads {@code quality/history.jsonl} once and judges the anomaly checks ({@link HistoryCheck})
 * against the earlier published runs; the run's {@code quality/<run-id>/report.json} and {@code
 * report.html} are written first, and if an ERROR check failed (the
 * quality gate) the step adds the run to {@code quality/history.jsonl} as not published and
 * throws {@link QualityGateException} without taking a look at the manifest: the version in
 * force stays byte for byte, and the run's files under {@code runs/<run-id>} stay unreferenced
 * until retention removes them.
 *
 * <p>Its output is the committed manifest's JSON (the one already in force for a retried
 * bundle), so what a caller reports is what this step committed, not what a later read finds.
 */
final class CommitManifestFn extends DoFn<Long, String> {
  // The element is only a trigger (the first table's input count); every count is a side input.

  private static final Logger LOG = LoggerFactory.getLogger(CommitManifestFn.class);

  /** How many superseded versions a manifest lists when there is no retention. */
  static final int KEPT_HISTORY = 100;

  private final DataProduct product;
  private final String runId;
  private final String productDirectory;
  private final List<ManifestViews> tables;
  private final @Nullable RetentionRules retention;
  private final String startedFrom;

  /**
   * @param startedFrom the run id whose manifest was in force when this run started, empty when
   *     none was; the commit is refused if another is in force by then
   */
  CommitManifestFn(
      DataProduct product,
      String runId,
      String productDirectory,
      List<ManifestViews> tables,
      @Nullable RetentionRules retention,
      String startedFrom) {
    this.product = product;
    this.runId = runId;
    this.productDirectory = productDirectory;
    this.tables = List.copyOf(tables);
    this.retention = retention;
    this.startedFrom = startedFrom;
  }

  /** Every table's views, for {@code ParDo.withSideInputs}. */
  List<PCollectionView<?>> sideInputs() {
    List<PCollectionView<?>> all = new ArrayList<>();
    tables.forEach(t -> all.addAll(t.all()));
    return all;
  }

  @ProcessElement
  public void process(ProcessContext context) throws IOException {
    Map<String, TableQuality> quality = new LinkedHashMap<>();
    for (ManifestViews views : tables) {
      TableQuality checked = quality(views, context);
      if (checked != null) {
        quality.put(views.table(), checked);
      }
    }
    ResourceId directory = FileSystems.matchNewResource(productDirectory, true);
    QualityHistory history = QualityHistory.parse(List.of(), runId);
    if (!quality.isEmpty()) {
      // One read of the history per run: the anomaly checks' baseline and the report's trends.
      QualityHistory read = QualityFiles.readHistory(directory, runId);
      history = read;
      quality.replaceAll((table, q) -> q.judgedAgainst(read.pastMetrics(table)));
    }
    List<Manifest.Table> committed = new ArrayList<>();
    Map<String, List<FailureSample>> samples = new LinkedHashMap<>();
    for (ManifestViews views : tables) {
      committed.add(table(views, quality.get(views.table()), context));
      samples.put(views.table(), context.sideInput(views.failureSamples()));
    }
    // The gate decides before the lock is taken: a failed run never touches the manifest.
    List<CheckResult> blocking = new ArrayList<>();
    quality.values().forEach(q -> blocking.addAll(q.blocking()));
    if (!quality.isEmpty()) {
      String createdAt = Instant.now().toString();
      QualityFiles.writeReport(
          directory, runId, QualityFiles.report(product, runId, createdAt, committed, quality, samples));
      QualityFiles.write(
          directory,
          runId,
          QualityReportHtml.FILE,
          QualityReportHtml.render(
              product, runId, createdAt, committed, quality, samples, history));
    }
    if (!blocking.isEmpty()) {
      try (CommitLock lock = CommitLock.take(directory)) {
        QualityFiles.recordHistory(
            directory,
            runId,
            QualityFiles.historyLine(runId, Instant.now().toString(), false, quality),
            lock::verify);
      }
      throw new QualityGateException(product.id(), runId, blocking);
    }
    HoldPoint.reach(HoldPoint.MANIFEST_LOCK);
    Manifest manifest;
    try (CommitLock lock = CommitLock.take(directory)) {
      manifest = commit(directory, committed, lock, context.getPipelineOptions());
      if (!quality.isEmpty()) {
        recordHistory(directory, manifest, quality, lock);
      }
    }
    HoldPoint.reach(HoldPoint.COMMITTED);
    context.output(new String(manifest.toJson(), StandardCharsets.UTF_8));
  }

  /** The table's dataset check results, or null when it has no checks. */
  private static @Nullable TableQuality quality(ManifestViews views, ProcessContext context) {
    List<TableQuality> found = context.sideInput(views.quality());
    if (found.isEmpty()) {
      return null;
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    Map<String, Double> metrics = new TreeMap<>();
    List<CheckResult> checks = new ArrayList<>();
    List<HistoryCheck> history = new ArrayList<>();
    Map<String, List<FrequentValue>> topValues = new TreeMap<>();
    for (TableQuality q : found) {
      metrics.putAll(q.metrics());
      checks.addAll(q.checks());
      history.addAll(q.history());
      topValues.putAll(q.topValues());
    }
    return new TableQuality(views.table(), metrics, checks, history, topValues);
  }

  /**
   * Adds this run's line to the quality history once its manifest is in force; a failure here is
   * logged, since the run is committed either way and its report holds the same metrics.
   */
  private void recordHistory(
      ResourceId directory, Manifest manifest, Map<String, TableQuality> quality, CommitLock lock) {
    try {
      QualityFiles.recordHistory(
          directory,
          runId,
          QualityFiles.historyLine(runId, manifest.committedAt(), true, quality),
          lock::verify);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not add run {} of {} to the quality history", runId, product.id(), e);
    }
  }

  /** One table's part of the manifest, once its counts are checked to balance. */
  private Manifest.Table table(
      ManifestViews views, @Nullable TableQuality checked, ProcessContext context) {
    Manifest.Counts counts =
        new Manifest.Counts(
            context.sideInput(views.input()),
            context.sideInput(views.published()),
            context.sideInput(views.quarantined()),
            context.sideInput(views.deduplicated()));
    if (!counts.balances()) {
      throw new IllegalStateException(
          "run " + runId + " of " + product.id() + " lost track of records of its table "
              + views.table() + ": " + counts.input() + " read, but " + counts.published()
              + " published + " + counts.quarantined() + " quarantined + "
              + counts.deduplicated() + " duplicates; the manifest was not committed");
    }
    return new Manifest.Table(
        views.table(),
        views.columns(),
        relative(context.sideInput(views.dataFiles())),
        relative(context.sideInput(views.quarantineFiles())),
        counts,
        new Manifest.Quality(
            new TreeMap<>(context.sideInput(views.failuresByStage())),
            new TreeMap<>(context.sideInput(views.failuresByRule())),
            new TreeMap<>(context.sideInput(views.warningsByRule())))
            .withChecks(checked == null ? List.of() : checked.checks()));
  }

  /**
   * Under the product's lock: checks that the manifest in force is this product's and still the
   * one this run started from, then writes this run's (keeping the one it replaces as {@code
   * _manifest.previous.json}) and applies the retention. Returns the manifest in force after it.
   * A retried bundle that finds its own run committed, with exactly its files, has nothing left
   * to do.
   */
  private Manifest commit(
      ResourceId directory,
      List<Manifest.Table> committed,
      CommitLock lock,
      PipelineOptions options)
      throws IOException {
    ResourceId target = directory.resolve(Manifest.FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
    boolean local = "file".equals(directory.getScheme());
    ManifestStore store = local ? null : storeFor(directory);
    Optional<ManifestStore.Stored> stored =
        local ? Optional.empty() : store.read(target, options);
    Optional<Manifest> inForce = local ? Manifest.readIfPresent(directory) : parse(stored, target);
    if (inForce.isPresent()) {
      ProductIdentity.check(product, inForce.get(), target.toString());
    }
    String inForceRun = inForce.map(Manifest::runId).orElse("");
    if (inForceRun.equals(runId)) {
      if (inForce.get().tables().equals(committed)) {
        LOG.info("Run {} of {} was already committed", runId, product.id());
        return inForce.get();
      }
      throw reused("is the run in force, with other files than this run wrote");
    }
    if (inForce.isPresent()
        && inForce.get().superseded().stream().anyMatch(v -> v.runId().equals(runId))) {
      throw reused("was committed before");
    }
    if (!inForceRun.equals(startedFrom)) {
      throw new ConcurrentCommitException(product.id(), runId, startedFrom, inForceRun);
    }
    Instant now = Instant.now();
    Manifest manifest =
        Manifest.of(product, runId, now.toString(), committed, superseded(inForce, now, retention));
    syncFiles(directory, manifest);
    ResourceId previous =
        directory.resolve(Manifest.PREVIOUS_FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
    removeAbandonedManifests(target, previous, product.id());
    if (inForce.isPresent()) {
      AtomicFiles.write(previous, inForce.get().toJson(), lock::verify);
    }
    if (local) {
      AtomicFiles.write(
          target,
          manifest.toJson(),
          () -> {
            HoldPoint.reach(HoldPoint.MANIFEST_RENAME);
            lock.verify();
          });
    } else {
      replaceInStore(store, target, stored, manifest, directory, options);
    }
    Manifest.Counts counts = manifest.counts();
    LOG.info(
        "Committed run {} of {}: {} in, {} published, {} quarantined, {} duplicates",
        runId,
        product.id(),
        counts.input(),
        counts.published(),
        counts.quarantined(),
        counts.deduplicated());
    try {
      RunRetention.removeEmptyTemporaryFolders(directory, runId);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not remove the empty temporary folders of run {}", runId, e);
    }
    if (retention != null) {
      removeOldRuns(manifest);
    }
    return manifest;
  }

  /**
   * The store that replaces manifests with a compare-and-swap on {@code directory}'s scheme; an
   * object store without one is refused rather than committed to without protection.
   */
  private ManifestStore storeFor(ResourceId directory) {
    return ManifestStore.forScheme(directory.getScheme())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "run " + runId + " of " + product.id() + " was not committed: "
                        + directory.getScheme() + ":// has no ManifestStore registered, so its"
                        + " manifest cannot be replaced with a compare-and-swap, and two runs"
                        + " committing at once could overwrite each other unseen. Register one"
                        + " (META-INF/services/org.datamesh.core.publish.ManifestStore) or"
                        + " publish to a local folder or S3."));
  }

  /** The manifest a store holds, or empty; unreadable bytes are an {@link UnreadableManifestException}. */
  static Optional<Manifest> parse(Optional<ManifestStore.Stored> stored, ResourceId file)
      throws IOException {
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Manifest.parse(stored.get().content()));
    } catch (IOException e) {
      throw new UnreadableManifestException(file.toString(), e);
    }
  }

  /**
   * Writes the manifest only if the one read is still in force (the store checks, in the same
   * request); when another run replaced it meanwhile, fails as any overlapping commit does.
   */
  private void replaceInStore(
      ManifestStore store,
      ResourceId target,
      Optional<ManifestStore.Stored> read,
      Manifest manifest,
      ResourceId directory,
      PipelineOptions options)
      throws IOException {
    HoldPoint.reach(HoldPoint.MANIFEST_RENAME);
    try {
      store.replace(
          target, read.map(ManifestStore.Stored::version).orElse(null), manifest.toJson(), options);
    } catch (ManifestStore.ManifestChangedException e) {
      String winner =
          parse(store.read(target, options), target).map(Manifest::runId).orElse("");
      throw new ConcurrentCommitException(product.id(), runId, startedFrom, winner);
    }
  }

  private IllegalStateException reused(String how) {
    return new IllegalStateException(
        "run " + runId + " of " + product.id() + " was not committed: its run id " + how
            + ". A run id names one run's folders and is never reused; run again with a new"
            + " run id (its files stay uncommitted under runs/" + runId + ").");
  }

  /**
   * The versions the new manifest has replaced, newest first: the one in force now, superseded
   * at {@code now}, then those it lists. Entries past the retention are dropped (retention would
   * remove their folders either way); without a retention the last {@value #KEPT_HISTORY} stay.
   */
  static List<Manifest.Superseded> superseded(
      Optional<Manifest> inForce, Instant now, @Nullable RetentionRules retention) {
    if (inForce.isEmpty()) {
      return List.of();
    }
    List<Manifest.Superseded> history = new ArrayList<>();
    history.add(new Manifest.Superseded(inForce.get().runId(), now.toString()));
    history.addAll(inForce.get().superseded());
    if (retention != null) {
      Instant oldest = now.minus(retention.keepSuperseded()).minus(retention.longestRun());
      history.removeIf(v -> Instant.parse(v.supersededAt()).isBefore(oldest));
    }
    return history.size() > KEPT_HISTORY ? history.subList(0, KEPT_HISTORY) : history;
  }

  /**
   * Forces every file the manifest lists, and their folders, to disk before the manifest names
   * them: otherwise a power loss could leave a committed manifest listing empty files.
   */
  private static void syncFiles(ResourceId directory, Manifest manifest) throws IOException {
    if (!"file".equals(directory.getScheme()) || !Durability.enabled()) {
      return;
    }
    Path product = Paths.get(directory.toString());
    List<Path> files = new ArrayList<>();
    Stream.concat(manifest.files().stream(), manifest.quarantineFiles().stream())
        .forEach(f -> files.add(product.resolve(f)));
    Durability.syncTree(product, files);
  }

  /**
   * Runs only once the new manifest is in force, so no reader can be sent to a removed file by the
   * manifest. A failure here does not undo the commit: it is logged, and the next run sweeps again.
   */
  private void removeOldRuns(Manifest manifest) {
    try {
      List<String> removed =
          RunRetention.sweep(
              FileSystems.matchNewResource(productDirectory, true), manifest, retention, Instant.now());
      if (!removed.isEmpty()) {
        LOG.info(
            "Removed {} folders of runs past the retention of {}: {}",
            removed.size(),
            retention.retention(),
            removed);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not remove old runs of {} after committing run {}", product.id(), runId, e);
    }
  }

  /** File names relative to the product's folder, sorted so manifests compare cleanly. */
  private List<String> relative(List<String> files) {
    String prefix = productDirectory.endsWith("/") ? productDirectory : productDirectory + "/";
    return files.stream()
        .map(f -> f.startsWith(prefix) ? f.substring(prefix.length()) : f)
        .sorted()
        .toList();
  }

  /**
   * Removes the temporary manifests that killed commits of {@code productId} left beside its
   * manifest ({@code target}) and the previous one, naming them in the log. Under the commit lock
   * only; streamed windows ({@link CommitWindow}) commit through it too.
   */
  static void removeAbandonedManifests(ResourceId target, ResourceId previous, String productId)
      throws IOException {
    List<String> abandoned = new ArrayList<>(AtomicFiles.removeAbandoned(target));
    abandoned.addAll(AtomicFiles.removeAbandoned(previous));
    if (!abandoned.isEmpty()) {
      LOG.info("Removed temporary manifests of killed runs of {}: {}", productId, abandoned);
    }
  }
}
