package org.datamesh.examples.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.kafka.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's Kafka scenarios against a real broker, at a test's size. {@code ingest-log} (2,000
 * lines, a warm-up of 100, one repeat): both variants report a throughput from the same lines, the
 * ratio is theirs, and every run's own topic holds each line exactly once, read here from the
 * broker rather than taken from the bench. {@code kafka-stream} (2,000 orders, short phases): the
 * library's {@code stream} and the plain loop drain the same export to the same counts, each
 * output topic holds what its counts say, and both report a rate and latencies. Never asserts a
 * speed.
 */
class BenchKafkaIT {

  @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

  @TempDir Path folder;

  @Test
  void ingestLogMeasuresBothProducersOnTheSameLinesEachIntoItsOwnTopic() throws Exception {
    CliOutcome bench =
        CliOutcome.run(
            "bench",
            "--scenarios=ingest-log",
            "--records=2000",
            "--warmupRecords=100",
            // C1 only: short child runs start faster; this test checks the suite, not figures
            "--childJvmOptions=-XX:TieredStopAtLevel=1",
            "--bootstrapServers=" + KAFKA.bootstrapServers(),
            "--output=" + folder);
    System.out.print(bench.out());
    assertThat(bench.out() + bench.err(), bench.status(), is(0));

    JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
    assertThat(results.path("countsAgree").asBoolean(), is(true));
    assertThat(results.path("scenarios").size(), is(1));
    JsonNode scenario = results.path("scenarios").get(0);
    assertThat(scenario.path("name").asText(), is("ingest-log"));
    assertThat(scenario.path("unit").asText(), is("lines/s"));
    assertThat(scenario.path("goal").asText(), is(">= 0.9"));
    assertThat(scenario.path("countsAgree").asBoolean(), is(true));

    JsonNode library = scenario.path("runs").path("library");
    JsonNode baseline = scenario.path("runs").path("baseline");
    assertThat(library.path("kind").asText(), is("ingest-library"));
    assertThat(baseline.path("kind").asText(), is("ingest-plain"));
    for (JsonNode run : List.of(library, baseline)) {
      assertThat(run.path("records").asLong(), is(2000L));
      assertThat(run.path("counts").path("input").asLong(), is(2000L));
      assertThat(run.path("counts").path("published").asLong(), is(2000L));
      assertThat(run.path("wallSeconds").asDouble(), greaterThan(0.0));
      assertThat(run.path("warmedUp").asBoolean(), is(true));
    }
    double value = scenario.path("value").asDouble();
    double base = scenario.path("baseline").asDouble();
    assertThat(value, closeTo(2000 / library.path("wallSeconds").asDouble(), 1e-6));
    assertThat(base, closeTo(2000 / baseline.path("wallSeconds").asDouble(), 1e-6));
    assertThat(value, greaterThan(0.0));
    assertThat(base, greaterThan(0.0));
    assertThat(scenario.path("ratio").asDouble(), closeTo(value / base, 1e-9));
    assertThat(scenario.path("options").asText(), containsString("library: ingest-log's send path"));

    // Four fresh topics: each variant's timed run holds the file's 2,000 lines, its warm-up 100.
    Map<String, Long> topics = benchTopics("ingest_");
    assertThat(topics.toString(), topics.keySet(), hasSize(4));
    assertThat(
        topics.values().stream().sorted().toList(), equalTo(List.of(100L, 100L, 2000L, 2000L)));
    assertThat(
        topics.keySet().stream().filter(t -> t.endsWith("ingest_library-2000-1")).count(), is(1L));
    assertThat(
        topics.keySet().stream().filter(t -> t.endsWith("ingest_plain-2000-1")).count(), is(1L));
  }

  @Test
  void kafkaStreamDrainsTheSameExportThroughStreamAndThePlainLoopWithTheSameCounts()
      throws Exception {
    CliOutcome bench =
        CliOutcome.run(
            "bench",
            "--scenarios=kafka-stream",
            "--records=2000",
            // short phases: this test checks the suite, not figures
            "--childJvmOptions=-XX:TieredStopAtLevel=1 -Ddatamesh.bench.quietSeconds=3"
                + " -Ddatamesh.bench.latencySeconds=2",
            "--bootstrapServers=" + KAFKA.bootstrapServers(),
            "--output=" + folder);
    System.out.print(bench.out());
    assertThat(bench.out() + bench.err(), bench.status(), is(0));

    JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
    JsonNode scenario = results.path("scenarios").get(0);
    assertThat(scenario.path("name").asText(), is("kafka-stream"));
    assertThat(scenario.path("unit").asText(), is("records/s"));
    assertThat(scenario.path("goal").asText(), is(">= 0.5"));
    assertThat(scenario.toString(), scenario.path("countsAgree").asBoolean(), is(true));

    JsonNode library = scenario.path("runs").path("library");
    JsonNode baseline = scenario.path("runs").path("baseline");
    assertThat(library.path("kind").asText(), is("stream-library"));
    assertThat(baseline.path("kind").asText(), is("stream-plain"));
    JsonNode counts = library.path("counts");
    assertThat(counts, equalTo(baseline.path("counts")));
    long input = counts.path("input").asLong();
    assertThat("2,000 orders and the generator's repeats", input, greaterThan(2000L));
    // the generator's defects are quarantined as in batch (the bench checks them against its
    // ledger); its later versions of an order are published as updates, as a stream does
    assertThat(counts.path("quarantined").asLong(), greaterThan(0L));
    assertThat(
        counts.path("input").asLong(),
        is(
            counts.path("published").asLong()
                + counts.path("quarantined").asLong()
                + counts.path("deduplicated").asLong()));
    for (JsonNode run : List.of(library, baseline)) {
      JsonNode stream = run.path("stream");
      assertThat(run.toString(), run.path("records").asLong(), is(2000L));
      assertThat(stream.path("records").asLong(), is(input));
      assertThat(stream.path("drainSeconds").asDouble(), greaterThan(0.0));
      assertThat(
          stream.path("sustainedRate").asDouble(),
          closeTo(input / stream.path("drainSeconds").asDouble(), 1e-6));
      assertThat(
          stream.path("latencyRate").asDouble(),
          closeTo(stream.path("sustainedRate").asDouble() / 2, 1e-6));
      assertThat(stream.path("latencyRecords").asLong(), greaterThan(99L));
      assertThat(stream.path("p50Millis").asDouble(), greaterThan(0.0));
      assertThat(
          stream.path("p99Millis").asDouble(),
          greaterThanOrEqualTo(stream.path("p50Millis").asDouble()));
    }
    assertThat(
        scenario.path("value").asDouble(),
        closeTo(library.path("stream").path("sustainedRate").asDouble(), 1e-6));
    assertThat(
        scenario.path("baseline").asDouble(),
        closeTo(baseline.path("stream").path("sustainedRate").asDouble(), 1e-6));

    // Each side's own output topic holds what its counts say, read here from the broker; the
    // output topics also hold the latency phase's fresh orders, one record each.
    Map<String, Long> topics = benchTopics("stream_");
    assertThat(topics.toString(), topics.keySet(), hasSize(6));
    for (String side : List.of("stream_library", "stream_plain")) {
      JsonNode run = side.equals("stream_library") ? library : baseline;
      long fresh = run.path("stream").path("latencyRecords").asLong();
      assertThat(topics.get(topicOf(topics, side, ".in")), is(input + fresh));
      assertThat(topics.get(topicOf(topics, side, ".out")), is(counts.path("published").asLong() + fresh));
      assertThat(
          topics.get(topicOf(topics, side, ".quarantine")), is(counts.path("quarantined").asLong()));
    }
  }

  private static String topicOf(Map<String, Long> topics, String side, String suffix) {
    return topics.keySet().stream()
        .filter(t -> t.endsWith(side + "-2000-1" + suffix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + side + suffix + " topic in " + topics));
  }

  /** Every bench topic whose name holds {@code part}, with the records it holds. */
  private static Map<String, Long> benchTopics(String part) throws Exception {
    Properties settings = new Properties();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    Map<String, Long> records = new TreeMap<>();
    try (Admin admin = Admin.create(settings)) {
      Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      for (String name : names) {
        if (!name.startsWith("datamesh-bench-") || !name.contains(part)) {
          continue;
        }
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        admin.describeTopics(List.of(name)).allTopicNames().get(30, TimeUnit.SECONDS).get(name)
            .partitions()
            .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest()));
        long sum = 0;
        for (var info : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values()) {
          sum += info.offset();
        }
        records.put(name, sum);
      }
    }
    return records;
  }
}
