package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How the {@code kafka-stream} scenario measures a stream processor, the library's {@code stream}
 * and the plain loop alike, from outside it: the same code watches both.
 *
 * <ol>
 *   <li>The run's input topic (one partition, so both read the records in the file's order and
 *       deduplicate alike) is filled with the CSV export's records, one message each.
 *   <li>The processor starts on a thread of its own; a consumer reads the output and quarantine
 *       topics from their start. The backlog is drained once nothing more comes out for {@link
 *       #QUIET}; the sustained rate is the backlog's records over the time from the first output
 *       record received to the last (the processor's start-up, Flink's included, is not in it).
 *   <li>Then fresh valid orders, each of a new id, are sent at half that rate for {@link
 *       LatencyProbe#PHASE}; each one's latency is from just before its send to the receipt of its
 *       output record. Every one must come out.
 * </ol>
 *
 * <pre>{@code
 * // in a child JVM's run: the export at input, the run's topics named from its arguments
 * Counts counts =
 *     KafkaStreamMeasurement.run(input, output, args, topics -> () -> process(topics));
 * }</pre>
 *
 * <p>The counts come from the topics: published and quarantined (per stage, from the quarantine
 * record's {@code stage}) as received, deduplicated as the rest of the backlog, so a lost record
 * shows as a count that differs from the other side's.
 */
final class KafkaStreamMeasurement {

  /**
   * No output for this long after the first: the backlog is drained. 8 s; a test of the suite
   * rather than of figures may shorten it ({@code -Ddatamesh.bench.quietSeconds}).
   */
  static final Duration QUIET =
      Duration.ofSeconds(Integer.getInteger("datamesh.bench.quietSeconds", 8));

  private static final ObjectMapper JSON = new ObjectMapper();

  private KafkaStreamMeasurement() {}

  /** What a processor did with the backlog, and how fast. */
  record Measured(Counts counts, StreamFigures figures) {}

  /**
   * A child's whole run: fills the run's input topic with the export at {@code input}, measures the
   * processor {@code processorFor} makes for the run's topics, reports its figures to the bench
   * ({@link ChildRun#reportStream}) and returns its counts.
   */
  static Counts run(String input, Path output, String[] args, ProcessorFactory processorFor)
      throws Exception {
    StreamTopics topics = StreamTopics.of(args, output);
    List<byte[]> messages = StreamBacklog.messages(Path.of(input));
    StreamBacklog.fill(topics, messages);
    Measured measured = measure(topics, messages.size(), processorFor.processor(topics));
    ChildRun.reportStream(measured.figures());
    return measured.counts();
  }

  /** Makes the processor of a run's topics: what runs it, once the backlog is in place. */
  @FunctionalInterface
  interface ProcessorFactory {
    ThrowingRunnable processor(StreamTopics topics) throws Exception;
  }

  /**
   * Starts {@code processor} on a daemon thread, measures it as the class says, and returns what
   * came out of the {@code backlog} records; the processor is left running (the child JVM ends).
   */
  static Measured measure(StreamTopics topics, long backlog, ThrowingRunnable processor)
      throws IOException, InterruptedException {
    AtomicReference<Throwable> crashed = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                processor.run();
              } catch (Throwable t) {
                crashed.set(t);
              }
            },
            "stream-processor");
    thread.setDaemon(true);
    try (KafkaConsumer<String, String> outputs = outputConsumer(topics)) {
      thread.start();
      Drain drain = drain(outputs, topics, backlog, crashed);
      StreamFigures figures =
          LatencyProbe.measure(outputs, topics, backlog, drain.seconds(), crashed);
      long deduplicated = backlog - drain.published - drain.quarantined;
      Counts counts =
          new Counts(
              backlog, drain.published, drain.quarantined, deduplicated, drain.byStage, Map.of());
      return new Measured(counts, figures);
    }
  }

  /** A processor's body; it runs until the JVM ends. */
  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** What the backlog gave: counts, and when its first and last outputs were received. */
  private static final class Drain {
    long published;
    long quarantined;
    final Map<String, Long> byStage = new TreeMap<>();
    long firstNanos;
    long lastNanos;

    double seconds() {
      return (lastNanos - firstNanos) / 1e9;
    }
  }

  private static Drain drain(
      KafkaConsumer<String, String> outputs,
      StreamTopics topics,
      long backlog,
      AtomicReference<Throwable> crashed)
      throws IOException {
    Drain drain = new Drain();
    long started = System.nanoTime();
    // Generous: a 2-core machine drains a few thousand records a second at the very least.
    long giveUp = started + Duration.ofSeconds(120).toNanos() + backlog * 1_000_000L;
    while (true) {
      failIfCrashed(crashed);
      long now = System.nanoTime();
      if (drain.firstNanos != 0 && now - drain.lastNanos > QUIET.toNanos()) {
        return drain;
      }
      if (now > giveUp) {
        throw new IOException(
            String.format(
                Locale.ROOT,
                "the processor put out %,d records for a backlog of %,d in %.0f s",
                drain.published + drain.quarantined, backlog, (now - started) / 1e9));
      }
      for (ConsumerRecord<String, String> record : outputs.poll(Duration.ofMillis(100))) {
        long received = System.nanoTime();
        if (drain.firstNanos == 0) {
          drain.firstNanos = received;
        }
        drain.lastNanos = received;
        if (record.topic().equals(topics.out())) {
          drain.published++;
        } else {
          drain.quarantined++;
          drain.byStage.merge(stageOf(record.value()), 1L, Long::sum);
        }
      }
    }
  }

  /** The stage a quarantine record names ({@code "stage"}), or {@code ?} when it names none. */
  private static String stageOf(String quarantined) {
    try {
      JsonNode node = JSON.readTree(quarantined);
      return node.path("stage").asText("?");
    } catch (IOException e) {
      return "?";
    }
  }

  /** Fails the measurement when the thread whose failure {@code crashed} holds has failed. */
  static void failIfCrashed(AtomicReference<Throwable> crashed) throws IOException {
    Throwable t = crashed.get();
    if (t != null) {
      throw new IOException("the stream processor failed: " + t, t);
    }
  }

  private static KafkaConsumer<String, String> outputConsumer(StreamTopics topics) {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, topics.servers());
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    settings.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings);
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(topics.out(), topics.quarantine())) {
      consumer.partitionsFor(topic).forEach(
          p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }
}
