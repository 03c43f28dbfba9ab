package org.datamesh.examples.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends the process as {@link OutOfMemoryExit} does when the JVM spends nearly all its time
 * collecting a nearly full heap: the out-of-memory that G1 does not declare.
 *
 * <pre>{@code
 * GcThrashExit.start(); // after OutOfMemoryExit.install()
 * }</pre>
 *
 * <p>Why: the parallel collector throws an {@link OutOfMemoryError} when more than 98% of the
 * time goes to collections that free less than 2% of the heap; G1, the default, has no such
 * limit, and a run just short of its heap went on collecting for minutes (a {@code run} on the
 * Direct runner with a 64 MiB heap, once in about ten tries). This watcher applies the same rule
 * over a sliding window: when, over {@link #WINDOW_MILLIS}, collections took more than {@link
 * #MAX_GC_SHARE} of the wall time and the heap pools still held more than {@link #MIN_HEAP_USE}
 * of the maximum heap after their last collections, the run is out of memory.
 */
public final class GcThrashExit {

  /** How long the collector must have been thrashing before the run is stopped. */
  static final long WINDOW_MILLIS = 20_000;

  /** The share of wall time spent collecting, above which a window counts as thrashing. */
  static final double MAX_GC_SHARE = 0.9;

  /** The share of the maximum heap in use, above which the heap counts as full. */
  static final double MIN_HEAP_USE = 0.9;

  private static final long SAMPLE_MILLIS = 1_000;

  private GcThrashExit() {}

  /**
   * Starts the watcher, a daemon thread sampling once a second, when the JVM collects with G1 (the
   * default): the parallel collector has its own limit, and the concurrent collectors (ZGC,
   * Shenandoah) count time that is not a pause, which would read as thrashing.
   */
  public static void start() {
    List<GarbageCollectorMXBean> pauses = new ArrayList<>();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (!collector.getName().startsWith("G1 ")) {
        return;
      }
      if (!collector.getName().contains("Concurrent")) {
        pauses.add(collector); // young and old (full) collections: pauses
      }
    }
    Thread watcher = new Thread(() -> watch(pauses), "datamesh-gc-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * Whether a window is thrashing: {@code gcMillis} of collection pauses in {@code wallMillis} of
   * time, with {@code live} of {@code max} heap bytes still in use after the last collections.
   */
  static boolean thrashing(long gcMillis, long wallMillis, long live, long max) {
    return wallMillis >= WINDOW_MILLIS
        && max > 0
        && gcMillis > MAX_GC_SHARE * wallMillis
        && live > MIN_HEAP_USE * max;
  }

  private static void watch(List<GarbageCollectorMXBean> pauses) {
    long max = Runtime.getRuntime().maxMemory();
    List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()) {
        heapPools.add(pool);
      }
    }
    // (time, pause time so far) once a second, as far back as one window
    List<long[]> samples = new ArrayList<>();
    try {
      while (true) {
        long now = System.nanoTime() / 1_000_000;
        long gc = gcMillis(pauses);
        samples.add(new long[] {now, gc});
        while (samples.size() > 2 && now - samples.get(1)[0] >= WINDOW_MILLIS) {
          samples.remove(0); // keep the oldest sample just over a window old
        }
        long[] oldest = samples.get(0);
        if (thrashing(gc - oldest[1], now - oldest[0], liveAfterCollection(heapPools), max)) {
          OutOfMemoryExit.report();
          Runtime.getRuntime().halt(ExitCode.RUN_FAILED);
        }
        Thread.sleep(SAMPLE_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the heap held after its pools' last collections: what the collector could not free. */
  private static long liveAfterCollection(List<MemoryPoolMXBean> heapPools) {
    long live = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      MemoryUsage usage = pool.getCollectionUsage();
      live += usage == null ? 0 : usage.getUsed();
    }
    return live;
  }

  private static long gcMillis(List<GarbageCollectorMXBean> collectors) {
    long total = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      total += Math.max(0, collector.getCollectionTime());
    }
    return total;
  }
}
