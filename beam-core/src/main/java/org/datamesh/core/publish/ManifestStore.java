package org.datamesh.core.publish;

import java.io.IOException;
import java.util.Optional;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads and replaces a product's {@code _manifest.json} on an object store with a
 * compare-and-swap: the new manifest is written only if the one in force is still the one read.
 * An object store has no lock, so this is what keeps two overlapping runs from both committing.
 *
 * <pre>{@code
 * ManifestStore s3 = ManifestStore.forScheme("s3").orElseThrow();
 * Optional<ManifestStore.Stored> inForce = s3.read(manifestFile, options);
 * s3.replace(manifestFile, inForce.map(ManifestStore.Stored::version).orElse(null), json, options);
 * // ManifestChangedException when another run replaced it in between
 * }</pre>
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: list the class in {@code
 * META-INF/services/org.datamesh.core.publish.ManifestStore}. This module depends on no object
 * store; the project's command line registers one for {@code s3} (S3 conditional writes). Local
 * disks do not go through here: a commit there holds an operating-system lock and renames.
 * Publishing to a scheme without a store is refused at commit, rather than risk two commits
 * overwriting each other unseen.
 */
public interface ManifestStore {

  /** A manifest's bytes and the version the store gave them (an S3 ETag). */
  record Stored(byte[] content, String version) {}

  /** Whether this store commits manifests under {@code scheme} ({@code "s3"}). */
  boolean handles(String scheme);

  /** The manifest {@code file} and its version; empty when there is none. */
  Optional<Stored> read(ResourceId file, PipelineOptions options) throws IOException;

  /**
   * Writes {@code content} to {@code file} only if its version is still {@code expected}, or, with
   * {@code expected} null, only if there is no such file yet, in one request the store checks.
   *
   * @throws ManifestChangedException when that no longer holds; nothing was written
   */
  void replace(ResourceId file, @Nullable String expected, byte[] content, PipelineOptions options)
      throws IOException;

  /** The registered store for {@code scheme}, if any. */
  static Optional<ManifestStore> forScheme(String scheme) {
    for (ManifestStore store :
        java.util.ServiceLoader.load(ManifestStore.class, ManifestStore.class.getClassLoader())) {
      if (store.handles(scheme)) {
        return Optional.of(store);
      }
    }
    return Optional.empty();
  }

  /** The manifest changed between its read and the conditional write: another run committed. */
  final class ManifestChangedException extends IOException {
    private static final long serialVersionUID = 1L;

    public ManifestChangedException(String file, Throwable cause) {
      super(file + " changed since it was read: another run committed in between", cause);
    }
  }
}
