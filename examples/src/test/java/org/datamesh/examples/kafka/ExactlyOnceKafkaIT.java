package org.datamesh.examples.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.datamesh.core.stream.WriteKafkaExactlyOnce;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link WriteKafkaExactlyOnce} against a real broker (Direct runner): records land once, in
 * transactions whose progress Kafka keeps under the writer's group; and a writer with no state of
 * its own that finds progress in Kafka (a stream killed between its first transaction and the
 * checkpoint recording it, then restored) skips what that progress says was written (checked end
 * to end by StreamKafkaIT and KafkaStreamOnFlinkClusterIT). A run whose numbering is behind its
 * group's progress (restored from a stale checkpoint, or reusing another run's group) stops with a
 * message rather than skip records it never wrote.
 */
@ExtendWith(TestPipelineExtension.class)
class ExactlyOnceKafkaIT {

  @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

  private static final int RECORDS = 50;

  private static List<KV<String, String>> records() {
    List<KV<String, String>> records = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      records.add(KV.of("k" + i, "{\"n\":" + i + "}"));
    }
    return records;
  }

  @Test
  void everyRecordLandsOnceAndTheGroupKeepsHowFarItWrote(TestPipeline pipeline) {
    String topic = "eo-" + UUID.randomUUID();
    String group = "eo-writer-" + UUID.randomUUID();
    write(pipeline, topic, group);

    List<ConsumerRecord<String, String>> landed =
        TopicRecords.readUntil(KAFKA.bootstrapServers(), topic, r -> r.size() >= RECORDS, Duration.ofSeconds(30));
    assertThat(landed, hasSize(RECORDS));
    Set<String> keys = new HashSet<>();
    landed.forEach(r -> keys.add(r.key() + "=" + r.value()));
    Set<String> expected = new HashSet<>();
    records().forEach(r -> expected.add(r.getKey() + "=" + r.getValue()));
    assertThat(keys, equalTo(expected));
    assertThat(progress(topic, group), is((long) RECORDS));
  }

  @Test
  void aRunNumberingBehindWhatItsGroupWroteStopsRatherThanSkipping(TestPipeline pipeline)
      throws Exception {
    // What a run restored from a stale checkpoint, or one reusing another run's group, finds:
    // numbers 0-19 written, its own numbering at 0. Skipping them would drop records never written.
    String topic = "eo-" + UUID.randomUUID();
    String group = "eo-writer-" + UUID.randomUUID();
    recordProgress(topic, group, 20);

    Pipeline.PipelineExecutionException stopped =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> write(pipeline, topic, group));

    assertThat(
        stopped.getCause().getMessage(),
        containsString(
            group + " shard 0 has written numbers below 20 to " + topic + ", but this run numbers on"
                + " from 0"));
    assertThat(
        TopicRecords.readUntil(KAFKA.bootstrapServers(), topic, r -> true, Duration.ofSeconds(5)),
        hasSize(0));
    assertThat("the group's progress is untouched", progress(topic, group), is(20L));
  }

  private static void write(TestPipeline pipeline, String topic, String group) {
    pipeline
        .apply(
            Create.of(records())
                .withCoder(KvCoder.of(NullableCoder.of(StringUtf8Coder.of()), StringUtf8Coder.of())))
        .apply(WriteKafkaExactlyOnce.to(KAFKA.bootstrapServers(), topic, group));
    pipeline.run().waitUntilFinish();
  }

  /** What a writer's committed transaction leaves in Kafka: its group's progress on shard 0. */
  private static void recordProgress(String topic, String group, long next) throws Exception {
    KAFKA.createTopics(topic);
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "seed-" + UUID.randomUUID());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.sendOffsetsToTransaction(
          Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(next)),
          new ConsumerGroupMetadata(group));
      producer.commitTransaction();
    }
  }

  private static long progress(String topic, String group) {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition shard = new TopicPartition(topic, 0);
      OffsetAndMetadata committed = consumer.committed(Set.of(shard)).get(shard);
      return committed == null ? -1 : committed.offset();
    }
  }
}
