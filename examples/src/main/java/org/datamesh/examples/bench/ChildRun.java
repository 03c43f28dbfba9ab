package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * The measuring half of a child JVM: runs one kind of work once untimed on a small input (class
 * loading and JIT out of the figure), resets the peaks, runs it timed on the real input, and prints
 * one line, {@code BENCH-RESULT {json}}, with wall time, CPU time, peak heap, peak RSS and the
 * run's counts. The parent ({@link ChildJvm}) reads that line.
 *
 * <pre>{@code
 * // a main class per run kind:
 * public static void main(String[] args) {
 *   ChildRun.main("plain-java", args, (input, output, beamArgs) -> PlainJavaOrders.run(...));
 * }
 * // args: INPUT OUTPUT_DIR WARMUP_INPUT|- [--beamOption=value ...]
 * }</pre>
 *
 * <p>CPU time is the process's ({@code OperatingSystemMXBean.getProcessCpuTime}) over the timed
 * run, every thread included. Peak heap sums the heap pools' peak usage since the reset (pools
 * peak at different moments, so it is an upper bound). Peak RSS is {@code VmHWM} from
 * {@code /proc/self/status}; Linux resets it when "5" is written to {@code /proc/self/clear_refs},
 * which is tried after the warm-up ({@code rssResetAfterWarmup} says whether it worked).
 */
final class ChildRun {

  /** The prefix of the one line the parent reads. */
  static final String RESULT_PREFIX = "BENCH-RESULT ";

  /** One kind of work on one input. */
  @FunctionalInterface
  interface Work {
    Counts run(String input, Path output, String[] beamArgs) throws Exception;
  }

  /** What a stream run measured itself ({@link #reportStream}); null for other runs. */
  private static volatile StreamFigures streamFigures;

  private ChildRun() {}

  /**
   * Adds {@code figures} to this run's result: what a {@code kafka-stream} run measured itself
   * (its drain and latency), beside the whole run's wall time that the parent does not use.
   */
  static void reportStream(StreamFigures figures) {
    streamFigures = figures;
  }

  /** Runs {@code work} as described above and exits the JVM: 0 with the result line, 1 on failure. */
  static void main(String kind, String[] args, Work work) {
    try {
      if (args.length < 3) {
        throw new IllegalArgumentException("usage: INPUT OUTPUT_DIR WARMUP_INPUT|- [beam options]");
      }
      String input = args[0];
      Path output = Paths.get(args[1]);
      String warmup = args[2];
      String[] beamArgs = Arrays.copyOfRange(args, 3, args.length);
      if (!warmup.equals("-")) {
        work.run(warmup, warmupOutput(output), beamArgs);
      }
      streamFigures = null; // the warm-up's are not the timed run's
      boolean rssReset = resetPeaks();
      long cpuBefore = cpuNanos();
      long start = System.nanoTime();
      Counts counts = work.run(input, output, beamArgs);
      double wall = (System.nanoTime() - start) / 1e9;
      double cpu = (cpuNanos() - cpuBefore) / 1e9;

      ObjectNode result = new ObjectMapper().createObjectNode();
      result.put("kind", kind);
      result.put("wallSeconds", wall);
      result.put("cpuSeconds", cpu);
      result.put("peakHeapMb", peakHeapMb());
      result.put("peakRssMb", peakRssMb());
      result.put("rssResetAfterWarmup", rssReset);
      result.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
      result.put("warmedUp", !warmup.equals("-"));
      result.set("counts", counts.toJson());
      if (streamFigures != null) {
        result.set("stream", streamFigures.toJson());
      }
      System.out.println(RESULT_PREFIX + result);
      System.out.flush();
      System.exit(0);
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
  }

  /** Where the warm-up of a run whose output is {@code output} writes: a sibling folder. */
  static Path warmupOutput(Path output) {
    return output.resolveSibling(output.getFileName() + "-warmup");
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static boolean resetPeaks() {
    System.gc(); // the warm-up's garbage should not count towards the timed run's peak heap
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    try {
      Files.writeString(Paths.get("/proc/self/clear_refs"), "5", StandardCharsets.US_ASCII);
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  private static long peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024 * 1024);
  }

  /** {@code VmHWM} in MB, or -1 where /proc is not there (not Linux). */
  private static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // reported as unknown
    }
    return -1;
  }
}
