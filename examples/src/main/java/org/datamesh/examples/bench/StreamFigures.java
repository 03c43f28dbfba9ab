package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What a {@code kafka-stream} run measured itself, apart from its whole wall time (which includes
 * filling its input topic and, for the library, starting Flink): how long it took to drain the
 * backlog, and the end-to-end latency of records sent afterwards at half that rate.
 *
 * @param records the backlog's records
 * @param drainSeconds from the first output record received to the last one of the backlog
 * @param latencyRate the records per second offered in the latency phase
 * @param latencyRecords how many records the latency phase sent (each came out once)
 * @param p50Millis the median time from a record's send to its output's receipt
 * @param p99Millis the 99th percentile of that time
 */
record StreamFigures(
    long records,
    double drainSeconds,
    double latencyRate,
    long latencyRecords,
    double p50Millis,
    double p99Millis) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The backlog's records per second of draining: the sustained rate. */
  double sustainedRate() {
    return records / drainSeconds;
  }

  /** {@code at 40,000 records/s: p50 35 ms, p99 120 ms}. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "drained at %,.0f records/s; at %,.0f records/s: p50 %.0f ms, p99 %.0f ms",
        sustainedRate(), latencyRate, p50Millis, p99Millis);
  }

  ObjectNode toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("records", records);
    node.put("drainSeconds", drainSeconds);
    node.put("sustainedRate", sustainedRate());
    node.put("latencyRate", latencyRate);
    node.put("latencyRecords", latencyRecords);
    node.put("p50Millis", p50Millis);
    node.put("p99Millis", p99Millis);
    return node;
  }

  static StreamFigures fromJson(JsonNode node) {
    return new StreamFigures(
        node.path("records").asLong(),
        node.path("drainSeconds").asDouble(),
        node.path("latencyRate").asDouble(),
        node.path("latencyRecords").asLong(),
        node.path("p50Millis").asDouble(),
        node.path("p99Millis").asDouble());
  }

  /** Each figure's median over repeats. */
  static StreamFigures median(List<StreamFigures> repeats) {
    return new StreamFigures(
        repeats.get(0).records,
        median(repeats, StreamFigures::drainSeconds),
        median(repeats, StreamFigures::latencyRate),
        repeats.get(0).latencyRecords,
        median(repeats, StreamFigures::p50Millis),
        median(repeats, StreamFigures::p99Millis));
  }

  /** The {@code q} quantile (0 to 1) of {@code values} by the nearest rank; values get sorted. */
  static double quantile(double[] values, double q) {
    Arrays.sort(values);
    int rank = (int) Math.ceil(q * values.length);
    return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
  }

  private static double median(List<StreamFigures> repeats, ToDoubleFunction<StreamFigures> of) {
    return RunFigures.median(repeats.stream().mapToDouble(of).toArray());
  }
}
