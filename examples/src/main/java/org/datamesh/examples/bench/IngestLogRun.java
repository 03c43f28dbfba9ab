package org.datamesh.examples.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.datamesh.examples.kafka.IngestLogCommand;

/**
 * Child JVM main: the library side of the {@code ingest-log} scenario, the command's own send
 * path ({@link IngestLogCommand#send}: idempotent producer, {@code acks=all}, lz4 batches, key and
 * headers per line) on the generated log file, to the run's own topic. Fails when any line was not
 * acknowledged; the bench then counts the topic's records itself.
 *
 * <pre>{@code
 * java -cp CP org.datamesh.examples.bench.IngestLogRun server-300000.log out server-1000.log \
 *     --bootstrapServers=localhost:9092 --topicPrefix=datamesh-bench-1765000000000-
 * }</pre>
 */
public final class IngestLogRun {

  private IngestLogRun() {}

  public static void main(String[] args) {
    ChildRun.main("ingest-library", args, IngestLogRun::run);
  }

  static Counts run(String input, Path output, String[] args) throws Exception {
    IngestLogCommand.Sent sent =
        IngestLogCommand.send(
            Paths.get(input),
            BenchTopics.argument(args, "bootstrapServers"),
            BenchTopics.topic(BenchTopics.argument(args, "topicPrefix"), output),
            BenchTopics.TIMEOUT,
            System.out);
    if (sent.failed() > 0 || sent.acknowledged() != sent.lines()) {
      throw new IllegalStateException(
          sent.acknowledged() + " of " + sent.lines() + " lines acknowledged; first failure: "
              + sent.firstFailure());
    }
    return Counts.rows(sent.lines());
  }
}
