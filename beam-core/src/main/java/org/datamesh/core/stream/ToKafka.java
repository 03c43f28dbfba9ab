package org.datamesh.core.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.Row;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.FailureJson;
import org.datamesh.core.failure.RowPayload;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.failure.SourcePosition;

/**
 * Writes a stream's outputs to Kafka topics as JSON text, through an idempotent producer with
 * {@code acks=all}: rows keyed by their primary key (so a compacted topic keeps each key's
 * newest), failures and window tallies as {@link FailureJson} and tally objects.
 *
 * <pre>{@code
 * result.published().apply(ToKafka.rows("localhost:9092", "orders", List.of("order_id")));
 * result.failures().apply(ToKafka.failures("localhost:9092", "orders.quarantine"));
 * result.tallies().apply(ToKafka.tallies("localhost:9092", "orders.tallies"));
 * }</pre>
 */
public final class ToKafka<T> extends PTransform<PCollection<T>, PDone> {

  private final String bootstrapServers;
  private final String topic;
  private final String what;
  private final SerializableFunction<T, KV<@Nullable String, String>> record;
  private final @Nullable String transactionGroup;

  private ToKafka(
      String bootstrapServers,
      String topic,
      String what,
      SerializableFunction<T, KV<@Nullable String, String>> record,
      @Nullable String transactionGroup) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.what = what;
    this.record = record;
    this.transactionGroup = transactionGroup;
  }

  /**
   * Returns a {@link ToKafka} like this one but writing each record exactly once, in Kafka
   * transactions ({@link WriteKafkaExactlyOnce}): after a failure and a restore from a
   * checkpoint, nothing written since is written again. Readers see the records once their
   * transaction commits, with {@code isolation.level} {@code read_committed}. Needs a runner that
   * keeps input stable across retries (Flink with checkpointing, Dataflow); {@code group} names
   * the writer's progress in Kafka: one per output of one run of a pipeline, the same across its
   * restores, never reused by a pipeline started afresh.
   */
  public ToKafka<T> withExactlyOnce(String group) {
    return new ToKafka<>(bootstrapServers, topic, what, record, group);
  }

  /**
   * Rows as JSON objects (without the source position), keyed by the text of {@code keyFields}:
   * one value as it is, several as a JSON array. A row without a key (none declared, or a part
   * missing) is keyed by its source position, {@code topic[partition]@offset}, so that it is never
   * merged with another and a compacted topic takes it.
   */
  public static ToKafka<Row> rows(String bootstrapServers, String topic, List<String> keyFields) {
    List<String> key = List.copyOf(keyFields);
    return new ToKafka<>(
        bootstrapServers, topic, "rows", row -> keyed(row, key), null);
  }

  /** Failures as {@link FailureJson} objects, keyed by their source ({@code topic[partition]@offset}). */
  public static ToKafka<Failure> failures(String bootstrapServers, String topic) {
    return new ToKafka<>(
        bootstrapServers,
        topic,
        "failures",
        failure ->
            KV.of(failure.source() == null ? null : failure.source().toString(), FailureJson.of(failure)),
        null);
  }

  /** Window tallies as JSON objects, keyed by the window's start. */
  public static ToKafka<WindowTally> tallies(String bootstrapServers, String topic) {
    return new ToKafka<>(
        bootstrapServers, topic, "window tallies", t -> KV.of(t.start().toString(), json(t)), null);
  }

  /**
   * Each window's dataset check results as JSON objects ({@link #json(WindowQuality)}), keyed by
   * the window's start.
   */
  public static ToKafka<WindowQuality> quality(String bootstrapServers, String topic) {
    return new ToKafka<>(
        bootstrapServers, topic, "window quality", q -> KV.of(q.start().toString(), json(q)), null);
  }

  /**
   * A window's quality as one JSON object: {@code windowStart}, {@code windowEnd}, {@code score},
   * {@code checks} (as in a batch run's report), {@code metrics} and {@code topValues}.
   */
  public static String json(WindowQuality window) {
    ObjectNode node = JSON.createObjectNode();
    node.put("windowStart", window.start().toString());
    node.put("windowEnd", window.end().toString());
    node.put("score", window.quality().score());
    node.set("checks", JSON.valueToTree(window.quality().checks()));
    node.set("metrics", JSON.valueToTree(window.quality().metrics()));
    node.set("topValues", JSON.valueToTree(window.quality().topValues()));
    return text(node);
  }

  /** A tally as one JSON object. */
  public static String json(WindowTally tally) {
    ObjectNode node = JSON.createObjectNode();
    node.put("windowStart", tally.start().toString());
    node.put("windowEnd", tally.end().toString());
    node.put("pane", tally.pane());
    node.put("in", tally.in());
    node.put("published", tally.published());
    node.put("quarantined", tally.quarantined());
    node.put("deduplicated", tally.deduplicated());
    ObjectNode warnings = node.putObject("warnings");
    tally.warnings().forEach(warnings::put);
    return text(node);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The row as JSON, keyed by its key fields' values: one as its text, several as an array. */
  private static KV<@Nullable String, String> keyed(Row row, List<String> keyFields) {
    ObjectNode node = RowPayload.toJson(row);
    String key = null;
    if (keyFields.size() == 1) {
      JsonNode value = node.get(keyFields.get(0));
      key = value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : text(value);
    } else if (!keyFields.isEmpty()) {
      ArrayNode parts = JSON.createArrayNode();
      for (String field : keyFields) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
          parts = null;
          break;
        }
        parts.add(value);
      }
      key = parts == null ? null : text(parts);
    }
    if (key == null) {
      // Never merged with another row, as in batch; and a compacted topic refuses records
      // without a key, which would stop the stream at this one: keyed by where it came from.
      SourcePosition position = SourceField.positionOf(row);
      key = position == null ? null : position.toString();
    }
    return KV.of(key, text(node));
  }

  private static String text(Object node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not render JSON", e);
    }
  }

  @Override
  public PDone expand(PCollection<T> input) {
    Map<String, Object> producer =
        Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
            ProducerConfig.LINGER_MS_CONFIG, 20);
    PCollection<KV<@Nullable String, String>> records =
        input
            .apply("ToRecords", ParDo.of(new RecordFn<>(record)))
            .setCoder(KvCoder.of(NullableCoder.of(StringUtf8Coder.of()), StringUtf8Coder.of()));
    if (transactionGroup != null) {
      // One shard: one transaction at a time, in the order the records come.
      return records.apply(
          "WriteKafkaExactlyOnce",
          WriteKafkaExactlyOnce.to(bootstrapServers, topic, transactionGroup)
              .withProducerConfig(producer));
    }
    return records.apply(
        "WriteKafka",
        KafkaIO.<String, String>write()
            .withBootstrapServers(bootstrapServers)
            .withTopic(topic)
            .withKeySerializer(StringSerializer.class)
            .withValueSerializer(StringSerializer.class)
            .withProducerConfigUpdates(producer));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("bootstrapServers", bootstrapServers).withLabel("Kafka brokers"))
        .add(DisplayData.item("topic", topic).withLabel("Topic"))
        .add(DisplayData.item("records", what).withLabel("Writes"))
        .add(DisplayData.item("exactlyOnce", transactionGroup != null).withLabel("Exactly once"));
  }

  private static final class RecordFn<T> extends DoFn<T, KV<@Nullable String, String>> {
    private final SerializableFunction<T, KV<@Nullable String, String>> record;

    RecordFn(SerializableFunction<T, KV<@Nullable String, String>> record) {
      this.record = record;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<@Nullable String, String>> out) {
      out.output(record.apply(element));
    }
  }
}
