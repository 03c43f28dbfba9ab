package org.datamesh.examples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its start as text, with a consumer group of its own, until what was read
 * satisfies a condition and a few more polls bring nothing (so nothing extra is missed), or a
 * time limit passes.
 */
final class TopicRecords {

  private TopicRecords() {}

  static List<ConsumerRecord<String, String>> readUntil(
      String servers, String topic, Predicate<List<ConsumerRecord<String, String>>> done, Duration limit) {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + limit.toNanos();
      int quietPolls = 0;
      while (System.nanoTime() < deadline && quietPolls < 4) {
        int before = records.size();
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        quietPolls = done.test(records) && records.size() == before ? quietPolls + 1 : 0;
      }
    }
    return records;
  }
}
