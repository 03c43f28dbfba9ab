package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

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
 *       #LATENCY_PHASE}; each one's latency is from just before its send to the receipt of its
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

  /**
   * How long fresh orders are sent at half the sustained rate: 10 s ({@code
   * -Ddatamesh.bench.latencySeconds}, as above).
   */
  static final Duration LATENCY_PHASE =
      Duration.ofSeconds(Integer.getInteger("datamesh.bench.latencySeconds", 10));

  /** The most the latency phase sends, however fast the drain was. */
  private static final long MOST_LATENCY_RECORDS = 100_000;

  /** Fresh order ids of the latency phase: longer than the generator's, so never one of its. */
  private static final String FRESH_ID = "ORD-9%09d";

  private static final ObjectMapper JSON = new ObjectMapper();

  private KafkaStreamMeasurement() {}

  /** A run's topics, named after its output folder: {@code <prefix><run>.in}, {@code .out}, ... */
  record Topics(String servers, String in, String out, String quarantine) {

    static Topics of(String[] args, Path output) {
      String base =
          BenchTopics.topic(BenchTopics.argument(args, "topicPrefix"), output);
      return new Topics(
          BenchTopics.argument(args, "bootstrapServers"),
          base + ".in",
          base + ".out",
          base + ".quarantine");
    }

    List<String> all() {
      return List.of(in, out, quarantine);
    }
  }

  /** What a processor did with the backlog, and how fast. */
  record Measured(Counts counts, StreamFigures figures) {}

  /**
   * The records of a CSV export as messages, header left out: each line's bytes as they are in the
   * file (an invalid UTF-8 byte stays one), without the line break; an empty line is an empty
   * message. The generator writes no record over several lines.
   */
  static List<byte[]> messages(Path csv) throws IOException {
    byte[] file = Files.readAllBytes(csv);
    List<byte[]> messages = new ArrayList<>();
    int start = 0;
    boolean header = true;
    for (int i = 0; i < file.length; i++) {
      if (file[i] == '\n') {
        int end = i > start && file[i - 1] == '\r' ? i - 1 : i;
        if (!header) {
          messages.add(Arrays.copyOfRange(file, start, end));
        }
        header = false;
        start = i + 1;
      }
    }
    if (start < file.length && !header) {
      messages.add(Arrays.copyOfRange(file, start, file.length));
    }
    return messages;
  }

  /**
   * A child's whole run: fills the run's input topic with the export at {@code input}, measures the
   * processor {@code processorFor} makes for the run's topics, reports its figures to the bench
   * ({@link ChildRun#reportStream}) and returns its counts.
   */
  static Counts run(String input, Path output, String[] args, ProcessorFactory processorFor)
      throws Exception {
    Topics topics = Topics.of(args, output);
    List<byte[]> messages = messages(Path.of(input));
    fill(topics, messages);
    Measured measured = measure(topics, messages.size(), processorFor.processor(topics));
    ChildRun.reportStream(measured.figures());
    return measured.counts();
  }

  /** Makes the processor of a run's topics: what runs it, once the backlog is in place. */
  @FunctionalInterface
  interface ProcessorFactory {
    ThrowingRunnable processor(Topics topics) throws Exception;
  }

  /** Sends {@code messages} to the input topic in order and waits until each is acknowledged. */
  static void fill(Topics topics, List<byte[]> messages) throws IOException, InterruptedException {
    Properties settings = producerSettings(topics.servers(), 20);
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    settings.put(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings)) {
      for (byte[] message : messages) {
        sent.add(producer.send(new ProducerRecord<>(topics.in(), message)));
      }
      producer.flush();
      for (Future<RecordMetadata> ack : sent) {
        ack.get();
      }
    } catch (ExecutionException e) {
      throw new IOException("filling " + topics.in() + " failed", e.getCause());
    }
  }

  /**
   * Starts {@code processor} on a daemon thread, measures it as the class says, and returns what
   * came out of the {@code backlog} records; the processor is left running (the child JVM ends).
   */
  static Measured measure(Topics topics, long backlog, ThrowingRunnable processor)
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
      StreamFigures figures = latency(outputs, topics, backlog, drain, crashed);
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
      Topics topics,
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

  private static StreamFigures latency(
      KafkaConsumer<String, String> outputs,
      Topics topics,
      long backlog,
      Drain drain,
      AtomicReference<Throwable> crashed)
      throws IOException, InterruptedException {
    double rate = backlog / drain.seconds() / 2;
    int count =
        (int) Math.max(100, Math.min(MOST_LATENCY_RECORDS, rate * LATENCY_PHASE.toSeconds()));
    AtomicLongArray sentNanos = new AtomicLongArray(count);
    AtomicReference<Throwable> sendFailed = new AtomicReference<>();
    Thread sender =
        new Thread(() -> send(topics, rate, sentNanos, sendFailed), "latency-sender");
    sender.setDaemon(true);
    sender.start();

    double[] latencies = new double[count];
    boolean[] seen = new boolean[count];
    int received = 0;
    long giveUp = Long.MAX_VALUE;
    while (received < count) {
      failIfCrashed(crashed);
      failIfCrashed(sendFailed);
      if (!sender.isAlive() && giveUp == Long.MAX_VALUE) {
        giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      }
      if (System.nanoTime() > giveUp) {
        throw new IOException(
            String.format(
                Locale.ROOT,
                "%,d of the %,d orders sent after the backlog came out within 60 s of the last"
                    + " send",
                received, count));
      }
      for (ConsumerRecord<String, String> record : outputs.poll(Duration.ofMillis(20))) {
        long now = System.nanoTime();
        int fresh = freshIndex(record.key());
        if (!record.topic().equals(topics.out()) || fresh < 0 || fresh >= count) {
          // an output of the backlog after the quiet time, or a fresh order quarantined
          throw new IOException(
              "after the backlog was drained, " + record.topic() + " received " + record.key()
                  + ", which is not a fresh order's output");
        }
        if (!seen[fresh]) {
          seen[fresh] = true;
          latencies[received++] = (now - sentNanos.get(fresh)) / 1e6;
        }
      }
    }
    return new StreamFigures(
        backlog,
        drain.seconds(),
        rate,
        count,
        StreamFigures.quantile(latencies.clone(), 0.5),
        StreamFigures.quantile(latencies.clone(), 0.99));
  }

  /** Sends the fresh orders at {@code rate} per second, paced by the clock, not in bursts. */
  private static void send(
      Topics topics, double rate, AtomicLongArray sentNanos, AtomicReference<Throwable> failed) {
    // No linger: a record is sent as soon as it is handed over, as a live source would.
    Properties settings = producerSettings(topics.servers(), 0);
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
      long start = System.nanoTime();
      double interval = 1e9 / rate;
      for (int i = 0; i < sentNanos.length(); i++) {
        long due = start + (long) (i * interval);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        String id = String.format(Locale.ROOT, FRESH_ID, i);
        sentNanos.set(i, System.nanoTime());
        producer.send(
            new ProducerRecord<>(topics.in(), id, freshOrder(id)),
            (metadata, error) -> {
              if (error != null) {
                failed.compareAndSet(null, error);
              }
            });
      }
      producer.flush();
    } catch (RuntimeException e) {
      failed.compareAndSet(null, e);
    }
  }

  /** A valid order in the export's columns, which every rule of the orders contract passes. */
  static String freshOrder(String id) {
    return id + ",C-1,2024-09-06T11:02:15+02:00,2024-09-06T13:38:15Z,10.00,EUR,SHIPPED,1";
  }

  /** The index of a fresh order's id, or -1 for any other key. */
  private static int freshIndex(String key) {
    if (key == null || key.length() != 14 || !key.startsWith("ORD-9")) {
      return -1;
    }
    try {
      return Integer.parseInt(key.substring(5));
    } catch (NumberFormatException e) {
      return -1;
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

  private static void failIfCrashed(AtomicReference<Throwable> crashed) throws IOException {
    Throwable t = crashed.get();
    if (t != null) {
      throw new IOException("the stream processor failed: " + t, t);
    }
  }

  private static KafkaConsumer<String, String> outputConsumer(Topics topics) {
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

  /** The settings of the stream's own producers: idempotent, acks=all, lz4; {@code lingerMs}. */
  static Properties producerSettings(String servers, int lingerMs) {
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    settings.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    return settings;
  }
}
