package org.datamesh.core.stream;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.TimestampPolicyFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.parse.Message;
import org.datamesh.core.parse.MessageEventTime;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Reads a Kafka topic as {@link Message}s stamped with their event time: the bytes of each
 * record's value, never decoded here, with its topic, partition and offset.
 *
 * <pre>{@code
 * PCollection<Message> messages =
 *     pipeline.apply(
 *         KafkaMessages.from("localhost:9092", "orders-raw")
 *             .withEventTime(ParseMessages.json(schema).then(path).eventTime("ordered_at"))
 *             .withMaxOutOfOrderness(Duration.standardSeconds(30))
 *             .withConsumerGroup("sales.orders"));
 * }</pre>
 *
 * <p>Event time comes from a field of the row each message becomes ({@link MessageEventTime}), or
 * the broker's timestamp when none is given; a message without one (a failing one) takes the
 * newest time of its partition ({@link EventTimePolicy}). The watermark
 * trails the newest time by the out-of-orderness and follows the clock once a partition is read
 * to its end ({@link EventTimePolicy}).
 *
 * <p>No offset is committed to Kafka: Beam 2.62 commits the offsets it has <em>read</em>, whether
 * or not what they became was written, so a pipeline started again from committed offsets could
 * skip records. A pipeline resumes from its runner's checkpoint instead (on Flink, from a retained
 * checkpoint), and without one reads the topic from its earliest offset again: records are read
 * twice at worst, never skipped.
 */
public final class KafkaMessages extends PTransform<PBegin, PCollection<Message>> {

  /** The default out-of-orderness: events may arrive up to 10 seconds behind the newest. */
  public static final Duration DEFAULT_MAX_OUT_OF_ORDERNESS = Duration.standardSeconds(10);

  private final String bootstrapServers;
  private final String topic;
  private final @Nullable MessageEventTime eventTime;
  private final Duration maxOutOfOrderness;
  private final @Nullable String consumerGroup;

  private KafkaMessages(
      String bootstrapServers,
      String topic,
      @Nullable MessageEventTime eventTime,
      Duration maxOutOfOrderness,
      @Nullable String consumerGroup) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.eventTime = eventTime;
    this.maxOutOfOrderness = maxOutOfOrderness;
    this.consumerGroup = consumerGroup;
  }

  /** The messages of {@code topic} on the brokers {@code bootstrapServers} (HOST:PORT,...). */
  public static KafkaMessages from(String bootstrapServers, String topic) {
    return new KafkaMessages(bootstrapServers, topic, null, DEFAULT_MAX_OUT_OF_ORDERNESS, null);
  }

  /** Returns a {@link KafkaMessages} like this one but taking each message's time from {@code eventTime}. */
  public KafkaMessages withEventTime(MessageEventTime eventTime) {
    return new KafkaMessages(bootstrapServers, topic, eventTime, maxOutOfOrderness, consumerGroup);
  }

  /** Returns a {@link KafkaMessages} like this one but letting events arrive up to {@code delay} late without being late. */
  public KafkaMessages withMaxOutOfOrderness(Duration delay) {
    if (delay.getMillis() < 0) {
      throw new IllegalArgumentException("the out-of-orderness cannot be negative");
    }
    return new KafkaMessages(bootstrapServers, topic, eventTime, delay, consumerGroup);
  }

  /** Returns a {@link KafkaMessages} like this one but reading as the consumer group {@code group} (offsets are not committed). */
  public KafkaMessages withConsumerGroup(String group) {
    return new KafkaMessages(bootstrapServers, topic, eventTime, maxOutOfOrderness, group);
  }

  @Override
  public PCollection<Message> expand(PBegin begin) {
    Map<String, Object> consumer = new HashMap<>();
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    if (consumerGroup != null) {
      consumer.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroup);
    }
    MessageEventTime timeOfMessage = eventTime;
    Duration delay = maxOutOfOrderness;
    TimestampPolicyFactory<byte[], byte[]> policy =
        (partition, previous) -> new EventTimePolicy(recordTime(timeOfMessage), delay, previous);
    KafkaIO.Read<byte[], byte[]> read =
        KafkaIO.<byte[], byte[]>read()
            .withBootstrapServers(bootstrapServers)
            .withTopic(topic)
            .withKeyDeserializer(ByteArrayDeserializer.class)
            .withValueDeserializer(ByteArrayDeserializer.class)
            .withConsumerConfigUpdates(consumer)
            .withTimestampPolicyFactory(policy);
    return begin
        .apply("ReadKafka", read)
        .apply("ToMessages", ParDo.of(new ToMessageFn()))
        .setCoder(Message.Coder.of());
  }

  private static SerializableFunction<KafkaRecord<byte[], byte[]>, @Nullable Instant> recordTime(
      @Nullable MessageEventTime eventTime) {
    if (eventTime == null) {
      return record -> new Instant(record.getTimestamp());
    }
    return record -> eventTime.apply(toMessage(record));
  }

  private static Message toMessage(KafkaRecord<byte[], byte[]> record) {
    return Message.of(
        record.getTopic(), record.getPartition(), record.getOffset(), record.getKV().getValue());
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("bootstrapServers", bootstrapServers).withLabel("Kafka brokers"))
        .add(DisplayData.item("topic", topic).withLabel("Topic"))
        .add(
            DisplayData.item("eventTime", eventTime == null ? "broker timestamp" : eventTime.field())
                .withLabel("Event time"))
        .add(
            DisplayData.item("maxOutOfOrderness", maxOutOfOrderness.toString())
                .withLabel("Out-of-orderness allowed"))
        .addIfNotNull(DisplayData.item("consumerGroup", consumerGroup).withLabel("Consumer group"));
  }

  private static final class ToMessageFn extends DoFn<KafkaRecord<byte[], byte[]>, Message> {
    @ProcessElement
    public void process(@Element KafkaRecord<byte[], byte[]> record, OutputReceiver<Message> out) {
      out.output(toMessage(record));
    }
  }
}
