package org.datamesh.examples.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A {@code kafka-stream} run's topics, named after its output folder: {@code <prefix><run>.in}
 * (the backlog, then the latency phase's orders), {@code .out} and {@code .quarantine}; and the
 * producer settings every side of the scenario uses (those of the library's own Kafka writes).
 *
 * <pre>{@code
 * StreamTopics topics = StreamTopics.of(args, output); // --bootstrapServers=..., --topicPrefix=...
 * new KafkaProducer<>(topics.producer(20));
 * }</pre>
 */
record StreamTopics(String servers, String in, String out, String quarantine) {

  /** The topics of the run writing to {@code output}, from the bench's arguments. */
  static StreamTopics of(String[] args, Path output) {
    String base = BenchTopics.topic(BenchTopics.argument(args, "topicPrefix"), output);
    return new StreamTopics(
        BenchTopics.argument(args, "bootstrapServers"),
        base + ".in",
        base + ".out",
        base + ".quarantine");
  }

  List<String> all() {
    return List.of(in, out, quarantine);
  }

  /**
   * The settings of the stream's own producers, as {@code ToKafka} has them: idempotent, {@code
   * acks=all}, lz4; {@code lingerMs}. Serializers are the caller's.
   */
  Properties producer(int lingerMs) {
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    settings.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    return settings;
  }
}
