package org.datamesh.examples.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datamesh.core.protect.KeysetFiles;
import org.datamesh.examples.contract.PortablePipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline {@code stream} builds translates to Beam's portable Runner API (what Dataflow's
 * Runner v2 executes), with every function and coder readable back from its bytes and a
 * deterministic coder for every key it keeps state by: the deduplication's, the window
 * counts', the window files' and their commits'. Built exactly as {@code stream} builds it, never run, no broker asked.
 */
class StreamTranslationTest {

  @TempDir Path dir;

  @Test
  void theStreamingProductTranslatesWithItsStatefulStepsKeyedDeterministically() throws Exception {
    Path keyset = dir.resolve("keys.json");
    KeysetFiles.create(keyset);
    Path contract = dir.resolve("orders-stream.odcs.yaml");
    try (InputStream in = getClass().getResourceAsStream("orders-stream.odcs.yaml")) {
      Files.writeString(contract, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    for (String exactlyOnce : new String[] {"--checkpointingInterval=10000", "--checkpoints=" + dir.resolve("cp")}) {
      PortablePipeline.Report report =
          PortablePipeline.check(
              StreamCommand.plan(
                      new String[] {
                        "--contract=" + contract,
                        "--bootstrapServers=127.0.0.1:9",
                        "--inputTopic=raw",
                        "--tallyTopic=tallies",
                        "--eventTime=ordered_at",
                        "--keyset=" + keyset,
                        "--output=" + dir.resolve("mesh"),
                        exactlyOnce
                      })
                  .pipeline());

      assertThat(report.functions(), hasItem(startsWith("Product/Records/")));
      assertThat(report.groupedKeys(), hasItem(startsWith("Product/Deduplicate/")));
      assertThat(report.groupedKeys(), hasItem(containsString("SumPerWindow")));
      assertThat(report.functions(), hasItem(startsWith("PublishRows/")));
      // the Parquet files: each window's shards and each window's commit keep state by key
      assertThat(report.groupedKeys(), hasItem(containsString("WriteWindowRows/WriteWhenComplete")));
      assertThat(report.groupedKeys(), hasItem(containsString("WriteWindowFailures/WriteWhenComplete")));
      assertThat(report.groupedKeys(), hasItem(containsString("CommitWindows")));
      assertThat(report.coders(), greaterThan(0));
      if (exactlyOnce.startsWith("--checkpoints")) {
        // Each shard's numbering and batches are keyed by the shard: state by a deterministic key.
        assertThat(report.groupedKeys(), hasItem(startsWith("PublishRows/WriteKafkaExactlyOnce/")));
        assertThat(report.groupedKeys(), hasItem(startsWith("Quarantine/WriteKafkaExactlyOnce/")));
      }
    }
  }
}
