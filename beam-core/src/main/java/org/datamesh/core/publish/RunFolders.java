package org.datamesh.core.publish;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
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
   * Throws when {@code runId} is the run in force or one it superseded, or (on a local disk) when
   * one of its folders exists. Checked when the pipeline is built, before anything is written; the
   * commit checks again, for runs built at the same moment.
   */
  static void requireUnused(ResourceId productDir, String runId, Optional<Manifest> inForce) {
    String used = null;
    if (inForce.isPresent()
        && (inForce.get().runId().equals(runId)
            || inForce.get().superseded().stream().anyMatch(v -> v.runId().equals(runId)))) {
      used = "it is a committed version";
    } else if ("file".equals(productDir.getScheme())) {
      for (String kind : RunRetention.RUN_FOLDERS) {
        Path folder = Paths.get(productDir.toString()).resolve(kind).resolve(runId);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
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
}
