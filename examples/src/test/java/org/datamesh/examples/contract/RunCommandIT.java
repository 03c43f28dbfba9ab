package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.demo.OrdersSampleGenerator;
import org.datamesh.examples.demo.SampleLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code run} publishes the orders product from its contract alone, on the Direct runner and on
 * embedded Flink, with exactly the counts the sample generator injected; DuckDB reads it back.
 */
class RunCommandIT {

  private static final int ORDERS = 2000;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"DirectRunner", "FlinkRunner"})
  void publishesTheContractsProductWithTheGeneratorsCounts(String runner) throws Exception {
    Path contract = OrdersContract.write(dir, "sales-orders.odcs.yaml");
    Path input = dir.resolve("exports").resolve("orders.csv");
    SampleLedger ledger = OrdersSampleGenerator.write(input, ORDERS, 11);
    Path output = dir.resolve("mesh");

    CliOutcome outcome =
        runOk(
            "run",
            "--contract=" + contract,
            "--input=" + dir.resolve("exports") + "/*.csv",
            "--output=" + output,
            "--runner=" + runner,
            "--parallelism=2");

    Path productDir = output.resolve("sales").resolve("orders");
    Manifest manifest = Manifest.read(productDir);
    assertThat(outcome.outLines().get(0), startsWith("Published sales.orders 1.0.0, run " + manifest.runId() + ", on " + runner + " in "));
    assertThat(
        outcome.outLines(),
        hasItems(
            count("records in", ledger.records()),
            count("published", ledger.published()),
            count("deduplicated", ledger.duplicates()),
            "  balance       in = published + quarantined + deduplicated",
            "  manifest      " + productDir.resolve("_manifest.json")));
    assertPublished(productDir, ledger);
  }

  @Test
  void readsGzipInput() throws Exception {
    Path plain = dir.resolve("orders.csv");
    SampleLedger ledger = OrdersSampleGenerator.write(plain, 800, 23);
    Path gzip = dir.resolve("gz").resolve("orders-1.csv.gz");
    Files.createDirectories(gzip.getParent());
    try (InputStream in = Files.newInputStream(plain);
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
      in.transferTo(out);
    }
    Path output = dir.resolve("mesh");

    runOk(
        "run",
        "--contract=" + OrdersContract.write(dir, "orders.yaml"),
        "--input=" + dir.resolve("gz") + "/*.csv.gz",
        "--output=" + output,
        "--runner=DirectRunner");

    assertPublished(output.resolve("sales/orders"), ledger);
  }

  @Test
  void anInputGlobMatchingNothingIsAUsageErrorAndWritesNothing() throws Exception {
    Path output = dir.resolve("mesh");
    String glob = dir.resolve("exports") + "/orders-*.csv";
    CliOutcome outcome =
        CliOutcome.run(
            "run",
            "--contract=" + OrdersContract.write(dir, "orders.yaml"),
            "--input=" + glob,
            "--output=" + output);

    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.errLines(), equalTo(List.of("datamesh run: --input matches no file: " + glob)));
    assertThat(Files.exists(output), is(false));
  }

  @Test
  void aBrokenContractIsAUsageErrorBeforeAnythingIsWritten() throws Exception {
    Path input = dir.resolve("orders.csv");
    OrdersSampleGenerator.write(input, 50, 1);
    String yaml = OrdersContract.replacing(OrdersContract.text(), "kind: DataContract\n", "");
    Path contract = OrdersContract.write(dir, "broken.yaml", yaml);
    Path output = dir.resolve("mesh");

    CliOutcome outcome =
        CliOutcome.run(
            "run", "--contract=" + contract, "--input=" + input, "--output=" + output);

    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(
        outcome.errLines(),
        equalTo(
            List.of(
                "datamesh run: contract " + contract + " has 1 problem:",
                "  kind: missing; ODCS requires it in a data contract")));
    assertThat(outcome.out(), equalTo(""));
    assertThat(Files.exists(output), is(false));
  }

  @Test
  void aBreakingChangeWithoutANewMajorVersionIsRefusedBeforeTheRun() throws Exception {
    Path input = dir.resolve("orders.csv");
    OrdersSampleGenerator.write(input, 300, 2);
    Path output = dir.resolve("mesh");
    runOk(
        "run",
        "--contract=" + OrdersContract.write(dir, "orders.yaml"),
        "--input=" + input,
        "--output=" + output,
        "--runner=DirectRunner");
    Manifest published = Manifest.read(output.resolve("sales/orders"));

    String yaml = OrdersContract.text();
    int quantity = yaml.indexOf("      - name: quantity\n");
    yaml = yaml.substring(0, quantity) + yaml.substring(yaml.indexOf("slaProperties:"));
    yaml = OrdersContract.replacing(yaml, "version: 1.0.0", "version: 1.0.1");
    Path narrower = OrdersContract.write(dir, "without-quantity.yaml", yaml);
    CliOutcome outcome =
        CliOutcome.run(
            "run",
            "--contract=" + narrower,
            "--input=" + input,
            "--output=" + output,
            "--runner=DirectRunner");

    assertThat(outcome.status(), is(ExitCode.USAGE));
    List<String> lines = outcome.errLines();
    assertThat(
        lines.get(0),
        equalTo(
            "datamesh run: contract " + narrower + " breaks consumers of the published version"
                + " 1.0.0 without a new major version (1.0.1):"));
    assertThat(lines.size(), is(2));
    assertThat(lines.get(1), allOf(startsWith("  "), containsString("quantity")));
    assertThat(Manifest.read(output.resolve("sales/orders")), equalTo(published));
  }

  /** Runs the command line in this JVM, expecting exit 0 and no stack trace. */
  private static CliOutcome runOk(String... args) {
    CliOutcome outcome = CliOutcome.run(args);
    assertThat(outcome.out() + outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(outcome.err(), not(containsString("\tat ")));
    return outcome;
  }

  private static String count(String label, long n) {
    return String.format(Locale.ROOT, "  %-13s %,10d", label, n);
  }

  /**
   * The manifest's counts are the ledger's (no warnings: the contract alone has no bulk-quantity
   * rule), and DuckDB reads exactly the published rows, typed as the contract says.
   */
  static void assertPublished(Path productDir, SampleLedger ledger) throws Exception {
    Manifest manifest = Manifest.read(productDir);
    assertThat(
        manifest.counts(),
        equalTo(
            new Manifest.Counts(
                ledger.records(), ledger.published(), ledger.quarantined(), ledger.duplicates())));
    assertThat(manifest.counts().balances(), is(true));
    assertThat(manifest.quality().failuresByStage(), equalTo(ledger.quarantinedByStage()));
    assertThat(manifest.quality().warningsByRule(), equalTo(Map.of()));

    String data = DuckDb.parquet(productDir, manifest.files());
    List<Map<String, Object>> published =
        DuckDb.query("SELECT count(*) AS n, count(DISTINCT order_id) AS ids FROM " + data);
    assertThat(published.get(0).get("n"), equalTo(ledger.published()));
    assertThat("one row per order", published.get(0).get("ids"), equalTo(ledger.published()));
    assertThat(
        DuckDb.columnTypes(data),
        equalTo(
            Map.of(
                "order_id", "VARCHAR",
                "customer_id", "VARCHAR",
                "order_ts", "TIMESTAMP WITH TIME ZONE",
                "updated_at", "TIMESTAMP WITH TIME ZONE",
                "amount", "DECIMAL(18,4)",
                "currency", "VARCHAR",
                "status", "VARCHAR",
                "quantity", "INTEGER")));
    List<Map<String, Object>> quarantined =
        DuckDb.query(
            "SELECT count(*) AS n FROM " + DuckDb.parquet(productDir, manifest.quarantineFiles()));
    assertThat(quarantined.get(0).get("n"), equalTo(ledger.quarantined()));
    List<String> listed = new ArrayList<>(manifest.files());
    listed.addAll(manifest.quarantineFiles());
    for (String file : listed) {
      assertThat(file, allOf(not(containsString(".tmp")), not(startsWith("."))));
    }
  }
}
