package org.datamesh.core.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.values.KV;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard's transactional producer: each batch of records is written in one Kafka transaction
 * that also records, as the offset of {@code topic}'s partition numbered by the shard in the
 * writer's group, the first sequence number not yet written. The records and that number become
 * visible together or not at all, so the number read back is exactly what was written.
 *
 * <p>Opening one fences any earlier producer of the same shard and group (its transactional id
 * is {@code <group>-<shard>}): a writer left behind by a failed attempt can no longer commit, and
 * its open transaction is aborted before the number is read.
 */
final class ShardTransactions implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WriteKafkaExactlyOnce.class);

  private final Producer<String, String> producer;
  private final String topic;
  private final String group;
  private final TopicPartition progress;
  private long committedNext;
  private boolean committedOnce;

  private ShardTransactions(
      Producer<String, String> producer, String topic, String group, int shard, long committedNext) {
    this.producer = producer;
    this.topic = topic;
    this.group = group;
    this.progress = new TopicPartition(topic, shard);
    this.committedNext = committedNext;
  }

  /** Opens shard {@code shard}'s producer and reads how far it has written. */
  static ShardTransactions open(
      Map<String, Object> producerConfig, String topic, String group, int shard) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-" + shard);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    Producer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    try {
      // The progress is kept as the offset of the topic's partition numbered by the shard; Kafka
      // keeps retrying a transaction that names a partition that does not exist.
      int partitions = producer.partitionsFor(topic).size();
      if (shard >= partitions) {
        throw new IllegalStateException(
            "topic " + topic + " has " + partitions + " partitions: too few for shard " + shard
                + "; write through at most as many shards as the topic has partitions");
      }
      producer.initTransactions();
      return new ShardTransactions(producer, topic, group, shard, committed(config, topic, group, shard));
    } catch (RuntimeException e) {
      producer.close();
      throw e;
    }
  }

  /**
   * The first number not yet written, as the last committed transaction recorded it; 0 if none
   * did. Read committed: a commit under way is waited for.
   */
  private static long committed(Map<String, Object> producerConfig, String topic, String group, int shard) {
    Map<String, Object> config = new HashMap<>();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        producerConfig.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    TopicPartition progress = new TopicPartition(topic, shard);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      @Nullable OffsetAndMetadata committed = consumer.committed(Set.of(progress)).get(progress);
      return committed == null ? 0 : committed.offset();
    }
  }

  /** The first number not yet written, by this producer or any before it. */
  synchronized long committedNext() {
    return committedNext;
  }

  /**
   * Writes {@code records} (key, value) in one transaction that records {@code next} as the first
   * number not yet written. Throws when the transaction does not commit; the caller then closes
   * this producer, and its records are written by the next attempt.
   */
  synchronized void commit(List<KV<@Nullable String, String>> records, long next) {
    producer.beginTransaction();
    for (KV<@Nullable String, String> record : records) {
      producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()));
    }
    producer.sendOffsetsToTransaction(
        Map.of(progress, new OffsetAndMetadata(next, "datamesh exactly-once writer")),
        new ConsumerGroupMetadata(group));
    producer.commitTransaction();
    committedNext = next;
    if (!committedOnce) {
      committedOnce = true;
      LOG.info("{} shard {}: first transaction committed; numbers below {} written", group, progress.partition(), next);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
