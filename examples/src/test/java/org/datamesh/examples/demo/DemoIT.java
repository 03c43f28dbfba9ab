package org.datamesh.examples.demo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.cli.DatameshCli;
import org.datamesh.core.support.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command, run as a user runs it, and the same demo on the Direct runner. */
class DemoIT {

  @TempDir Path output;

  @Test
  void theJarPublishesAProductThatBalancesAndDuckDbReads() throws Exception {
    Path target = output.resolve("not-yet-there");
    String printed = runJar("demo", "--output=" + target, "--rows=3000");
    assertThat(printed, containsString("on FlinkRunner"));
    assertThat(printed, containsString("matches the defects the generator injected"));

    SampleLedger ledger = OrdersSampleGenerator.write(output.resolve("again.csv"), 3000, 42);
    Path productDir = target.resolve("sales/orders");
    assertBalancedAndReadable(productDir, ledger);
    String firstRun = Manifest.read(productDir).runId();

    runJar("demo", "--output=" + target, "--rows=3000", "--seed=5");
    Manifest second = Manifest.read(productDir);
    assertThat("a re-run publishes a new version", second.runId(), not(equalTo(firstRun)));
    assertThat(
        "the earlier run's files stay for readers still on it",
        Files.isDirectory(productDir.resolve("runs").resolve(firstRun)),
        is(true));
    assertBalancedAndReadable(
        productDir, OrdersSampleGenerator.write(output.resolve("seed5.csv"), 3000, 5));
  }

  /** Runs {@code java -jar target/datamesh.jar args}, expects exit 0, returns what it printed. */
  private static String runJar(String... args) throws Exception {
    Path jar = Paths.get("target", "datamesh.jar").toAbsolutePath();
    assertThat("mvn package built " + jar, Files.isRegularFile(jar), is(true));
    List<String> command = new java.util.ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat("demo finished in time", process.waitFor(5, TimeUnit.MINUTES), is(true));
    assertThat(printed, process.exitValue(), is(0));
    return printed;
  }

  @Test
  void theDemoGivesTheSameCountsOnTheDirectRunner() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        DatameshCli.run(
            new String[] {"demo", "--output=" + output, "--rows=400", "--seed=3", "--runner=DirectRunner"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed, status, is(0));
    assertThat(printed, containsString("on DirectRunner"));
    SampleLedger ledger = OrdersSampleGenerator.write(output.resolve("again.csv"), 400, 3);
    assertBalancedAndReadable(output.resolve("sales/orders"), ledger);

    // The demo leaves a catalog and the run's lineage events, as run does.
    com.fasterxml.jackson.databind.JsonNode catalog =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(output.resolve("catalog.json").toFile());
    assertThat(catalog.at("/products/0/id").asText(), equalTo("sales.orders"));
    assertThat(catalog.at("/products/0/owner").asText(), equalTo("sales-data"));
    assertThat(
        org.datamesh.core.lineage.LineageLog.in(output.toString()).read().stream()
            .map(e -> e.get("eventType").asText())
            .toList(),
        equalTo(List.of("START", "COMPLETE")));
  }

  private static void assertBalancedAndReadable(Path productDir, SampleLedger ledger)
      throws Exception {
    Manifest manifest = Manifest.read(productDir);
    assertThat(
        manifest.counts(),
        equalTo(
            new Manifest.Counts(
                ledger.records(), ledger.published(), ledger.quarantined(), ledger.duplicates())));
    assertThat(manifest.quality().failuresByStage(), equalTo(ledger.quarantinedByStage()));
    assertThat(
        manifest.quality().warningsByRule(), equalTo(Map.of("quantity.bulk", ledger.bulkRecords())));
    List<Map<String, Object>> published =
        DuckDb.query(
            "SELECT count(*) AS n, count(DISTINCT order_id) AS ids FROM "
                + DuckDb.parquet(productDir, manifest.files()));
    assertThat(published.get(0).get("n"), equalTo(ledger.published()));
    assertThat("one row per order", published.get(0).get("ids"), equalTo(ledger.published()));
    List<Map<String, Object>> quarantined =
        DuckDb.query(
            "SELECT count(*) AS n FROM " + DuckDb.parquet(productDir, manifest.quarantineFiles()));
    assertThat(quarantined.get(0).get("n"), equalTo(ledger.quarantined()));
  }
}
