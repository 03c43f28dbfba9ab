package org.datamesh.examples.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.core.protect.KeysetFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code stream} publishes: a topic, Parquet files committed per window, or both, chosen
 * from the options and the contract's servers; planned only, no broker asked.
 */
class StreamOutputsTest {

  @TempDir Path dir;

  private Path contract(String servers) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("orders-stream.odcs.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      text = text.substring(0, text.indexOf("servers:")) + servers;
      return Files.writeString(dir.resolve("orders-stream.odcs.yaml"), text);
    }
  }

  private String[] args(Path contract, String... more) throws Exception {
    Path keyset = dir.resolve("keys.json");
    if (!Files.exists(keyset)) {
      KeysetFiles.create(keyset);
    }
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "--contract=" + contract,
                "--bootstrapServers=127.0.0.1:9",
                "--inputTopic=raw",
                "--keyset=" + keyset));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void withOnlyAnOutputFolderTheRowsGoToParquetFilesAndNoTopic() throws Exception {
    Path contract = contract("");
    StreamCommand.Plan plan =
        StreamCommand.plan(args(contract, "--output=" + dir.resolve("mesh")));

    assertThat(plan.banner(), containsString("Parquet files to " + dir.resolve("mesh/sales/order_events")));
    assertThat(plan.banner(), containsString("committed per window"));
    assertThat(plan.banner(), not(containsString("rows to ")));
    assertThat(plan.brokers(), equalTo(List.of("127.0.0.1:9")));
  }

  @Test
  void aContractsLocalServerIsWhereTheFilesGoBesideItsKafkaTopic() throws Exception {
    Path contract =
        contract(
            "servers:\n  - server: events\n    type: kafka\n    host: 127.0.0.1:9\n    format: json\n"
                + "  - server: lake\n    type: local\n    path: lake\n    format: parquet\n");
    StreamCommand.Plan plan = StreamCommand.plan(args(contract));

    assertThat(plan.banner(), containsString("rows to order_events, failures to order_events.quarantine"));
    assertThat(plan.banner(), containsString("Parquet files to " + dir.resolve("lake/sales/order_events")));
  }

  @Test
  void withNoTopicAndNoFolderToPublishToItIsOneLineAndExitTwo() throws Exception {
    Path contract = contract("");
    CliOutcome outcome = CliOutcome.run(prepend("stream", args(contract)));

    assertThat(outcome.status(), equalTo(ExitCode.USAGE));
    assertThat(
        outcome.err(),
        containsString(
            "--outputTopic or --output is required: the contract declares no kafka, local or s3"
                + " server to publish to"));
    assertThat(outcome.err(), not(containsString("\tat ")));
  }

  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
