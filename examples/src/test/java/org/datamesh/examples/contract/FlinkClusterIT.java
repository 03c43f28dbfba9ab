package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.datamesh.examples.ChildJvm;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cluster.FlinkSessionCluster;
import org.datamesh.examples.demo.OrdersSampleGenerator;
import org.datamesh.examples.demo.SampleLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} submits the orders product from its contract to a real Flink session cluster (a
 * JobManager and a TaskManager, each its own JVM) with {@code --flinkMaster}, from a third JVM
 * started as a user starts it ({@code java -jar target/datamesh.jar}, so Beam stages the jars its
 * manifest's class path names). The TaskManager publishes into a local folder, which works because
 * it runs on this machine. The counts are the generator's, and DuckDB reads the rows back.
 */
class FlinkClusterIT {

  private static final int ORDERS = 2000;

  @TempDir Path dir;

  @Test
  void aContractsProductSubmittedToASessionClusterPublishesTheGeneratorsCounts() throws Exception {
    long start = System.nanoTime();
    Path contract = OrdersContract.write(dir, "sales-orders.odcs.yaml");
    SampleLedger ledger = OrdersSampleGenerator.write(dir.resolve("exports/orders.csv"), ORDERS, 5);
    Path output = dir.resolve("mesh");
    List<Long> pids;

    try (FlinkSessionCluster cluster = FlinkSessionCluster.start(dir.resolve("cluster"))) {
      pids = cluster.pids();
      long started = System.nanoTime();
      CliOutcome outcome =
          runJar(
              "run",
              "--contract=" + contract,
              "--input=" + dir.resolve("exports") + "/*.csv",
              "--output=" + output,
              "--runner=FlinkRunner",
              "--flinkMaster=" + cluster.master(),
              "--parallelism=2");
      assertThat(
          outcome.out() + outcome.err() + cluster.logs(), outcome.status(), is(ExitCode.OK));
      assertThat(outcome.err(), not(containsString("\tat ")));
      assertThat(outcome.outLines().get(0), startsWith("Published sales.orders 1.0.0, run "));
      // The job ran on the cluster, not on an embedded Flink of the submitting JVM.
      String jobs = cluster.rest("/jobs/overview");
      assertThat(jobs, containsString("\"state\":\"FINISHED\""));
      assertThat(jobs.split("\"jid\"").length - 1, is(1));
      System.out.printf(
          "FlinkClusterIT: cluster up in %.1f s, job submitted and finished in %.1f s%n",
          (started - start) / 1e9, (System.nanoTime() - started) / 1e9);
    }
    for (long pid : pids) {
      assertThat("Flink process " + pid + " is gone", ProcessHandle.of(pid).isPresent(), is(false));
    }

    Path productDir = output.resolve("sales").resolve("orders");
    RunCommandIT.assertPublished(productDir, ledger);
    Manifest manifest = Manifest.read(productDir);
    String data = DuckDb.parquet(productDir, manifest.files());
    // Standardized as the contract says: upper-case codes, amounts at their currency's minor unit.
    List<Map<String, Object>> values =
        DuckDb.query(
            "SELECT count(*) FILTER (WHERE currency NOT IN ('EUR', 'USD', 'GBP', 'JPY', 'CHF'))"
                + " AS currency_off,"
                + " count(*) FILTER (WHERE status NOT IN ('PLACED', 'PAID', 'SHIPPED', 'DELIVERED',"
                + " 'CANCELLED', 'RETURNED')) AS status_off,"
                + " count(*) FILTER (WHERE currency = 'JPY' AND amount <> round(amount)) AS yen_off,"
                + " count(*) FILTER (WHERE amount <> round(amount, 2)) AS cents_off,"
                + " count(*) FILTER (WHERE currency = 'JPY') > 0 AS has_yen FROM " + data);
    assertThat(
        values.get(0),
        equalTo(
            Map.of(
                "currency_off", 0L, "status_off", 0L, "yen_off", 0L, "cents_off", 0L,
                "has_yen", true)));
    System.out.printf("FlinkClusterIT: %.1f s in all%n", (System.nanoTime() - start) / 1e9);
  }

  /** Runs {@code java -jar target/datamesh.jar args}, its output in files of the test folder. */
  private CliOutcome runJar(String... args) throws Exception {
    Path jar = Paths.get("target", "datamesh.jar").toAbsolutePath();
    assertThat("mvn package built " + jar, Files.isRegularFile(jar), is(true));
    List<String> command = new ArrayList<>(ChildJvm.java("1g"));
    command.add("-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")));
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("run-out.txt");
    Path err = dir.resolve("run-err.txt");
    Process process =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      assertThat("run finished in time", process.waitFor(3, TimeUnit.MINUTES), is(true));
    } finally {
      process.destroyForcibly().waitFor();
    }
    return new CliOutcome(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
