package org.datamesh.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.datamesh.examples.kafka.IngestLogCommand;

/**
 * Child JVM main: the baseline of the {@code ingest-log} scenario, the loop a careful Kafka user
 * writes to send a log file's lines: one thread, a {@code BufferedReader}, one {@code
 * KafkaProducer} with the settings such a user picks for "nothing lost, nothing twice, fast"
 * (idempotence, {@code acks=all}, 20 ms linger, 256 KiB batches, lz4, as the command has them, so
 * the scenario compares code paths rather than settings), and a callback that keeps the first
 * failure.
 *
 * <pre>{@code
 * java -cp CP org.datamesh.examples.bench.PlainKafkaRun server-300000.log out server-1000.log \
 *     --bootstrapServers=localhost:9092 --topicPrefix=datamesh-bench-1765000000000-
 * }</pre>
 *
 * <p>It sends the same records as the library: the file's name as key, the line as value, and
 * the source and line-number headers, so both topics hold the same bytes (the generated lines
 * are ASCII, so decoding them to text changes nothing).
 */
public final class PlainKafkaRun {

  private PlainKafkaRun() {}

  public static void main(String[] args) {
    ChildRun.main("plain-kafka", args, PlainKafkaRun::run);
  }

  static Counts run(String input, Path output, String[] args) throws Exception {
    Path file = Paths.get(input);
    String topic = BenchTopics.topic(BenchTopics.argument(args, "topicPrefix"), output);
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BenchTopics.argument(args, "bootstrapServers"));
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());

    String key = file.getFileName().toString();
    byte[] source = key.getBytes(StandardCharsets.UTF_8);
    AtomicReference<Exception> failure = new AtomicReference<>();
    long lines = 0;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings);
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines++;
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, line);
        record.headers()
            .add(IngestLogCommand.SOURCE_HEADER, source)
            .add(IngestLogCommand.LINE_HEADER,
                Long.toString(lines).getBytes(StandardCharsets.US_ASCII));
        producer.send(
            record,
            (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              }
            });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IOException("a line was not sent", failure.get());
    }
    return Counts.rows(lines);
  }
}
