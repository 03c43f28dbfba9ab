package org.datamesh.core.publish;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A fault-injection hook for crash tests: a place in the commit where a run can be told to stop
 * and wait, so that a test can kill it exactly there, which timing alone cannot reach.
 *
 * <pre>{@code
 * java -Ddatamesh.holdAt=manifest-rename -cp ... DatameshCli run ...
 * // stderr: "datamesh: holding at manifest-rename", then the run waits until it is killed
 *
 * java -Ddatamesh.holdAt=manifest-lock -Ddatamesh.holdUntil=/tmp/go -cp ... DatameshCli run ...
 * // stderr: "datamesh: holding at manifest-lock"; the run goes on once /tmp/go exists
 * }</pre>
 *
 * <p>The points, in the order a run reaches them: {@link #MANIFEST_LOCK} just before the commit
 * takes the product's lock; {@link #MANIFEST_RENAME} once the new manifest is written to its
 * temporary file, before the rename that makes it current (on an object store: just before the
 * conditional upload of the manifest); {@link #RETENTION} once retention has removed one old run folder and before it removes the next;
 * {@link #COMMITTED} once the commit is done and its lock released.
 *
 * <p>Without the {@code datamesh.holdAt} system property (the normal case) a hold point reads one
 * property and does nothing else. The hook is for tests; it is no way to pause production runs.
 */
public final class HoldPoint {

  /** The system property naming the point to hold at. */
  public static final String HOLD_AT = "datamesh.holdAt";

  /** The system property naming a file whose existence releases the hold; unset holds forever. */
  public static final String HOLD_UNTIL = "datamesh.holdUntil";

  /** Just before the commit takes the product's lock and re-reads the manifest in force. */
  public static final String MANIFEST_LOCK = "manifest-lock";

  /** After the new manifest is written to its temporary file, before it is renamed into place. */
  public static final String MANIFEST_RENAME = "manifest-rename";

  /** After retention has removed one old run folder, before it removes the next. */
  public static final String RETENTION = "retention";

  /**
   * Once the commit is done and the lock released, before the commit step hands on the manifest
   * it committed: another run can commit over it here, and the caller must still report this one.
   */
  public static final String COMMITTED = "committed";

  private static final long POLL_MILLIS = 20;

  private HoldPoint() {}

  /** The line printed to stderr when a run holds at {@code point}. */
  public static String marker(String point) {
    return "datamesh: holding at " + point;
  }

  /** Holds here if the {@code datamesh.holdAt} system property names {@code point}. */
  static void reach(String point) {
    reach(point, System.getProperty(HOLD_AT), System.getProperty(HOLD_UNTIL), System.err);
  }

  static void reach(
      String point, @Nullable String holdAt, @Nullable String holdUntil, PrintStream err) {
    if (!point.equals(holdAt)) {
      return;
    }
    err.println(marker(point));
    err.flush();
    try {
      while (holdUntil == null || !Files.exists(Paths.get(holdUntil))) {
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while holding at " + point, e);
    }
  }
}
