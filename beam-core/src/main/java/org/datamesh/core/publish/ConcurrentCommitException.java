package org.datamesh.core.publish;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Thrown when a run is about to commit but the manifest in force is no longer the one it started
 * from: another run committed in between. Committing anyway would replace that run's version
 * without comparing schemas against it, or lose it silently; so this run commits nothing, its
 * files stay where they were written, unreferenced, and running it again publishes them.
 *
 * <pre>{@code
 * run 20261121T053012Z-9f3a1c of sales.orders was not committed: run 20261121T053020Z-77aa01
 * committed while it ran (it started from no published version). Its files stay uncommitted
 * under runs/20261121T053012Z-9f3a1c and quarantine/20261121T053012Z-9f3a1c; run it again to
 * publish.
 * }</pre>
 */
public final class ConcurrentCommitException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String runId;
  private final String committedRunId;

  /**
   * @param startedFrom the run id in force when the run started, empty when none was
   * @param committedRunId the run id in force at commit, empty when none is
   */
  ConcurrentCommitException(
      String productId, String runId, String startedFrom, String committedRunId) {
    super(
        "run "
            + runId
            + " of "
            + productId
            + " was not committed: "
            + (committedRunId.isEmpty()
                ? "the manifest of run " + startedFrom + " was removed"
                : "run " + committedRunId + " committed")
            + " while it ran (it started from "
            + (startedFrom.isEmpty() ? "no published version" : "run " + startedFrom)
            + "). Its files stay uncommitted under runs/"
            + runId
            + " and quarantine/"
            + runId
            + "; run it again to publish.");
    this.runId = runId;
    this.committedRunId = committedRunId;
  }

  /**
   * The conflict that made a run fail, found in the exception the runner threw (runners wrap the
   * exception of a step in their own); empty when the run failed for another reason.
   *
   * <pre>{@code
   * try {
   *   pipeline.run().waitUntilFinish();
   * } catch (RuntimeException e) {
   *   ConcurrentCommitException.in(e).ifPresent(conflict -> ...);
   * }
   * }</pre>
   */
  public static Optional<ConcurrentCommitException> in(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof ConcurrentCommitException conflict) {
        return Optional.of(conflict);
      }
    }
    return Optional.empty();
  }

  /** The run that was not committed. */
  public String runId() {
    return runId;
  }

  /** The run in force when this one tried to commit; empty when no manifest was there. */
  public String committedRunId() {
    return committedRunId;
  }
}
