package org.datamesh.core.stream;

import java.time.Duration;
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
  static long committed(Map<String, Object> producerConfig, String topic, String group, int shard) {
    Map<String, Object> config = new HashMap<>();
    // The brokers and how to reach them (TLS, SASL) are the producer's.
    producerConfig.forEach(
        (name, value) -> {
          if (name.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
              || name.equals("client.dns.lookup")
              || name.startsWith("security.")
              || name.startsWith("ssl.")
              || name.startsWith("sasl.")) {
            config.put(name, value);
          }
        });
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

  /**
   * Writes what {@code held} has ready after the first number not yet written, the larger of
   * {@code stored} (the runner's state) and what this shard's transactions recorded, in
   * transactions of at most {@link #MAX_TRANSACTION} records, each recording the first number it
   * leaves unwritten. One call at a time: reading how far the shard has written and writing on
   * from there must not interleave with another writer instance's. Throws when a transaction does
   * not commit; the caller then discards this producer, and the next attempt writes the rest.
   */
  synchronized ShardBacklog<KV<@Nullable String, String>> write(
      long stored, List<KV<Long, KV<@Nullable String, String>>> held) {
    ShardBacklog<KV<@Nullable String, String>> backlog =
        ShardBacklog.of(Math.max(stored, committedNext), held);
    List<KV<Long, KV<@Nullable String, String>>> ready = backlog.ready();
    for (int from = 0; from < ready.size(); from += MAX_TRANSACTION) {
      List<KV<Long, KV<@Nullable String, String>>> part =
          ready.subList(from, Math.min(ready.size(), from + MAX_TRANSACTION));
      commit(part, part.get(part.size() - 1).getKey() + 1);
    }
    return backlog;
  }

  /** The most records one transaction holds: well inside the broker's transaction timeout. */
  static final int MAX_TRANSACTION = 10_000;

  private void commit(List<KV<Long, KV<@Nullable String, String>>> records, long next) {
    producer.beginTransaction();
    for (KV<Long, KV<@Nullable String, String>> record : records) {
      producer.send(new ProducerRecord<>(topic, record.getValue().getKey(), record.getValue().getValue()));
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

  /** Closes the producer, waiting at most 10 s for what it still has to send. */
  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
