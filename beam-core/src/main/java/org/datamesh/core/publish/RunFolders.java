package org.datamesh.core.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Keeps a run id to one run: a run never writes into folders that another run with the same id
 * wrote, since those may be the version in force (its quarantine files would be overwritten in
 * place) or leave files beside it that no manifest lists.
 *
 * <pre>{@code
 * RunFolders.requireUnused(productDir, "nightly", inForce);
 * // IllegalStateException: run id nightly of /data/sales/orders/ was used before (runs/nightly
 * // exists); ...
 * }</pre>
 */
final class RunFolders {

  private RunFolders() {}

  /**
   * Throws when {@code runId} is the run in force or one it superseded, or when one of its folders
   * exists (on an object store: holds an object). Checked when the pipeline is built, before anything is written; the
   * commit checks again, for runs built at the same moment.
   */
  static void requireUnused(ResourceId productDir, String runId, Optional<Manifest> inForce) {
    String used = null;
    if (inForce.isPresent()
        && (inForce.get().runId().equals(runId)
            || inForce.get().superseded().stream().anyMatch(v -> v.runId().equals(runId)))) {
      used = "it is a committed version";
    } else {
      for (String kind : RunRetention.RUN_FOLDERS) {
        if (exists(productDir, kind, runId)) {
          used = kind + "/" + runId + " exists";
          break;
        }
      }
    }
    if (used != null) {
      throw new IllegalStateException(
          "run id " + runId + " of " + productDir + " was used before (" + used + "); a run id"
              + " names one run's folders and is never reused, so give this run a new one");
    }
  }

  /**
   * Whether the folder {@code kind/runId} of the product exists: on a local disk the folder
   * itself; on an object store, where folders are key prefixes, any object under it.
   */
  private static boolean exists(ResourceId productDir, String kind, String runId) {
    if ("file".equals(productDir.getScheme())) {
      Path folder = Paths.get(productDir.toString()).resolve(kind).resolve(runId);
      return Files.exists(folder, LinkOption.NOFOLLOW_LINKS);
    }
    // A run id is a safe folder name (withRunId refuses others): no wildcard in it.
    String objects = productDir.toString() + kind + "/" + runId + "/**";
    try {
      MatchResult match =
          FileSystems.match(List.of(objects), EmptyMatchTreatment.ALLOW).get(0);
      return match.status() == MatchResult.Status.OK && !match.metadata().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not check whether run folder " + kind + "/" + runId + " exists in " + productDir,
          e);
    }
  }
}
