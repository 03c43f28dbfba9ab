package org.datamesh.bench.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark peer's child JVM: measured by {@code bench} exactly as its own runs are (its {@code
 * ChildRun}): the work once untimed on a small input, then timed on the real one, and one line,
 * {@code BENCH-RESULT {json}}, with wall time, process CPU time, peak heap and RSS and the counts.
 * Written out here rather than shared, so this JVM holds Spark's class path and nothing of the
 * library's.
 *
 * <pre>{@code
 * java -cp $(cat target/classpath.txt):target/classes org.datamesh.bench.spark.SparkOrdersRun \
 *     in.csv out warm.csv
 * }</pre>
 *
 * <p>Each run builds its own {@code local[2]} session and stops it, as the library's runs start
 * their own embedded Flink: the timed figure includes Spark's start, in a JVM the warm-up has
 * already warmed.
 */
public final class SparkOrdersRun {

  private SparkOrdersRun() {}

  public static void main(String[] args) {
    try {
      if (args.length < 3) {
        throw new IllegalArgumentException("usage: INPUT OUTPUT_DIR WARMUP_INPUT|-");
      }
      String input = args[0];
      String output = args[1];
      String warmup = args[2];
      if (!warmup.equals("-")) {
        runOnce(warmup, output + "-warmup");
      }
      System.gc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      boolean rssReset = resetRss();
      long cpuBefore = cpuNanos();
      long start = System.nanoTime();
      Map<String, Object> counts = runOnce(input, output);
      double wall = (System.nanoTime() - start) / 1e9;
      double cpu = (cpuNanos() - cpuBefore) / 1e9;

      Map<String, Object> result = new LinkedHashMap<>();
      result.put("kind", "spark");
      result.put("wallSeconds", wall);
      result.put("cpuSeconds", cpu);
      result.put("peakHeapMb", peakHeapMb());
      result.put("peakRssMb", peakRssMb());
      result.put("rssResetAfterWarmup", rssReset);
      result.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
      result.put("warmedUp", !warmup.equals("-"));
      result.put("counts", counts);
      System.out.println("BENCH-RESULT " + new ObjectMapper().writeValueAsString(result));
      System.out.flush();
      System.exit(0);
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
  }

  private static Map<String, Object> runOnce(String input, String output) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("orders")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    try {
      return SparkOrders.run(spark, input, output);
    } finally {
      spark.stop();
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static boolean resetRss() {
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

  private static long peakRssMb() {
    try {
      List<String> status = Files.readAllLines(Paths.get("/proc/self/status"));
      for (String line : status) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: no RSS figure
    }
    return -1;
  }
}
