package org.datamesh.examples.bench;

import java.util.List;

/**
 * The kinds of measured run: which child main class runs, with which Beam options, and how the
 * run is described in the results ({@code runner}, {@code options}).
 */
enum RunKind {
  LIBRARY_FLINK(
      LibraryRun.class, Runners.FLINK_LIBRARY, "FlinkRunner (embedded)", "library: OrdersPipeline"),
  LIBRARY_DIRECT(LibraryRun.class, Runners.DIRECT, "DirectRunner", "library: OrdersPipeline"),
  LIBRARY_PROTECTED(
      ProtectedLibraryRun.class, Runners.FLINK_LIBRARY, "FlinkRunner (embedded)",
      "library: orders, customer_id tokenized, status encrypted"),
  LIBRARY_CHECKED(
      CheckedLibraryRun.class, Runners.FLINK_LIBRARY, "FlinkRunner (embedded)",
      "library: orders with 10 dataset checks"),
  PLAIN_JAVA(PlainJavaRun.class, List.of(), "plain Java", "1 thread, parquet-avro writer"),
  HANDWRITTEN_FLINK(
      HandwrittenBeamRun.class, Runners.FLINK, "FlinkRunner (embedded)", "hand-written Beam"),
  HANDWRITTEN_DIRECT(HandwrittenBeamRun.class, Runners.DIRECT, "DirectRunner", "hand-written Beam"),
  PUBLISH_LIBRARY(
      PublishLibraryRun.class, Runners.FLINK_LIBRARY, "FlinkRunner (embedded)",
      "library: PublishDataProduct"),
  PUBLISH_RAW(PublishRawRun.class, List.of(), "plain Java", "1 thread, AvroParquetWriter"),
  INGEST_LIBRARY(
      IngestLogRun.class, List.of(), "Kafka producer",
      "library: ingest-log's send path; idempotent, acks=all, linger 20 ms, 256 KiB lz4 batches"),
  INGEST_PLAIN(
      PlainKafkaRun.class, List.of(), "Kafka producer",
      "1 thread, plain KafkaProducer loop; idempotent, acks=all, linger 20 ms, 256 KiB lz4"
          + " batches"),
  STREAM_LIBRARY(
      KafkaStreamRun.class, Runners.FLINK_LIBRARY, "FlinkRunner (embedded), streaming",
      "library: stream, sales orders contract, CSV messages, 1 input partition"),
  STREAM_PLAIN(
      PlainKafkaStreamRun.class, List.of(), "plain Java",
      "1 thread, KafkaConsumer -> plain orders checks -> KafkaProducer (idempotent, acks=all,"
          + " linger 20 ms, lz4), 1 input partition"),
  SPARK(
      SparkPeer.MAIN_CLASS, List.of(), "Spark " + SparkPeer.VERSION + ", local[2]",
      "Spark SQL DataFrame API, its defaults (adaptive execution on), a session per run");

  /** The Beam options of each runner as the bench uses it; stated in every figure. */
  static final class Runners {
    static final List<String> FLINK = List.of("--runner=FlinkRunner", "--parallelism=2");

    /** As the command line runs the library on Flink: without Flink's defensive copies. */
    static final List<String> FLINK_LIBRARY =
        List.of("--runner=FlinkRunner", "--parallelism=2", "--fasterCopy=true");
    static final List<String> DIRECT = List.of("--runner=DirectRunner");

    private Runners() {}
  }

  /** The child's main class: a class of this project's, or of the Spark peer's ({@link #SPARK}). */
  final String mainClass;
  final List<String> beamArgs;
  final String runner;
  final String what;

  RunKind(Class<?> mainClass, List<String> beamArgs, String runner, String what) {
    this(mainClass.getName(), beamArgs, runner, what);
  }

  RunKind(String mainClass, List<String> beamArgs, String runner, String what) {
    this.mainClass = mainClass;
    this.beamArgs = beamArgs;
    this.runner = runner;
    this.what = what;
  }

  /** Whether the run's input is a number of rows to make rather than a CSV file. */
  boolean takesRowCount() {
    return this == PUBLISH_LIBRARY || this == PUBLISH_RAW;
  }

  /**
   * Whether the run sends a log file's lines to a Kafka topic: its input is a log file, it needs
   * the bench's broker, and its counts are checked against the records its topic holds.
   */
  boolean sendsToKafka() {
    return this == INGEST_LIBRARY || this == INGEST_PLAIN;
  }

  /**
   * Whether the run streams a CSV export through Kafka topics of its own and measures itself
   * ({@link KafkaStreamMeasurement}): it needs the bench's broker, and has no warm-up.
   */
  boolean streamsKafka() {
    return this == STREAM_LIBRARY || this == STREAM_PLAIN;
  }

  /** The options in words: {@code --runner=DirectRunner (default enforcement)}. */
  String options() {
    if (beamArgs.isEmpty()) {
      return what;
    }
    String args = String.join(" ", beamArgs);
    return what + "; " + (this == LIBRARY_DIRECT || this == HANDWRITTEN_DIRECT
        ? args + " (default enforcement)"
        : args);
  }
}
