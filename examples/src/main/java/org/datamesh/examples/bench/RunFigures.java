package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What one measured run (or the median of its repeats) reported: wall and CPU seconds of the timed
 * part, peak heap and RSS, the JVM's maximum heap and the counts.
 *
 * @param jvmArgs the child JVM's extra arguments ({@code -Xmx1g}), empty for none
 */
record RunFigures(
    RunKind kind,
    long size,
    List<String> jvmArgs,
    double wallSeconds,
    double cpuSeconds,
    long peakHeapMb,
    long peakRssMb,
    long maxHeapMb,
    boolean warmedUp,
    int repeats,
    Counts counts,
    @Nullable StreamFigures stream) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses the JSON a child printed after {@link ChildRun#RESULT_PREFIX}. */
  static RunFigures fromChild(RunKind kind, long size, List<String> jvmArgs, JsonNode child) {
    return new RunFigures(
        kind,
        size,
        jvmArgs,
        child.path("wallSeconds").asDouble(),
        child.path("cpuSeconds").asDouble(),
        child.path("peakHeapMb").asLong(),
        child.path("peakRssMb").asLong(),
        child.path("maxHeapMb").asLong(),
        child.path("warmedUp").asBoolean(),
        1,
        Counts.fromJson(child.path("counts")),
        child.has("stream") ? StreamFigures.fromJson(child.path("stream")) : null);
  }

  /** The same figures with other counts (a Kafka run's, read from its topic by the bench). */
  RunFigures withCounts(Counts other) {
    return new RunFigures(
        kind, size, jvmArgs, wallSeconds, cpuSeconds, peakHeapMb, peakRssMb, maxHeapMb, warmedUp,
        repeats, other, stream);
  }

  /** The median wall and CPU time of repeats of one run, with the highest peaks among them. */
  static RunFigures median(List<RunFigures> repeats) {
    RunFigures first = repeats.get(0);
    return new RunFigures(
        first.kind,
        first.size,
        first.jvmArgs,
        median(repeats.stream().mapToDouble(RunFigures::wallSeconds).toArray()),
        median(repeats.stream().mapToDouble(RunFigures::cpuSeconds).toArray()),
        repeats.stream().mapToLong(RunFigures::peakHeapMb).max().orElse(-1),
        repeats.stream().mapToLong(RunFigures::peakRssMb).max().orElse(-1),
        first.maxHeapMb,
        first.warmedUp,
        repeats.size(),
        first.counts,
        first.stream == null
            ? null
            : StreamFigures.median(repeats.stream().map(RunFigures::stream).toList()));
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  ObjectNode toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    node.put("runner", kind.runner);
    node.put("options", kind.options());
    node.put("jvmArgs", String.join(" ", jvmArgs));
    node.put("records", size);
    node.put("wallSeconds", wallSeconds);
    node.put("cpuSeconds", cpuSeconds);
    node.put("peakHeapMb", peakHeapMb);
    node.put("peakRssMb", peakRssMb);
    node.put("maxHeapMb", maxHeapMb);
    node.put("warmedUp", warmedUp);
    node.put("repeats", repeats);
    node.set("counts", counts.toJson());
    if (stream != null) {
      node.set("stream", stream.toJson());
    }
    return node;
  }
}
