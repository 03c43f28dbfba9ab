package org.datamesh.core.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.windowing.AfterFirst;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes (key, value) text records to a Kafka topic exactly once across failures and restores
 * from checkpoints, on a runner that keeps a step's input stable across retries (Flink with
 * checkpointing, Dataflow).
 *
 * <pre>{@code
 * records.apply(WriteKafkaExactlyOnce.to("localhost:9092", "orders", "orders-stream.7F3A.rows"));
 * }</pre>
 *
 * <p>Each record is given a shard by its key (so one key's records keep their order) and a
 * number in its shard's sequence, kept in the runner's state; records are batched (up to 10,000,
 * or what 200 ms bring), and a shard writes only the unbroken run from the first number not yet
 * written, in a Kafka transaction that records that number beside the records ({@link
 * ShardTransactions}). Restored from its newest checkpoint, the writer reads the number back and
 * skips what a transaction already committed, whether or not the checkpoint saw that transaction.
 * Restored from an older checkpoint than the newest, the numbers would be given again to records
 * in another order, and what was written under them would not be what is skipped: resume from
 * the newest checkpoint only (as {@code stream --checkpoints} does).
 *
 * <p>Kafka forgets a group's offsets some time after its last commit ({@code
 * offsets.retention.minutes}, 7 days by default): a stream resumed later than that from a
 * checkpoint taken before its last transaction writes that transaction's records again. Set the
 * retention above the longest a stream may stay stopped.
 *
 * <p>That last point is why this exists beside KafkaIO's exactly-once sink: Beam 2.62's refuses
 * to resume when Kafka holds a shard's progress and the checkpoint holds no state for it ("Kafka
 * metadata exists for shard 0, but there is no stored state for it"), which is exactly the state
 * a stream killed between its first transaction and the next checkpoint leaves behind. Here the
 * number in Kafka is trusted, so {@code group} must belong to one run of one pipeline and its
 * restores: a pipeline started afresh takes a new group (as {@code stream --checkpoints} does).
 *
 * <p>Readers see the records once their transaction commits, with {@code isolation.level}
 * {@code read_committed}: on Flink, after the checkpoint that follows them.
 */
public final class WriteKafkaExactlyOnce
    extends PTransform<PCollection<KV<@Nullable String, String>>, PDone> {

  /** How long a batch collects records after its first before it is written. */
  private static final Duration BATCH_WAIT = Duration.millis(200);

  private final String bootstrapServers;
  private final String topic;
  private final String group;
  private final int shards;
  private final Map<String, Object> producerConfig;

  private WriteKafkaExactlyOnce(
      String bootstrapServers, String topic, String group, int shards, Map<String, Object> producerConfig) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.group = group;
    this.shards = shards;
    this.producerConfig = Map.copyOf(producerConfig);
  }

  /**
   * Writes to {@code topic} at {@code bootstrapServers}, keeping its progress under {@code group},
   * the same across the pipeline's restores and used by nothing else; one shard.
   */
  public static WriteKafkaExactlyOnce to(String bootstrapServers, String topic, String group) {
    return new WriteKafkaExactlyOnce(bootstrapServers, topic, group, 1, Map.of());
  }

  /**
   * Returns a {@link WriteKafkaExactlyOnce} like this one but writing through {@code shards}
   * transactions at a time, at most as many as the topic has partitions (each shard's progress
   * is kept as the offset of the partition of its number). The number is part of the group's
   * progress: keep it across restores.
   */
  public WriteKafkaExactlyOnce withShards(int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1, not " + shards);
    }
    return new WriteKafkaExactlyOnce(bootstrapServers, topic, group, shards, producerConfig);
  }

  /**
   * Returns a {@link WriteKafkaExactlyOnce} like this one but with these producer settings too
   * (compression, linger, ...); the transactional ones are its own.
   */
  public WriteKafkaExactlyOnce withProducerConfig(Map<String, Object> config) {
    Map<String, Object> merged = new HashMap<>(producerConfig);
    merged.putAll(config);
    return new WriteKafkaExactlyOnce(bootstrapServers, topic, group, shards, merged);
  }

  @Override
  public PDone expand(PCollection<KV<@Nullable String, String>> input) {
    Coder<KV<@Nullable String, String>> record =
        KvCoder.of(NullableCoder.of(StringUtf8Coder.of()), StringUtf8Coder.of());
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    input
        .apply(
            "GlobalWindow",
            Window.<KV<@Nullable String, String>>into(new GlobalWindows())
                // Batches, not a pane per record: one Kafka transaction per batch and shard.
                .triggering(
                    Repeatedly.forever(
                        AfterFirst.of(
                            AfterPane.elementCountAtLeast(ShardTransactions.MAX_TRANSACTION),
                            AfterProcessingTime.pastFirstElementInPane().plusDelayOf(BATCH_WAIT))))
                .discardingFiredPanes())
        .apply("Shard", ParDo.of(new ShardFn(shards)))
        .setCoder(KvCoder.of(VarIntCoder.of(), record))
        .apply("Number", ParDo.of(new NumberFn(config, topic, group)))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(VarLongCoder.of(), record)))
        .apply("Batch", GroupByKey.create())
        .apply("Write", ParDo.of(new WriteFn(config, topic, group, record)));
    return PDone.in(input.getPipeline());
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("bootstrapServers", bootstrapServers).withLabel("Kafka brokers"))
        .add(DisplayData.item("topic", topic).withLabel("Topic"))
        .add(DisplayData.item("group", group).withLabel("Progress kept as group"))
        .add(DisplayData.item("shards", shards).withLabel("Shards"));
  }

  /** A record's shard, by its key (by its value when it has none). */
  private static final class ShardFn
      extends DoFn<KV<@Nullable String, String>, KV<Integer, KV<@Nullable String, String>>> {
    private final int shards;

    ShardFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element KV<@Nullable String, String> record,
        OutputReceiver<KV<Integer, KV<@Nullable String, String>>> out) {
      String by = record.getKey() == null ? record.getValue() : record.getKey();
      out.output(KV.of(Math.floorMod(Objects.hashCode(by), shards), record));
    }
  }

  /**
   * Numbers each shard's records in the order they come, in the runner's state. The first time an
   * instance numbers for a shard, it checks that the numbering is not behind what the writers'
   * group has written: a run restored from a checkpoint older than its newest, or one reusing
   * another run's group, would hand out numbers already written for other records, and the writer
   * would skip records it never wrote. That stops the run, with a message saying so.
   */
  private static final class NumberFn
      extends DoFn<KV<Integer, KV<@Nullable String, String>>, KV<Integer, KV<Long, KV<@Nullable String, String>>>> {

    private final Map<String, Object> config;
    private final String topic;
    private final String group;

    @StateId("next")
    private final StateSpec<ValueState<Long>> nextSpec = StateSpecs.value(VarLongCoder.of());

    private transient @Nullable Set<Integer> checked;

    NumberFn(Map<String, Object> config, String topic, String group) {
      this.config = Map.copyOf(config);
      this.topic = topic;
      this.group = group;
    }

    @Setup
    public void setup() {
      checked = new HashSet<>();
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, KV<@Nullable String, String>> record,
        @StateId("next") ValueState<Long> next,
        OutputReceiver<KV<Integer, KV<Long, KV<@Nullable String, String>>>> out) {
      Long stored = next.read();
      long number = stored == null ? 0 : stored;
      int shard = record.getKey();
      if (Objects.requireNonNull(checked).add(shard)) {
        long written = ShardTransactions.committed(config, topic, group, shard);
        if (written > number) {
          throw new IllegalStateException(
              group + " shard " + shard + " has written numbers below " + written + " to " + topic
                  + ", but this run numbers on from " + number + ": it was restored from a"
                  + " checkpoint older than its newest, or another run uses the same group. Resume"
                  + " from the newest checkpoint, or start afresh under a new group");
        }
      }
      next.write(number + 1);
      out.output(KV.of(shard, KV.of(number, record.getValue())));
    }
  }

  /**
   * Writes a shard's batch, a transaction per 10,000 records at most: only the unbroken run from
   * the first number not yet written, keeping later ones in state until the gap fills. Its input is stable: retried,
   * it sees the same batch. No Beam metrics: on Flink, stable input is processed when a
   * checkpoint completes, on a thread without a metrics container.
   */
  private static final class WriteFn
      extends DoFn<KV<Integer, Iterable<KV<Long, KV<@Nullable String, String>>>>, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(WriteKafkaExactlyOnce.class);

    private final Map<String, Object> config;
    private final String topic;
    private final String group;

    @StateId("next")
    private final StateSpec<ValueState<Long>> nextSpec = StateSpecs.value(VarLongCoder.of());

    @StateId("waiting")
    private final StateSpec<BagState<KV<Long, KV<@Nullable String, String>>>> waitingSpec;

    /** The producers this instance has joined ({@link SharedTransactions}). */
    private transient @Nullable Set<String> joined;

    WriteFn(Map<String, Object> config, String topic, String group, Coder<KV<@Nullable String, String>> record) {
      this.config = Map.copyOf(config);
      this.topic = topic;
      this.group = group;
      this.waitingSpec = StateSpecs.bag(KvCoder.of(VarLongCoder.of(), record));
    }

    @Setup
    public void setup() {
      joined = new HashSet<>();
    }

    @RequiresStableInput
    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<Long, KV<@Nullable String, String>>>> batch,
        @StateId("next") ValueState<Long> next,
        @StateId("waiting") BagState<KV<Long, KV<@Nullable String, String>>> waiting) {
      int shard = batch.getKey();
      String key = group + "/" + topic + "/" + shard;
      if (Objects.requireNonNull(joined).add(key)) {
        SharedTransactions.join(key);
      }
      ShardTransactions transactions =
          SharedTransactions.get(key, () -> ShardTransactions.open(config, topic, group, shard));
      Long stored = next.read();
      List<KV<Long, KV<@Nullable String, String>>> held = new ArrayList<>();
      waiting.read().forEach(held::add);
      batch.getValue().forEach(held::add);
      ShardBacklog<KV<@Nullable String, String>> backlog;
      try {
        backlog = transactions.write(stored == null ? 0 : stored, held);
      } catch (RuntimeException e) {
        SharedTransactions.discard(key, transactions);
        throw e;
      }
      if (backlog.alreadyWritten() > 0) {
        LOG.info(
            "{} shard {}: {} records were already written, before a restore; skipped",
            group, shard, backlog.alreadyWritten());
      }
      if (!backlog.waiting().isEmpty()) {
        LOG.warn(
            "{} shard {}: {} records wait for number {}, which has not come yet",
            group, shard, backlog.waiting().size(), backlog.next());
      }
      waiting.clear();
      backlog.waiting().forEach(waiting::add);
      next.write(backlog.next());
    }

    @Teardown
    public void teardown() {
      if (joined != null) {
        joined.forEach(SharedTransactions::leave);
        joined.clear();
      }
    }
  }
}
