package org.datamesh.core.publish;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.product.DataProduct;
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
 */
final class CommitManifestFn extends DoFn<Long, String> {
  // The element is only a trigger (the first table's input count); every count is a side input.

  private static final Logger LOG = LoggerFactory.getLogger(CommitManifestFn.class);

  private final DataProduct product;
  private final String runId;
  private final String productDirectory;
  private final List<ManifestViews> tables;
  private final @Nullable Duration retention;
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
      @Nullable Duration retention,
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
    List<Manifest.Table> committed = new ArrayList<>();
    for (ManifestViews views : tables) {
      committed.add(table(views, context));
    }
    Manifest manifest = Manifest.of(product, runId, Instant.now().toString(), committed);
    ResourceId directory = FileSystems.matchNewResource(productDirectory, true);
    HoldPoint.reach(HoldPoint.MANIFEST_LOCK);
    try (CommitLock lock = CommitLock.take(directory)) {
      commit(directory, manifest);
    }
    context.output(
        directory.resolve(Manifest.FILE_NAME, StandardResolveOptions.RESOLVE_FILE).toString());
  }

  /** One table's part of the manifest, once its counts are checked to balance. */
  private Manifest.Table table(ManifestViews views, ProcessContext context) {
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
            new TreeMap<>(context.sideInput(views.warningsByRule()))));
  }

  /**
   * Under the product's lock: checks that the manifest in force is still the one this run started
   * from, then writes this run's and applies the retention. A retried bundle that finds its own
   * run already committed has nothing left to do.
   */
  private void commit(ResourceId directory, Manifest manifest) throws IOException {
    String inForce = Manifest.readIfPresent(directory).map(Manifest::runId).orElse("");
    if (inForce.equals(runId)) {
      LOG.info("Run {} of {} was already committed", runId, product.id());
      return;
    }
    if (!inForce.equals(startedFrom)) {
      throw new ConcurrentCommitException(product.id(), runId, startedFrom, inForce);
    }
    ResourceId target = directory.resolve(Manifest.FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
    List<String> abandoned = AtomicFiles.removeAbandoned(target);
    if (!abandoned.isEmpty()) {
      LOG.info("Removed temporary manifests of killed runs of {}: {}", product.id(), abandoned);
    }
    AtomicFiles.write(target, manifest.toJson(), HoldPoint.MANIFEST_RENAME);
    Manifest.Counts counts = manifest.counts();
    LOG.info(
        "Committed run {} of {}: {} in, {} published, {} quarantined, {} duplicates",
        runId,
        product.id(),
        counts.input(),
        counts.published(),
        counts.quarantined(),
        counts.deduplicated());
    if (retention != null) {
      removeOldRuns(manifest);
    }
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
        LOG.info("Removed {} folders of runs older than {}: {}", removed.size(), retention, removed);
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
}
