package org.datamesh.examples.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

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
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cluster.FlinkSessionCluster;
import org.datamesh.examples.contract.RunProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stream} submitted to a real Flink session cluster (JobManager and TaskManager in their
 * own JVMs, the job sent from a third, {@code java -jar datamesh.jar}) with checkpoints, its
 * TaskManager killed (SIGKILL) right after the product's first Kafka transaction, a new
 * TaskManager started: the JobManager restores the job from its last checkpoint, taken before
 * that transaction, and the output topic holds every order exactly once.
 */
class KafkaStreamOnFlinkClusterIT {

  @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aTaskManagerKilledMidStreamIsReplacedAndNothingIsLostOrWrittenTwice() throws Exception {
    OrderBatches batches = OrderBatches.of(6, "tm", "40.00");
    List<String> first = batches.first();
    List<String> second = batches.second();
    Set<String> expected = batches.ids();
    Path keyset = dir.resolve("keys.json");
    assertThat(CliOutcome.run("keys", "--keyset=" + keyset).status(), is(ExitCode.OK));
    assertThat(ingest(Files.write(dir.resolve("first.jsonl"), first)).status(), is(ExitCode.OK));
    KAFKA.createTopics("cluster-out", "cluster-out.quarantine");

    try (FlinkSessionCluster cluster = FlinkSessionCluster.start(dir.resolve("cluster"))) {
      RunProcess stream =
          RunProcess.startJar(
              List.of(
                  "stream",
                  "--contract=" + contract(),
                  "--bootstrapServers=" + KAFKA.bootstrapServers(),
                  "--inputTopic=cluster-raw",
                  "--outputTopic=cluster-out",
                  "--quarantineTopic=cluster-out.quarantine",
                  "--eventTime=ordered_at",
                  "--keyset=" + keyset,
                  "--runner=FlinkRunner",
                  "--flinkMaster=" + cluster.master(),
                  "--checkpoints=" + dir.resolve("checkpoints"),
                  "--checkpointingInterval=5000",
                  "--output=" + dir.resolve("mesh"),
                  "--parallelism=2"),
              dir.resolve("stream.log"));
      try {
        try {
          stream.await(
              "the rows' first transaction on the TaskManager",
              () ->
                  cluster.taskManagerLog().lines()
                      .anyMatch(l -> l.contains(".rows shard 0: first transaction committed")));
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + cluster.logs(), e);
        }
        cluster.killTaskManager();
        assertThat(ingest(Files.write(dir.resolve("second.jsonl"), second)).status(), is(ExitCode.OK));
        cluster.replaceTaskManager();

        // A wait only: the topic is read again in full after the next checkpoint.
        TopicRecords.awaitUntil(
            KAFKA.bootstrapServers(), "cluster-out", r -> r.size() >= 200, Duration.ofMinutes(4));
        Thread.sleep(6_000); // one more checkpoint and its transaction: a row written twice shows now
        // The quarantine topic read by the same consumer, until the rows are in and both are quiet.
        Map<String, List<ConsumerRecord<String, String>>> read =
            TopicRecords.readUntil(
                KAFKA.bootstrapServers(), List.of("cluster-out", "cluster-out.quarantine"),
                r -> r.get("cluster-out").size() >= 200, Duration.ofMinutes(1).plusSeconds(5));
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> row : read.get("cluster-out")) {
          JsonNode value = JSON.readTree(row.value());
          ids.add(value.get("order_id").asText());
        }
        String logs = stream.log() + cluster.logs();
        assertThat(logs, new HashSet<>(ids), equalTo(expected));
        assertThat("each order published once\n" + logs, ids, hasSize(200));
        assertThat(
            "the restored job was given rows the killed TaskManager had written, and skipped them"
                + logs,
            cluster.taskManagerLog(),
            containsString("records were already written, before a restore; skipped"));
        assertThat(read.get("cluster-out.quarantine"), hasSize(0));
        // The Parquet files the TaskManagers committed window by window: every order once.
        Path product = dir.resolve("mesh/sales/order_events");
        Manifest manifest = CommittedWindows.await(product, 200, () -> stream.log() + cluster.logs());
        assertThat(manifest.table("order_events").counts(), equalTo(new Manifest.Counts(200, 200, 0, 0)));
        List<Map<String, Object>> inFiles =
            DuckDb.query(
                "SELECT count(*) AS n, count(DISTINCT order_id) AS ids FROM "
                    + DuckDb.parquet(product, manifest.table("order_events").files()));
        assertThat(logs, inFiles.get(0).get("n"), equalTo(200L));
        assertThat(inFiles.get(0).get("ids"), equalTo(200L));
        String checkpoints = cluster.rest("/jobs/" + jobId(cluster) + "/checkpoints");
        assertThat(
            "restored from a checkpoint, not started over\n" + checkpoints,
            JSON.readTree(checkpoints).get("counts").get("restored").asInt() >= 1,
            is(true));
      } finally {
        stream.kill();
      }
    }
  }

  private static String jobId(FlinkSessionCluster cluster) throws Exception {
    JsonNode jobs = JSON.readTree(cluster.rest("/jobs/overview")).get("jobs");
    assertThat(jobs.toString(), jobs.size(), is(1));
    return jobs.get(0).get("jid").asText();
  }

  private static CliOutcome ingest(Path file) {
    return CliOutcome.run(
        "ingest-log", "--file=" + file, "--bootstrapServers=" + KAFKA.bootstrapServers(),
        "--topic=cluster-raw");
  }

  /** The stream test contract, its kafka server pointed at the test's broker. */
  private Path contract() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("orders-stream.odcs.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Files.writeString(
          dir.resolve("orders-stream.odcs.yaml"), text.replace("localhost:9092", KAFKA.bootstrapServers()));
    }
  }
}
