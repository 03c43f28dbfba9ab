package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Child JVM main: the baseline of the {@code kafka-stream} scenario, the loop a careful Kafka user
 * writes for the same job as {@code stream}: one thread, a {@code KafkaConsumer} polling the input
 * topic, each message checked and standardized by the bench's plain orders code ({@link
 * OrderRecordCheck}), deduplicated as the library's stream deduplicates (a key's first row, then a
 * newer version of different content; rows without an order id never merged), and sent as JSON
 * keyed by the order id, failures with their stage and rules to the quarantine topic, through a
 * producer with the library's settings (idempotent, {@code acks=all}, lz4, 20 ms linger). Measured
 * by {@link KafkaStreamMeasurement}, as the library is.
 *
 * <pre>{@code
 * java -cp CP org.datamesh.examples.bench.PlainKafkaStreamRun orders-300000.csv out - \
 *     --bootstrapServers=localhost:9092 --topicPrefix=datamesh-bench-1765000000000-
 * }</pre>
 */
public final class PlainKafkaStreamRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PlainKafkaStreamRun() {}

  public static void main(String[] args) {
    ChildRun.main("stream-plain", args, PlainKafkaStreamRun::run);
  }

  static Counts run(String input, Path output, String[] args) throws Exception {
    OrderColumns columns;
    try (InputStream file = Files.newInputStream(Path.of(input));
        CsvSplitter csv = CsvSplitter.open(file)) {
      columns = OrderColumns.of(csv.next());
    }
    return KafkaStreamMeasurement.run(
        input, output, args, topics -> () -> loop(topics, columns));
  }

  /** Consumes, checks, deduplicates and produces until the JVM ends. */
  private static void loop(StreamTopics topics, OrderColumns columns)
      throws IOException {
    Properties consumerSettings = new Properties();
    consumerSettings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, topics.servers());
    consumerSettings.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    consumerSettings.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Properties producerSettings = topics.producer(20);
    producerSettings.put(
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producerSettings.put(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    Map<String, CleanOrder> kept = new HashMap<>();
    long recordNumber = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings);
        KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings)) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(topics.in()).forEach(
          p -> partitions.add(new TopicPartition(topics.in(), p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (true) {
        for (ConsumerRecord<byte[], byte[]> message : consumer.poll(Duration.ofMillis(100))) {
          recordNumber++;
          OrderOutcome outcome = check(message.value(), recordNumber, columns);
          if (!outcome.isClean()) {
            ObjectNode failure = JSON.createObjectNode();
            failure.put("stage", outcome.failedStage());
            outcome.failedRules().forEach(failure.putArray("rules")::add);
            failure.put("offset", message.offset());
            producer.send(
                new ProducerRecord<>(topics.quarantine(), null, JSON.writeValueAsString(failure)));
            continue;
          }
          CleanOrder order = outcome.order();
          if (order.orderId() != null) {
            CleanOrder previous = kept.get(order.orderId());
            if (previous != null && (sameContent(order, previous) || !order.isLaterThan(previous))) {
              continue; // a repeat or an older version: deduplicated
            }
            kept.put(order.orderId(), order);
          }
          producer.send(
              new ProducerRecord<>(topics.out(), order.orderId(), JSON.writeValueAsString(json(order))));
        }
      }
    }
  }

  /** One message as the one CSV record it holds; an empty message is an empty line. */
  private static OrderOutcome check(byte[] message, long recordNumber, OrderColumns columns)
      throws IOException {
    byte[] line = new byte[message.length + 1];
    System.arraycopy(message, 0, line, 0, message.length);
    line[message.length] = '\n';
    try (CsvSplitter csv = CsvSplitter.open(new ByteArrayInputStream(line))) {
      return OrderRecordCheck.check(csv.next(), recordNumber, columns);
    }
  }

  /** The same published values: a producer's retry or a replay, never a newer version. */
  private static boolean sameContent(CleanOrder a, CleanOrder b) {
    return a.orderTs() == b.orderTs()
        && Objects.equals(a.customerId(), b.customerId())
        && Objects.equals(a.updatedAt(), b.updatedAt())
        && (a.amount() == null ? b.amount() == null : b.amount() != null && a.amount().compareTo(b.amount()) == 0)
        && Objects.equals(a.currency(), b.currency())
        && Objects.equals(a.status(), b.status())
        && Objects.equals(a.quantity(), b.quantity());
  }

  private static ObjectNode json(CleanOrder order) {
    ObjectNode node = JSON.createObjectNode();
    node.put("order_id", order.orderId());
    node.put("customer_id", order.customerId());
    node.put("order_ts", Instant.ofEpochMilli(order.orderTs()).toString());
    node.put(
        "updated_at",
        order.updatedAt() == null ? null : Instant.ofEpochMilli(order.updatedAt()).toString());
    node.put("amount", order.amount());
    node.put("currency", order.currency());
    node.put("status", order.status());
    node.put("quantity", order.quantity());
    return node;
  }
}
