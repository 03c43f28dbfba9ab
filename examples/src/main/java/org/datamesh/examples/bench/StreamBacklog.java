package org.datamesh.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The backlog a {@code kafka-stream} run drains: the orders export's records as messages, sent to
 * the run's input topic before its processor starts.
 *
 * <pre>{@code
 * List<byte[]> messages = StreamBacklog.messages(Path.of("orders-300000.csv"));
 * StreamBacklog.fill(topics, messages);
 * }</pre>
 */
final class StreamBacklog {

  private StreamBacklog() {}

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

  /** Sends {@code messages} to the input topic in order and waits until each is acknowledged. */
  static void fill(StreamTopics topics, List<byte[]> messages) throws IOException, InterruptedException {
    Properties settings = topics.producer(20);
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
}
