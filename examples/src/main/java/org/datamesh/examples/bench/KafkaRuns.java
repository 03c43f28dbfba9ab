package org.datamesh.examples.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datamesh.examples.cli.QuietConsole;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The child runs of the Kafka scenarios ({@code ingest-log}, {@code kafka-stream}), each on fresh
 * topics of the broker the bench was given, created before the child starts and left on the
 * broker afterwards: every topic's name starts with {@code datamesh-bench-<time>-}, then the run's
 * folder name.
 *
 * <pre>{@code
 * KafkaRuns kafka = new KafkaRuns("localhost:9092");
 * RunFigures sent =
 *     kafka.send(RunKind.INGEST_PLAIN, 300_000, List.of(), "server.log", output, "-", childLog);
 * }</pre>
 */
final class KafkaRuns {

  private final @Nullable String servers;

  /** Starts the name of every topic this bench sends to, so each run's topic is a fresh one. */
  private final String topicPrefix = "datamesh-bench-" + System.currentTimeMillis() + "-";

  /** Runs on the brokers {@code servers}; null when the bench was given none. */
  KafkaRuns(@Nullable String servers) {
    this.servers = servers;
  }

  /** The topic of the run writing to {@code output}. */
  String topicOf(Path output) {
    return BenchTopics.topic(topicPrefix, output);
  }

  /**
   * A run that sends a file's lines, to topics of its own created first (the timed run's and the
   * warm-up's); its counts are the lines it read and, as published, the records its topic holds
   * afterwards, so a line lost or written twice is a count mismatch.
   */
  RunFigures send(
      RunKind kind, int size, List<String> jvmArgs, String input, Path output, String warmup,
      Path log) throws IOException, InterruptedException {
    String topic = topicOf(output);
    List<String> topics = new ArrayList<>(List.of(topic));
    if (!warmup.equals("-")) {
      topics.add(topicOf(ChildRun.warmupOutput(output)));
    }
    // The Kafka clients' warnings (a topic's leader not known yet) stay off the console.
    try (QuietConsole quiet = QuietConsole.unless(false);
        BenchTopics broker = BenchTopics.open(servers(kind))) {
      broker.create(topics);
      RunFigures figures =
          ChildJvm.run(kind, size, jvmArgs, input, output, warmup, childArgs(kind), log);
      long records = broker.records(topic);
      return figures.withCounts(
          new Counts(figures.counts().input(), records, 0, 0, Map.of(), Map.of()));
    }
  }

  /**
   * A stream run, on topics of its own created first: its input (one partition, so the records
   * keep the file's order) and its output and quarantine topics. No warm-up: a stream measures
   * itself from its first output on, past its start-up.
   */
  RunFigures stream(
      RunKind kind, int size, List<String> jvmArgs, String input, Path output, Path log)
      throws IOException, InterruptedException {
    List<String> args = childArgs(kind);
    StreamTopics topics = StreamTopics.of(args.toArray(String[]::new), output);
    try (QuietConsole quiet = QuietConsole.unless(false);
        BenchTopics broker = BenchTopics.open(servers(kind))) {
      broker.createWithOnePartition(topics.all());
    }
    return ChildJvm.run(kind, size, jvmArgs, input, output, "-", args, log);
  }

  /** What a child learns its broker and topics from. */
  private List<String> childArgs(RunKind kind) {
    return List.of("--bootstrapServers=" + servers(kind), "--topicPrefix=" + topicPrefix);
  }

  private String servers(RunKind kind) {
    if (servers == null) {
      throw new IllegalStateException(kind + " needs --bootstrapServers");
    }
    return servers;
  }
}
