package org.datamesh.core.publish;

import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.util.MimeTypes;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.FailureRows;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.product.DataProduct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits one window of a table published from a stream into the product's manifest: the
 * window's files (every pane so far) and counts replace whatever the manifest listed for that
 * window, and the table's files and counts are the sums over its windows. So committing a window
 * again, as a stream restored from a checkpoint does, changes nothing or brings the window up to
 * date; it never counts it twice.
 *
 * <pre>{@code
 * CommitWindow commit =
 *     CommitWindow.of(product, "/data/products", runId, "order_events", publishedSchema)
 *         .replacing(inForce);
 * // once the window's files are written and its counts balance:
 * String manifestJson = commit.commit(window, files, options);
 * }</pre>
 *
 * <p>A stream is one run: its first commit replaces the version in force when it started (listed
 * as superseded, as a batch run's commit would), its later commits add windows to its own
 * version. Another run committing in between (a batch run, a second stream) makes the next
 * commit fail with {@link ConcurrentCommitException}, as two overlapping batch runs would. Each
 * commit holds the product's {@link CommitLock} on a local disk and goes through the {@link
 * ManifestStore}'s compare-and-swap on an object store, where a commit of another window of the
 * same stream in between is read again and retried.
 *
 * <p>A table always lists at least one data file and one quarantine file: while none of its
 * windows has any, an empty file with the schema ({@code empty.parquet}) stands in.
 */
public final class CommitWindow implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(CommitWindow.class);
  private static final String EMPTY_FILE = "empty.parquet";
  private static final int STORE_ATTEMPTS = 20;

  private final DataProduct product;
  private final String productDirectory;
  private final String runId;
  private final String table;
  private final Schema published;
  private final String startedFrom;

  private CommitWindow(
      DataProduct product,
      String productDirectory,
      String runId,
      String table,
      Schema published,
      String startedFrom) {
    this.product = product;
    this.productDirectory = productDirectory;
    this.runId = runId;
    this.table = table;
    this.published = SourceField.removeTrailing(published);
    this.startedFrom = startedFrom;
  }

  /**
   * Commits windows of {@code table}, rows of {@code published}, of the stream run {@code runId}
   * into {@code <outputRoot>/<domain>/<name>/}, over the manifest in force when it is built.
   */
  public static CommitWindow of(
      DataProduct product, String outputRoot, String runId, String table, Schema published) {
    ResourceId directory = PublishDataProduct.productDirectory(outputRoot, product);
    ContainedOutput.check(outputRoot, directory);
    String startedFrom;
    try {
      startedFrom = Manifest.readIfPresent(directory).map(Manifest::runId).orElse("");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(product.id() + ": the manifest in force could not be read", e);
    }
    return new CommitWindow(
        product, directory.toString(), PublishDataProduct.checkedRunId(runId), table, published,
        startedFrom);
  }

  /**
   * Returns a {@link CommitWindow} like this one but replacing the version of run {@code runId}
   * ({@code ""} when nothing was published): the one in force when the stream first started.
   */
  public CommitWindow replacing(String runId) {
    return new CommitWindow(product, productDirectory, this.runId, table, published, runId);
  }

  /** The folder the table's window files go in: {@code runs/<run-id>/<table>/}. */
  public String dataDirectory() {
    return runFolder("runs");
  }

  /** The folder the table's quarantine files go in: {@code quarantine/<run-id>/<table>/}. */
  public String quarantineDirectory() {
    return runFolder("quarantine");
  }

  /** The name of the table's Parquet messages: its name, with '-' as '_'. */
  public String recordName() {
    return PublishDataProduct.avroName(table);
  }

  /**
   * Commits {@code window} with {@code files}, every file written for it so far, data and
   * quarantine, and returns the committed manifest's JSON.
   */
  public String commit(ManifestWindow window, List<WindowFile> files, PipelineOptions options)
      throws IOException {
    if (!window.counts().balances()) {
      throw new IllegalStateException(
          product.id() + " window " + window.start() + " does not balance: " + window.counts());
    }
    ResourceId directory = FileSystems.matchNewResource(productDirectory, true);
    ResourceId target = directory.resolve(Manifest.FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
    boolean local = "file".equals(directory.getScheme());
    ManifestStore store = local ? null : store(directory);
    try (CommitLock lock = CommitLock.take(directory)) {
      for (int attempt = 1; ; attempt++) {
        Optional<ManifestStore.Stored> stored = local ? Optional.empty() : store.read(target, options);
        Optional<Manifest> inForce =
            local ? Manifest.readIfPresent(directory) : CommitManifestFn.parse(stored, target);
        Manifest next = next(inForce, window, files, target);
        if (inForce.isPresent() && inForce.get().runId().equals(runId)
            && inForce.get().tables().equals(next.tables())) {
          return json(inForce.get());
        }
        syncNewFiles(files);
        ResourceId previous =
            directory.resolve(Manifest.PREVIOUS_FILE_NAME, StandardResolveOptions.RESOLVE_FILE);
        // As a batch commit does: what commits killed midway left goes, then the last good
        // version is kept, should the new one ever be unreadable.
        CommitManifestFn.removeAbandonedManifests(target, previous, product.id());
        if (inForce.isPresent()) {
          AtomicFiles.write(previous, inForce.get().toJson(), lock::verify);
        }
        if (local) {
          AtomicFiles.write(target, next.toJson(), lock::verify);
        } else {
          try {
            store.replace(
                target, stored.map(ManifestStore.Stored::version).orElse(null), next.toJson(), options);
          } catch (ManifestStore.ManifestChangedException e) {
            if (attempt < STORE_ATTEMPTS) {
              continue; // read again: another window of this stream, or another run, committed
            }
            throw e;
          }
        }
        Manifest.Counts counts = next.table(table).counts();
        LOG.info(
            "Committed window {} of {} (run {}): {} in, {} published, {} quarantined, {} duplicates"
                + " in the table so far",
            window.start(), product.id(), runId, counts.input(), counts.published(),
            counts.quarantined(), counts.deduplicated());
        return json(next);
      }
    }
  }

  /** The manifest after committing {@code window} over {@code inForce}. */
  private Manifest next(
      Optional<Manifest> inForce, ManifestWindow window, List<WindowFile> files, ResourceId target)
      throws IOException {
    inForce.ifPresent(m -> ProductIdentity.check(product, m, target.toString()));
    String inForceRun = inForce.map(Manifest::runId).orElse("");
    boolean ours = inForceRun.equals(runId);
    if (!ours && !inForceRun.equals(startedFrom)) {
      throw new ConcurrentCommitException(product.id(), runId, startedFrom, inForceRun);
    }
    Instant now = Instant.now();
    List<Manifest.Table> tables = new ArrayList<>(ours ? inForce.get().tables() : List.of());
    int at = -1;
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i).name().equals(table)) {
        at = i;
      }
    }
    Manifest.Table updated = withWindow(at < 0 ? null : tables.get(at), window, files);
    if (at < 0) {
      tables.add(updated);
    } else {
      tables.set(at, updated);
    }
    List<Manifest.Superseded> superseded =
        ours ? inForce.get().superseded() : CommitManifestFn.superseded(inForce, now, null);
    return Manifest.of(product, runId, now.toString(), tables, superseded);
  }

  /** {@code current} (null when new) with {@code window}'s entry and files replaced. */
  private Manifest.Table withWindow(
      Manifest.@Nullable Table current, ManifestWindow window, List<WindowFile> files) throws IOException {
    String folder = "/" + window.folder() + "/";
    List<String> data = new ArrayList<>();
    List<String> quarantine = new ArrayList<>();
    List<ManifestWindow> windows = new ArrayList<>();
    if (current != null) {
      current.files().stream().filter(f -> !f.contains(folder)).forEach(data::add);
      current.quarantineFiles().stream().filter(f -> !f.contains(folder)).forEach(quarantine::add);
      current.windows().stream().filter(w -> !w.start().equals(window.start())).forEach(windows::add);
    }
    for (WindowFile file : files) {
      (file.quarantine() ? quarantine : data).add(relative(file.file()));
    }
    windows.add(window);
    windows.sort(Comparator.comparing(w -> Instant.parse(w.start())));
    data = withPlaceholder(data, dataDirectory(), published, recordName());
    quarantine = withPlaceholder(quarantine, quarantineDirectory(), FailureRows.SCHEMA, "quarantined");
    data.sort(null);
    quarantine.sort(null);
    Manifest.Counts counts = new Manifest.Counts(0, 0, 0, 0);
    Manifest.Quality quality = new Manifest.Quality(Map.of(), Map.of(), Map.of());
    for (ManifestWindow w : windows) {
      counts = counts.plus(w.counts());
      quality = quality.plus(w.quality());
    }
    return new Manifest.Table(
        table, ManifestColumns.of(published), data, quarantine, counts, quality, windows);
  }

  /**
   * {@code files} without the empty placeholder once real files are there; with it (written now,
   * never rewritten once listed) while there are none.
   */
  private List<String> withPlaceholder(
      List<String> files, String folder, Schema schema, String recordName) throws IOException {
    List<String> real = new ArrayList<>(files.stream().filter(f -> !f.endsWith("/" + EMPTY_FILE)).toList());
    if (!real.isEmpty()) {
      return real;
    }
    return files.isEmpty() ? new ArrayList<>(List.of(empty(folder, schema, recordName))) : files;
  }

  /** Writes an empty file with {@code schema} in {@code folder}, and returns its name. */
  private String empty(String folder, Schema schema, String recordName) throws IOException {
    ResourceId file =
        FileSystems.matchNewResource(folder, true).resolve(EMPTY_FILE, StandardResolveOptions.RESOLVE_FILE);
    RowParquetSink sink = RowParquetSink.of(schema, recordName);
    if ("file".equals(file.getScheme())) {
      java.nio.file.Files.createDirectories(Paths.get(folder));
    }
    try (WritableByteChannel channel = FileSystems.create(file, MimeTypes.BINARY)) {
      sink.open(channel);
      sink.flush();
    }
    return relative(file.toString());
  }

  private void syncNewFiles(List<WindowFile> files) throws IOException {
    ResourceId directory = FileSystems.matchNewResource(productDirectory, true);
    if (!"file".equals(directory.getScheme()) || !Durability.enabled()) {
      return;
    }
    Path product = Paths.get(directory.toString());
    List<Path> paths = new ArrayList<>();
    files.forEach(f -> paths.add(Paths.get(f.file())));
    Durability.syncTree(product, paths);
  }

  private ManifestStore store(ResourceId directory) {
    return ManifestStore.forScheme(directory.getScheme())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    product.id() + ": " + directory.getScheme() + ":// has no ManifestStore"
                        + " registered, so a stream's windows cannot be committed there with a"
                        + " compare-and-swap; publish to a local folder or S3"));
  }

  private static String json(Manifest manifest) {
    return new String(manifest.toJson(), StandardCharsets.UTF_8);
  }

  private String runFolder(String kind) {
    return PublishDataProduct.runFolder(
        FileSystems.matchNewResource(productDirectory, true), kind, runId, table);
  }

  private String relative(String file) {
    String prefix = productDirectory.endsWith("/") ? productDirectory : productDirectory + "/";
    return file.startsWith(prefix) ? file.substring(prefix.length()) : file;
  }
}
