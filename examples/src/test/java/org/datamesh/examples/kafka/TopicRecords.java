package org.datamesh.examples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their start as text, with a consumer group of its own, until what was read
 * satisfies a condition and a few more polls bring nothing (so nothing extra is missed), or a
 * time limit passes. Several topics are read by one consumer, at once: each is read for as long
 * as the slowest, and the quiet polls at the end are quiet on all of them.
 */
final class TopicRecords {

  /** Polls of half a second that bring nothing once the condition holds: 2 s of quiet. */
  private static final int QUIET_POLLS = 4;

  private TopicRecords() {}

  static List<ConsumerRecord<String, String>> readUntil(
      String servers, String topic, Predicate<List<ConsumerRecord<String, String>>> done, Duration limit) {
    return read(servers, List.of(topic), byTopic -> done.test(byTopic.get(topic)), limit, QUIET_POLLS)
        .get(topic);
  }

  /**
   * {@code topics} read by one consumer until {@code done} holds for what was read, split by
   * topic (every topic a key, its records in the order read), then quiet polls as for one topic.
   */
  static Map<String, List<ConsumerRecord<String, String>>> readUntil(
      String servers,
      List<String> topics,
      Predicate<Map<String, List<ConsumerRecord<String, String>>>> done,
      Duration limit) {
    return read(servers, topics, done, limit, QUIET_POLLS);
  }

  /**
   * Reads {@code topic} only until {@code done} holds, without the quiet polls: for a test that
   * merely waits for records and reads the topic again in full before it counts them.
   */
  static List<ConsumerRecord<String, String>> awaitUntil(
      String servers, String topic, Predicate<List<ConsumerRecord<String, String>>> done, Duration limit) {
    return read(servers, List.of(topic), byTopic -> done.test(byTopic.get(topic)), limit, 0).get(topic);
  }

  private static Map<String, List<ConsumerRecord<String, String>>> read(
      String servers,
      List<String> topics,
      Predicate<Map<String, List<ConsumerRecord<String, String>>>> done,
      Duration limit,
      int quietPolls) {
    Map<String, List<ConsumerRecord<String, String>>> byTopic = new LinkedHashMap<>();
    topics.forEach(topic -> byTopic.put(topic, new ArrayList<>()));
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings(servers))) {
      consumer.subscribe(topics);
      long deadline = System.nanoTime() + limit.toNanos();
      int quiet = 0;
      while (System.nanoTime() < deadline) {
        int read = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          byTopic.get(record.topic()).add(record);
          read++;
        }
        boolean satisfied = done.test(byTopic);
        quiet = satisfied && read == 0 ? quiet + 1 : 0;
        if (satisfied && quiet >= quietPolls) {
          break;
        }
      }
    }
    return byTopic;
  }

  private static Properties settings(String servers) {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return settings;
  }
}
