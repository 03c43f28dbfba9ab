package org.datamesh.examples.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;

/**
 * Ends a Direct-runner run that ran out of memory where the runner cannot tell: with exit status
 * 1 and {@link OutOfMemoryExit#MESSAGE}, once no worker has evaluated a transform for {@link
 * #STALL_MILLIS} after the heap was full.
 *
 * <pre>{@code
 * DirectRunnerStallExit.start(); // before waitUntilFinish, for --runner=DirectRunner
 * }</pre>
 *
 * <p>Why: the Direct runner (2.62) hands its work to an executor through {@code submit} (its
 * bytecode shows), so an OutOfMemoryError thrown outside a transform's evaluation, most likely in
 * the step that schedules bundles, is kept in a future nobody reads: no thread dies of it, nothing
 * is reported, and the run waited forever with every worker parked (seen in CI: a 64 MiB run of
 * 400,000 orders, then in one of two tries here; where exactly it was thrown was not caught), or
 * with its workers spinning in the runner's scheduling loop ({@code QuiescenceDriver}), busy
 * without end and evaluating nothing (seen here: an hour at full CPU). So the watch does not ask
 * whether the workers use CPU but whether any of them is evaluating a transform ({@code
 * DirectTransformExecutor} on its stack): a batch run in which none is, at any sample for 30 s,
 * is not working; a heap that was full says why.
 */
public final class DirectRunnerStallExit {

  /**
   * How long no worker must have evaluated a transform: 30 s ({@code
   * -Ddatamesh.directRunnerStallMillis}, for a test of the watch itself).
   */
  static final long STALL_MILLIS = Long.getLong("datamesh.directRunnerStallMillis", 30_000);

  private static final long SAMPLE_MILLIS = Math.min(2_000, STALL_MILLIS / 3);

  /** What the fullest heap pool must have held at its peak, of the heap's maximum. */
  private static final double FULL = 0.85;

  private static final String WORKER = "direct-runner-worker";

  /** The Direct runner's class on whose frames a worker evaluates a transform's bundle. */
  static final String EVALUATING = "org.apache.beam.runners.direct.DirectTransformExecutor";

  private DirectRunnerStallExit() {}

  /** Starts the watch, a daemon thread sampling every two seconds. */
  public static void start() {
    Thread watcher = new Thread(DirectRunnerStallExit::watch, "datamesh-direct-runner-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Whether the workers stalled after the heap filled: idle {@code idleMillis}, peak of max. */
  static boolean stalledOutOfMemory(long idleMillis, long peakHeapBytes, long maxHeapBytes) {
    return idleMillis >= STALL_MILLIS && maxHeapBytes > 0 && peakHeapBytes >= FULL * maxHeapBytes;
  }

  private static void watch() {
    long max = Runtime.getRuntime().maxMemory();
    long idleSince = -1;
    try {
      while (true) {
        Thread.sleep(SAMPLE_MILLIS);
        boolean anyWorker = false;
        boolean evaluating = false;
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
          if (thread.getKey().getName().equals(WORKER)) {
            anyWorker = true;
            evaluating |= evaluating(thread.getValue());
          }
        }
        long now = System.nanoTime() / 1_000_000;
        if (!anyWorker || evaluating) {
          idleSince = -1;
          continue;
        }
        if (idleSince < 0) {
          idleSince = now;
        }
        if (stalledOutOfMemory(now - idleSince, peakHeapPool(), max)) {
          OutOfMemoryExit.report();
          Runtime.getRuntime().halt(ExitCode.RUN_FAILED);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether a worker with this stack is evaluating a transform's bundle. */
  static boolean evaluating(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().equals(EVALUATING)) {
        return true;
      }
    }
    return false;
  }

  /** The highest peak any heap pool reached: the old generation's, when the heap filled. */
  private static long peakHeapPool() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak = Math.max(peak, pool.getPeakUsage().getUsed());
      }
    }
    return peak;
  }
}
