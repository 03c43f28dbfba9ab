package org.datamesh.examples.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} without {@code --output} publishes to the contract's local server and, once the
 * version is committed, sends its rows to the contract's kafka server (a real broker): each row
 * once, keyed by the primary key, protected columns as published. A run its quality gate stops
 * sends nothing; brokers that do not answer stop the run before it publishes anything.
 */
class RunToKafkaServerIT {

  @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path keyset;

  @BeforeEach
  void keyset() {
    keyset = dir.resolve("keys.json");
    assertThat(CliOutcome.run("keys", "--keyset=" + keyset).status(), is(ExitCode.OK));
  }

  @Test
  void aCommittedVersionIsSentToTheTopicOnceKeyedByItsPrimaryKey() throws Exception {
    OrderBatches orders = OrderBatches.of(5, "run", "12.50");
    List<String> lines = new ArrayList<>(orders.first());
    lines.add(orders.first().get(0)); // a duplicate: published once
    lines.add("{\"order_id\": \"ORD-500001\", \"customer_email\""); // cut off: quarantined
    Path input = Files.write(dir.resolve("orders.jsonl"), lines);
    Path contract = contract("sent_events", KAFKA.bootstrapServers());

    CliOutcome outcome = run(contract, input);

    assertThat(outcome.out() + outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(
        outcome.outLines(),
        hasItem(
            "Sent the 100 rows of order_events to topic sent_events at " + KAFKA.bootstrapServers()
                + " (kafka server events)."));
    Manifest manifest = Manifest.read(dir.resolve("lake/sales/order_events"));
    assertThat(manifest.counts().published(), is(100L));
    assertThat(manifest.counts().quarantined(), is(1L));
    List<ConsumerRecord<String, String>> rows =
        TopicRecords.readUntil(
            KAFKA.bootstrapServers(), "sent_events", r -> r.size() >= 100, Duration.ofMinutes(1));
    Set<String> ids = new HashSet<>();
    for (ConsumerRecord<String, String> row : rows) {
      JsonNode value = JSON.readTree(row.value());
      String id = value.get("order_id").asText();
      assertThat("keyed by the primary key", row.key(), equalTo(id));
      assertThat("sent once: " + id, ids.add(id), is(true));
      assertThat("the e-mail as published: a token", value.get("customer_email").asText(), not(containsString("@")));
    }
    Set<String> sent = new HashSet<>();
    for (String line : orders.first()) {
      sent.add(JSON.readTree(line).get("order_id").asText());
    }
    assertThat(ids, equalTo(sent));
    assertThat(rows, hasSize(100));
  }

  @Test
  void aRunItsQualityGateStopsSendsNothing() throws Exception {
    // Every order below the minimum amount: nothing valid, and the ERROR check rowCount >= 1 fails.
    Path input =
        Files.write(dir.resolve("orders.jsonl"), OrderBatches.of(5, "gate", "-1.00").first());
    Path contract = contract("gated_events", KAFKA.bootstrapServers());

    CliOutcome outcome = run(contract, input);

    assertThat(outcome.out() + outcome.err(), outcome.status(), is(ExitCode.RUN_FAILED));
    assertThat(outcome.out(), not(containsString("Sent the")));
    assertThat(Files.exists(dir.resolve("lake/sales/order_events/_manifest.json")), is(false));
    assertThat(
        TopicRecords.readUntil(
            KAFKA.bootstrapServers(), "gated_events", r -> true, Duration.ofSeconds(5)),
        hasSize(0));
  }

  @Test
  void brokersThatDoNotAnswerStopTheRunBeforeItPublishes() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path input = Files.write(dir.resolve("orders.jsonl"), OrderBatches.of(5, "down", "3.00").first());

    CliOutcome outcome =
        run(contract("down_events", "127.0.0.1:" + closedPort), input, "--timeoutSeconds=1");

    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.err().strip().lines().toList(), hasSize(1));
    assertThat(
        outcome.err(), containsString("no Kafka broker answered at 127.0.0.1:" + closedPort + " within 1 s"));
    assertThat(Files.exists(dir.resolve("lake/sales/order_events/_manifest.json")), is(false));
    assertThat(Files.exists(dir.resolve("lake/sales/order_events/runs")), is(false));
  }

  private CliOutcome run(Path contract, Path input, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                // No --inputFormat: .jsonl files are JSON lines.
                "run", "--contract=" + contract, "--input=" + input, "--keyset=" + keyset,
                "--runner=DirectRunner"));
    args.addAll(List.of(more));
    return CliOutcome.run(args.toArray(String[]::new));
  }

  /**
   * The stream tests' contract, published as table topic {@code topic}, to a local server {@code
   * lake} beside it and a kafka server at {@code brokers}.
   */
  private Path contract(String topic, String brokers) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("orders-stream.odcs.yaml")) {
      String text =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("    physicalType: topic\n", "    physicalType: topic\n    physicalName: " + topic + "\n")
              .replace("host: localhost:9092", "host: " + brokers)
              .replace(
                  "servers:\n",
                  "servers:\n  - server: lake\n    type: local\n    path: lake\n    format: parquet\n");
      return Files.writeString(dir.resolve(topic + ".odcs.yaml"), text);
    }
  }
}
