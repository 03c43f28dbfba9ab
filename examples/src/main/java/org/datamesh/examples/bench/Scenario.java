package org.datamesh.examples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The bench's scenarios (issue 5), each a measure of the library against a baseline, as {@code
 * ratio = library / baseline} with a goal. {@link BenchSuite} measures them.
 *
 * <pre>{@code
 * List<Scenario> chosen = Scenario.parse("library-vs-plain-java,scale-10x");
 * }</pre>
 *
 * <p>{@link #MEMORY_10M} and {@link #FSYNC_1M} are not among the defaults: they process ten million
 * and one million records (twice) and take minutes; name them in {@code --scenarios} to run them.
 * Nor are {@link #INGEST_LOG} and {@link #KAFKA_STREAM}: they need a Kafka broker that must be
 * running already, named with {@code --bootstrapServers}; nor {@link #LIBRARY_VS_SPARK}, which
 * needs the Spark peer built apart ({@link SparkPeer}).
 */
enum Scenario {
  LIBRARY_VS_PLAIN_JAVA(
      "library-vs-plain-java",
      "records per CPU-second, library on embedded Flink vs the single-threaded plain-Java loop",
      "records/CPU-s",
      Goal.atLeast(0.5)),
  LIBRARY_VS_HANDWRITTEN_BEAM(
      "library-vs-handwritten-beam",
      "wall time, embedded Flink, vs a minimal hand-written Beam pipeline with the same work",
      "s",
      Goal.atMost(0.8)),
  LIBRARY_VS_HANDWRITTEN_BEAM_DIRECT(
      "library-vs-handwritten-beam-direct",
      "wall time on the Direct runner, default enforcement, at --directRecords",
      "s",
      Goal.atMost(1.5)),
  PUBLISH_VS_RAW_PARQUET(
      "publish-vs-raw-parquet",
      "rows/s of PublishDataProduct vs a raw AvroParquetWriter loop, same schema, Snappy, row group",
      "rows/s",
      Goal.atLeast(0.8)),
  SCALE_10X(
      "scale-10x", "wall time for 10N records / wall time for N, library on embedded Flink", "s",
      Goal.atMost(10.5)),
  PROTECT_VS_CLEAR(
      "protect-vs-clear",
      "CPU time, orders with customer_id tokenized and status encrypted vs the same product"
          + " unprotected, embedded Flink",
      "CPU-s",
      Goal.atMost(1.15)),
  CHECKS_VS_UNCHECKED(
      "checks-vs-unchecked",
      "wall time, orders with 10 dataset checks (every analyzer) vs without, embedded Flink",
      "s",
      Goal.atMost(1.15)),
  MEMORY_10M(
      "memory-10m",
      "--memoryRecords (10 million) through the library on embedded Flink with -Xmx1g",
      "s",
      Goal.COMPLETES),
  FSYNC_1M(
      "fsync-1m",
      "wall time of --fsyncRecords (1 million) orders, every published file, folder and manifest"
          + " fsynced, vs the same run with -Ddatamesh.fsync=false, embedded Flink",
      "s",
      Goal.atMost(1.05)),
  INGEST_LOG(
      "ingest-log",
      "lines/s of ingest-log's producer path vs a plain KafkaProducer loop with the same"
          + " settings, to the broker at --bootstrapServers",
      "lines/s",
      Goal.atLeast(0.9)),
  LIBRARY_VS_SPARK(
      "library-vs-spark",
      "wall time, library on embedded Flink vs the same work in Spark SQL (DataFrame API,"
          + " local[2]), each in its own JVM",
      "s",
      Goal.atMost(1.0)),
  KAFKA_STREAM(
      "kafka-stream",
      "records/s draining a backlog through stream (embedded Flink) vs a plain consumer -> check"
          + " -> producer loop, from the first output to the last, then p50/p99 latency at half"
          + " that rate; broker at --bootstrapServers",
      "records/s",
      Goal.atLeast(0.5));

  /**
   * Every scenario but the long ones, {@link #MEMORY_10M} and {@link #FSYNC_1M}, and those that
   * need a Kafka broker the bench does not start ({@link #needsKafka}).
   */
  static final List<Scenario> DEFAULTS =
      Arrays.stream(values())
          .filter(s -> s != MEMORY_10M && s != FSYNC_1M && !s.needsKafka() && !s.needsSpark())
          .toList();

  final String id;
  final String measure;
  final String unit;
  final Goal goal;

  Scenario(String id, String measure, String unit, Goal goal) {
    this.id = id;
    this.measure = measure;
    this.unit = unit;
    this.goal = goal;
  }

  /** Whether the scenario sends to the Kafka broker of {@code --bootstrapServers}. */
  boolean needsKafka() {
    return this == INGEST_LOG || this == KAFKA_STREAM;
  }

  /** Whether the scenario runs the Spark peer, which is built apart ({@link SparkPeer}). */
  boolean needsSpark() {
    return this == LIBRARY_VS_SPARK;
  }

  /** The scenarios named in a comma-separated list; the defaults for a blank one. */
  static List<Scenario> parse(String names) {
    if (names == null || names.isBlank()) {
      return DEFAULTS;
    }
    List<Scenario> chosen = new ArrayList<>();
    for (String name : names.split(",")) {
      String wanted = name.trim().toLowerCase(Locale.ROOT);
      Scenario scenario =
          Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst().orElse(null);
      if (scenario == null) {
        throw new IllegalArgumentException(
            "unknown scenario '" + name.trim() + "'; choose from " + ids(Arrays.asList(values())));
      }
      if (!chosen.contains(scenario)) {
        chosen.add(scenario);
      }
    }
    return chosen;
  }

  static String ids(List<Scenario> scenarios) {
    return scenarios.stream().map(s -> s.id).collect(Collectors.joining(","));
  }
}
