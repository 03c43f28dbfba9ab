package org.datamesh.examples.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.datamesh.examples.cli.QuietConsole;
import org.datamesh.examples.cli.UsageException;

/**
 * The {@code ingest-log} scenario's side of the broker it was given ({@code --bootstrapServers}):
 * whether it answers, a fresh topic for every run (warm-up included), and how many records a topic
 * holds once a run is over, which is how the bench checks that every line arrived exactly once.
 *
 * <pre>{@code
 * BenchTopics.requireReachable("localhost:9092");
 * try (BenchTopics topics = BenchTopics.open("localhost:9092")) {
 *   String topic = BenchTopics.topic(prefix, runFolder);
 *   topics.create(List.of(topic, BenchTopics.topic(prefix, warmupFolder)));
 *   // ... the child JVM sends the file's lines to the topic ...
 *   long records = topics.records(topic);
 * }
 * }</pre>
 *
 * <p>A child run learns the broker and its topics from its arguments, {@code
 * --bootstrapServers=HOST:PORT --topicPrefix=P}; its topic is named after its output folder,
 * which the warm-up's differs from. Topics get the broker's default partitions and replication,
 * and are left on the broker afterwards.
 */
final class BenchTopics implements AutoCloseable {

  /** How long the brokers have to answer, as {@code ingest-log}'s default {@code --timeoutSeconds}. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Admin admin;

  private BenchTopics(Admin admin) {
    this.admin = admin;
  }

  /**
   * Returns once a broker of {@code servers} answers; a usage error, one line, when none does
   * within {@link #TIMEOUT}, before anything was measured.
   */
  static void requireReachable(String servers) throws UsageException, InterruptedException {
    // The client's warnings about every refused connection stay off the console: one line.
    try (QuietConsole quiet = QuietConsole.unless(false);
        Admin admin = Admin.create(settings(servers))) {
      admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
      throw new UsageException(
          "no Kafka broker answered at " + servers + " within " + TIMEOUT.toSeconds()
              + " s; nothing was measured");
    }
  }

  static BenchTopics open(String servers) {
    return new BenchTopics(Admin.create(settings(servers)));
  }

  /** The topic of the run whose output folder is {@code output}: {@code prefix} + its name. */
  static String topic(String prefix, Path output) {
    return prefix + output.getFileName();
  }

  /** The value of {@code --name=value} among a child's arguments; an error when it is missing. */
  static String argument(String[] args, String name) {
    String flag = "--" + name + "=";
    for (String arg : args) {
      if (arg.startsWith(flag)) {
        return arg.substring(flag.length());
      }
    }
    throw new IllegalArgumentException("missing " + flag + "...");
  }

  /** Creates {@code topics}, each with the broker's default partitions and replication. */
  void create(List<String> topics) throws IOException, InterruptedException {
    create(topics, Optional.empty());
  }

  /** Creates {@code topics}, each of one partition, with the broker's default replication. */
  void createWithOnePartition(List<String> topics) throws IOException, InterruptedException {
    create(topics, Optional.of(1));
  }

  private void create(List<String> topics, Optional<Integer> partitions)
      throws IOException, InterruptedException {
    List<NewTopic> fresh = new ArrayList<>();
    for (String topic : topics) {
      fresh.add(new NewTopic(topic, partitions, Optional.empty()));
    }
    answer(admin.createTopics(fresh).all(), "creating " + topics);
  }

  /**
   * The records {@code topic} holds, over all its partitions. The producers are idempotent and
   * not transactional, so every record takes one offset and none is a control record: a line
   * written twice shows as one record too many.
   */
  long records(String topic) throws IOException, InterruptedException {
    String what = "counting the records of " + topic;
    TopicDescription description =
        answer(admin.describeTopics(List.of(topic)).allTopicNames(), what).get(topic);
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    description.partitions().forEach(
        p -> {
          TopicPartition partition = new TopicPartition(topic, p.partition());
          earliest.put(partition, OffsetSpec.earliest());
          latest.put(partition, OffsetSpec.latest());
        });
    long records = 0;
    for (ListOffsetsResultInfo end : answer(admin.listOffsets(latest).all(), what).values()) {
      records += end.offset();
    }
    for (ListOffsetsResultInfo start : answer(admin.listOffsets(earliest).all(), what).values()) {
      records -= start.offset();
    }
    return records;
  }

  @Override
  public void close() {
    admin.close();
  }

  /** The broker's answer within {@link #TIMEOUT}; an IOException saying what failed otherwise. */
  private static <T> T answer(KafkaFuture<T> future, String what)
      throws IOException, InterruptedException {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IOException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException(what + ": no answer within " + TIMEOUT.toSeconds() + " s", e);
    }
  }

  private static Properties settings(String servers) {
    Properties settings = new Properties();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "datamesh-bench");
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    return settings;
  }
}
