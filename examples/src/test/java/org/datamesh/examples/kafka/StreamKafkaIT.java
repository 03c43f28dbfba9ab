package org.datamesh.examples.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.contract.RunProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop against a real broker: {@code ingest-log} sends a file of order events, {@code
 * stream} (embedded Flink, its own JVM) builds the product from the topic, and the output,
 * quarantine and tally topics hold exactly what the events call for: each valid version once,
 * every failure with its reasons and its payload encrypted, no e-mail address in clear, and
 * window counts that add up. The broker stopped and started again under a running stream loses
 * nothing and duplicates nothing; nor does a stream with checkpoints killed right after its first
 * transaction and started again.
 */
class StreamKafkaIT {

  @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final int ORDERS = 400;

  @TempDir Path dir;

  /** The events to send and what the product must make of them, worked out here, not by it. */
  private static final class Events {
    final List<String> lines = new ArrayList<>();
    final Set<String> published = new HashSet<>();
    int duplicates;
    int quarantined;
    final Set<String> emails = new HashSet<>();
  }

  private static Events events() {
    Events events = new Events();
    for (int i = 0; i < ORDERS; i++) {
      String id = String.format(Locale.ROOT, "ORD-%06d", i);
      String at = T0.plusMillis(450L * i).toString();
      String email = "customer" + i + "@example.com";
      events.emails.add(email);
      String v1 = order(" " + id + " ", 1, email, "12.34", at); // trimmed by standardization
      events.lines.add(v1);
      events.published.add(id + "/1");
      if (i % 10 == 3) {
        events.lines.add(v1); // a producer's retry: the same content again
        events.duplicates++;
      }
      if (i % 7 == 2) {
        events.lines.add(order(id, 2, email, "15.00", at)); // a newer version: an update
        events.published.add(id + "/2");
      }
      if (i % 13 == 5) {
        events.lines.add(order(id, 0, email, "9.99", at)); // an older version, late
        events.duplicates++;
      }
      if (i % 50 == 17) {
        events.lines.add("{\"order_id\": \"" + id + "\", \"customer_email\": \"" + email); // cut off
        events.quarantined++;
      }
      if (i % 40 == 11) {
        events.lines.add(order("ORD-9" + id.substring(5), 1, email, "-5.00", at)); // below minimum
        events.quarantined++;
      }
    }
    // an older version, dated minutes later: a window with a message and no published row
    events.lines.add(
        order("ORD-000000", 0, "customer0@example.com", "1.00", T0.plusSeconds(300).toString()));
    events.duplicates++;
    return events;
  }

  private static String order(String id, int version, String email, String amount, String at) {
    return "{\"order_id\":\"" + id + "\",\"version\":" + version + ",\"customer_email\":\"" + email
        + "\",\"amount\":" + amount + ",\"ordered_at\":\"" + at + "\"}";
  }

  @Test
  void ingestedEventsBecomeTheProductItsQuarantineAndWindowCountsThatAddUp() throws Exception {
    Events events = events();
    Path file = dir.resolve("order-events.jsonl");
    Files.write(file, events.lines, StandardCharsets.UTF_8);
    Path keyset = dir.resolve("keys.json");
    assertThat(CliOutcome.run("keys", "--keyset=" + keyset).status(), is(ExitCode.OK));
    Path contract = contract();

    CliOutcome sent = ingest(file, "order-events-raw");
    assertThat(sent.err(), sent.status(), is(ExitCode.OK));

    RunProcess stream =
        RunProcess.start(
            List.of(
                "stream",
                "--contract=" + contract,
                "--bootstrapServers=" + KAFKA.bootstrapServers(),
                "--inputTopic=order-events-raw",
                "--tallyTopic=order-events.tallies",
                "--qualityTopic=order-events.quality",
                "--eventTime=ordered_at",
                "--keyset=" + keyset,
                "--output=" + dir.resolve("mesh"),
                "--parallelism=2"),
            dir.resolve("stream.log"),
            Map.of());
    try {
      int total = events.lines.size();
      // The output topic is the contract's kafka server's: the table's name. One consumer reads
      // the four topics at once, each as long as the slowest (one start-up and one quiet end, not
      // four); the quality topic is complete once it judged each window the tallies show, its
      // checks judged once the watermark passes the window's end.
      Map<String, List<ConsumerRecord<String, String>>> read =
          TopicRecords.readUntil(
              KAFKA.bootstrapServers(),
              List.of(
                  "order_events", "order_events.quarantine", "order-events.tallies",
                  "order-events.quality"),
              r ->
                  r.get("order_events").size() >= events.published.size()
                      && r.get("order_events.quarantine").size() >= events.quarantined
                      && sum(r.get("order-events.tallies"), "in") >= total
                      && r.get("order-events.quality").size()
                          >= windows(r.get("order-events.tallies")).size(),
              Duration.ofMinutes(7));
      List<ConsumerRecord<String, String>> rows = read.get("order_events");
      List<ConsumerRecord<String, String>> failures = read.get("order_events.quarantine");
      List<ConsumerRecord<String, String>> tallies = read.get("order-events.tallies");
      List<ConsumerRecord<String, String>> quality = read.get("order-events.quality");

      Set<String> published = new HashSet<>();
      for (ConsumerRecord<String, String> row : rows) {
        JsonNode value = JSON.readTree(row.value());
        String id = value.get("order_id").asText();
        assertThat("keyed by the primary key", row.key(), equalTo(id));
        assertThat("published once: " + id, published.add(id + "/" + value.get("version").asLong()), is(true));
        assertThat(value.get("customer_email").asText(), not(containsString("@")));
      }
      assertThat(stream.log(), published, equalTo(events.published));
      assertThat(failures, hasSize(events.quarantined));
      List<String> payloads = new ArrayList<>();
      Map<String, Integer> stages = new HashMap<>();
      for (ConsumerRecord<String, String> failure : failures) {
        JsonNode value = JSON.readTree(failure.value());
        payloads.add(value.get("payload").asText());
        stages.merge(value.get("stage").asText(), 1, Integer::sum);
        assertThat(value.get("source").get("source").asText(), equalTo("order-events-raw"));
        assertThat(value.get("violations").get(0).get("reason").asText(), not(equalTo("")));
      }
      assertThat(payloads, everyItem(startsWith("enc:")));
      assertThat(stages.get("PARSE"), equalTo(countOf(events.lines, l -> !l.endsWith("}"))));
      for (String email : events.emails) {
        assertThat(String.join("\n", rows.stream().map(ConsumerRecord::value).toList()), not(containsString(email)));
      }
      assertThat(sum(tallies, "in"), equalTo((long) total));
      assertThat(sum(tallies, "published"), equalTo((long) events.published.size()));
      assertThat(sum(tallies, "quarantined"), equalTo((long) events.quarantined));
      assertThat(sum(tallies, "deduplicated"), equalTo((long) events.duplicates));
      assertThat("events span four windows of a minute", windows(tallies), hasSize(4));
      assertThat(stream.log(), containsString("sales.order_events window 2026-12-01T10:00:00.000Z"));
      long judged = 0;
      for (ConsumerRecord<String, String> window : quality) {
        JsonNode value = JSON.readTree(window.value());
        assertThat(windows(tallies), hasItem(value.get("windowStart").asText()));
        List<String> checks = new ArrayList<>();
        value.get("checks").forEach(c -> checks.add(c.get("id").asText() + "=" + c.get("passed").asBoolean()));
        // the window of one duplicate is judged too, on no rows: too few, and no maximum
        boolean empty = Instant.parse(value.get("windowStart").asText()).equals(T0.plusSeconds(300));
        assertThat(
            window.value(),
            checks,
            equalTo(
                empty
                    ? List.of("some_orders=false", "amounts_sane=false")
                    : List.of("some_orders=true", "amounts_sane=true")));
        judged += value.get("metrics").get("input").asLong();
        assertThat(window.value(), not(containsString("@")));
      }
      // a window is judged on the messages on time for it: all of them, or all but a late few
      assertThat(judged, lessThanOrEqualTo((long) total));
      assertThat(judged, greaterThan(total / 2L));
      assertThat(stream.log(), containsString("checks 2 of 2 passed"));
      String raw = String.join("\n", tallies.stream().map(ConsumerRecord::value).toList());
      assertThat(raw, not(containsString("@")));

      // The same product as Parquet, committed window by window, read back by DuckDB.
      Path product = dir.resolve("mesh/sales/order_events");
      Manifest manifest = CommittedWindows.await(product, total, stream::log);
      Manifest.Table table = manifest.table("order_events");
      assertThat(
          table.counts(),
          equalTo(
              new Manifest.Counts(
                  total, events.published.size(), events.quarantined, events.duplicates)));
      assertThat(table.windows(), hasSize(4));
      String data = DuckDb.parquet(product, table.files());
      List<String> versions = new ArrayList<>();
      for (Map<String, Object> row :
          DuckDb.query("SELECT order_id || '/' || version AS v, customer_email FROM " + data)) {
        versions.add((String) row.get("v"));
        assertThat((String) row.get("customer_email"), not(containsString("@")));
      }
      assertThat("every published version once", versions, hasSize(events.published.size()));
      assertThat(new HashSet<>(versions), equalTo(events.published));
      List<Map<String, Object>> quarantined =
          DuckDb.query(
              "SELECT stage, raw_payload FROM " + DuckDb.parquet(product, table.quarantineFiles()));
      assertThat(quarantined, hasSize(events.quarantined));
      for (Map<String, Object> failure : quarantined) {
        assertThat((String) failure.get("raw_payload"), startsWith("enc:"));
      }
      assertThat(
          table.quality().failuresByStage().get("PARSE"),
          equalTo((long) countOf(events.lines, l -> !l.endsWith("}"))));
      assertThat(stream.log(), containsString("sales.order_events committed run " + manifest.runId()));
      assertThat(stream.log(), not(containsString("@example.com")));
      stream.log().lines().filter(l -> l.contains(" window ") || l.startsWith("Streaming"))
          .forEach(System.out::println);
    } finally {
      stream.kill();
    }
  }

  @Test
  void aBrokerRestartedMidStreamLosesNothingAndPublishesNothingTwice() throws Exception {
    // Two batches of distinct orders: the first before the broker stops, the second after it is
    // back on the same port and log. The same stream runs through it all.
    OrderBatches batches = OrderBatches.of(7, "restart", "20.00");
    List<String> first = batches.first();
    List<String> second = batches.second();
    Set<String> expected = batches.ids();
    Path keyset = dir.resolve("keys.json");
    assertThat(CliOutcome.run("keys", "--keyset=" + keyset).status(), is(ExitCode.OK));
    Path contract = contract();
    Path firstFile = Files.write(dir.resolve("first.jsonl"), first);
    assertThat(ingest(firstFile, "restart-raw").status(), is(ExitCode.OK));

    RunProcess stream =
        RunProcess.start(
            List.of(
                "stream",
                "--contract=" + contract,
                "--bootstrapServers=" + KAFKA.bootstrapServers(),
                "--inputTopic=restart-raw",
                "--outputTopic=restart-out",
                "--quarantineTopic=restart-out.quarantine",
                "--eventTime=ordered_at",
                "--keyset=" + keyset,
                "--parallelism=2"),
            dir.resolve("restart.log"),
            Map.of());
    try {
      List<ConsumerRecord<String, String>> before =
          TopicRecords.readUntil(
              KAFKA.bootstrapServers(), "restart-out", r -> r.size() >= 100, Duration.ofMinutes(3));
      assertThat(stream.log(), before, hasSize(100));

      KAFKA.stop();
      Thread.sleep(1_000); // the stream meets a broker that is gone (stop() waited for its exit)
      KAFKA.start();
      assertThat("the stream outlived its broker\n" + stream.log(), stream.isAlive(), is(true));
      Path secondFile = Files.write(dir.resolve("second.jsonl"), second);
      assertThat(ingest(secondFile, "restart-raw").status(), is(ExitCode.OK));

      // The quarantine topic read by the same consumer, until the rows are in and both are quiet.
      Map<String, List<ConsumerRecord<String, String>>> read =
          TopicRecords.readUntil(
              KAFKA.bootstrapServers(), List.of("restart-out", "restart-out.quarantine"),
              r -> r.get("restart-out").size() >= 200, Duration.ofMinutes(3).plusSeconds(5));
      List<String> ids = new ArrayList<>();
      for (ConsumerRecord<String, String> row : read.get("restart-out")) {
        ids.add(JSON.readTree(row.value()).get("order_id").asText());
      }
      assertThat(stream.log(), new HashSet<>(ids), equalTo(expected));
      assertThat("each order published once\n" + stream.log(), ids, hasSize(200));
      assertThat(read.get("restart-out.quarantine"), hasSize(0));
    } finally {
      stream.kill();
    }
  }

  @Test
  void aStreamKilledRightAfterItsFirstTransactionResumesWithNothingLostOrTwice() throws Exception {
    // With checkpoints every 5 s, rows are written in a transaction when a checkpoint completes;
    // the stream is killed (SIGKILL) as soon as it says its first one committed, so well before
    // the next checkpoint records that transaction. Started again, it resumes from a checkpoint taken
    // before the transaction, is given those rows again, and must find in Kafka that they are
    // written (Beam 2.62's exactly-once sink refuses to start here).
    OrderBatches batches = OrderBatches.of(8, "resume", "30.00");
    List<String> first = batches.first();
    List<String> second = batches.second();
    Set<String> expected = batches.ids();
    Path keyset = dir.resolve("keys.json");
    assertThat(CliOutcome.run("keys", "--keyset=" + keyset).status(), is(ExitCode.OK));
    assertThat(ingest(Files.write(dir.resolve("first.jsonl"), first), "resume-raw").status(), is(ExitCode.OK));
    List<String> args =
        List.of(
            "stream",
            "--contract=" + contract(),
            "--bootstrapServers=" + KAFKA.bootstrapServers(),
            "--inputTopic=resume-raw",
            "--outputTopic=resume-out",
            "--quarantineTopic=resume-out.quarantine",
            "--eventTime=ordered_at",
            "--keyset=" + keyset,
            "--checkpoints=" + dir.resolve("checkpoints"),
            "--checkpointingInterval=5000",
            "--output=" + dir.resolve("mesh"),
            "--parallelism=2");

    RunProcess killed = RunProcess.start(args, dir.resolve("killed.log"), Map.of());
    try {
      killed.await(
          "the rows' first transaction",
          () -> killed.log().lines().anyMatch(l -> l.contains(".rows shard 0: first transaction committed")));
    } finally {
      killed.kill();
    }
    // Only whether any row is visible: the topic is read again in full below.
    List<ConsumerRecord<String, String>> visible =
        TopicRecords.awaitUntil(
            KAFKA.bootstrapServers(), "resume-out", r -> !r.isEmpty(), Duration.ofMinutes(1));
    assertThat(killed.log(), visible.size(), greaterThan(0));
    assertThat(ingest(Files.write(dir.resolve("second.jsonl"), second), "resume-raw").status(), is(ExitCode.OK));

    RunProcess resumed = RunProcess.start(args, dir.resolve("resumed.log"), Map.of());
    try {
      resumed.await("a resume", () -> resumed.log().contains("Resuming from the checkpoint"));
      TopicRecords.awaitUntil(
          KAFKA.bootstrapServers(), "resume-out", r -> r.size() >= 200, Duration.ofMinutes(3));
      Thread.sleep(6_000); // one more checkpoint and its transaction: a row written twice shows now
      // The quarantine topic read by the same consumer, until the rows are in and both are quiet.
      Map<String, List<ConsumerRecord<String, String>>> read =
          TopicRecords.readUntil(
              KAFKA.bootstrapServers(), List.of("resume-out", "resume-out.quarantine"),
              r -> r.get("resume-out").size() >= 200, Duration.ofMinutes(1).plusSeconds(5));
      List<String> ids = new ArrayList<>();
      for (ConsumerRecord<String, String> row : read.get("resume-out")) {
        ids.add(JSON.readTree(row.value()).get("order_id").asText());
      }
      String logs = killed.log() + resumed.log();
      assertThat(logs, new HashSet<>(ids), equalTo(expected));
      assertThat("each order published once\n" + logs, ids, hasSize(200));
      assertThat(
          "the resumed stream was given rows its killed run had written, and skipped them\n" + logs,
          resumed.log(), containsString("records were already written, before a restore; skipped"));
      // Its Parquet files: one run across the kill, every order in them once.
      Path product = dir.resolve("mesh/sales/order_events");
      Manifest manifest = CommittedWindows.await(product, 200, resumed::log);
      String runId = Files.readString(dir.resolve("checkpoints/run-id")).strip();
      assertThat(manifest.runId(), equalTo(runId));
      assertThat(manifest.superseded(), hasSize(0));
      assertThat(manifest.table("order_events").counts(), equalTo(new Manifest.Counts(200, 200, 0, 0)));
      List<Map<String, Object>> inFiles =
          DuckDb.query(
              "SELECT count(*) AS n, count(DISTINCT order_id) AS ids FROM "
                  + DuckDb.parquet(product, manifest.table("order_events").files()));
      assertThat(logs, inFiles.get(0).get("n"), equalTo(200L));
      assertThat(inFiles.get(0).get("ids"), equalTo(200L));
      assertThat(read.get("resume-out.quarantine"), hasSize(0));
    } finally {
      resumed.kill();
    }
  }

  private static CliOutcome ingest(Path file, String topic) {
    return CliOutcome.run(
        "ingest-log", "--file=" + file, "--bootstrapServers=" + KAFKA.bootstrapServers(),
        "--topic=" + topic);
  }

  @Test
  void anUnreachableBrokerIsOneLineAndExitTwoBeforeAnythingRuns() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    long start = System.nanoTime();
    CliOutcome outcome =
        CliOutcome.run(
            "stream", "--contract=" + contract(), "--bootstrapServers=127.0.0.1:" + closedPort,
            "--inputTopic=in", "--outputTopic=out", "--keyset=" + keyset(), "--timeoutSeconds=1");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.err().strip().lines().toList(), hasSize(1));
    assertThat(
        outcome.err(),
        containsString("no Kafka broker answered at 127.0.0.1:" + closedPort + " within 1 s"));
    assertThat(seconds, lessThan(18.0));
  }

  @Test
  void aProtectedContractWithoutAKeysetIsOneLineAndExitTwo() throws Exception {
    CliOutcome outcome =
        CliOutcome.run(
            "stream", "--contract=" + contract(), "--bootstrapServers=" + KAFKA.bootstrapServers(),
            "--inputTopic=in");
    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.err(), containsString("no keyset is given"));
  }

  private Path keyset() {
    Path keyset = dir.resolve("other-keys.json");
    assertThat(CliOutcome.run("keys", "--keyset=" + keyset).status(), is(ExitCode.OK));
    return keyset;
  }

  /** The test contract, its kafka server pointed at the test's broker. */
  private Path contract() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("orders-stream.odcs.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Files.writeString(
          dir.resolve("orders-stream.odcs.yaml"),
          text.replace("localhost:9092", KAFKA.bootstrapServers()));
    }
  }

  private static long sum(List<ConsumerRecord<String, String>> tallies, String field) {
    long sum = 0;
    for (ConsumerRecord<String, String> tally : tallies) {
      try {
        sum += JSON.readTree(tally.value()).get(field).asLong();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    return sum;
  }

  private static Set<String> windows(List<ConsumerRecord<String, String>> tallies) {
    Set<String> windows = new HashSet<>();
    for (ConsumerRecord<String, String> tally : tallies) {
      try {
        windows.add(JSON.readTree(tally.value()).get("windowStart").asText());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    return windows;
  }

  private static int countOf(List<String> lines, java.util.function.Predicate<String> which) {
    return (int) lines.stream().filter(which).count();
  }
}
