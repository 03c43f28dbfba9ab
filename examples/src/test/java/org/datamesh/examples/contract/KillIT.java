package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.datamesh.examples.demo.OrdersSampleGenerator;
import org.datamesh.examples.demo.SampleLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer can trust a published product even when a run is killed: {@code run} is started as a
 * separate process, as a user or a scheduler starts it, and killed with SIGKILL (no shutdown hook,
 * no cleanup) at several moments; each time the previous version must still be whole and
 * readable, and the next run must publish.
 */
class KillIT {

  /** Large enough that a run on embedded Flink lasts several seconds on a 2-core machine. */
  private static final int LARGE_ORDERS = 60_000;

  private static final int SMALL_ORDERS = 800;

  @TempDir Path dir;

  private Path contract;
  private Path output;
  private Path productDir;
  private int processes;

  @Test
  void aKilledRunLeavesThePreviousVersionWholeAndTheNextRunPublishes() throws Exception {
    contract = OrdersContract.write(dir, "sales-orders.odcs.yaml");
    output = dir.resolve("mesh");
    productDir = output.resolve("sales").resolve("orders");
    Path small = dir.resolve("small").resolve("orders.csv");
    SampleLedger smallLedger = OrdersSampleGenerator.write(small, SMALL_ORDERS, 5);
    Path large = dir.resolve("large").resolve("orders.csv");
    OrdersSampleGenerator.write(large, LARGE_ORDERS, 6);

    runToTheEnd(small);
    Manifest previous = Manifest.read(productDir);
    assertThat(previous.counts().published(), equalTo(smallLedger.published()));
    assertWholeAndReadable(previous);

    // Early: the JVM is starting, the contract is being loaded, or Flink is starting.
    killAfter(large, 1_500);
    assertWholeAndReadable(previous);
    // Later: the job is reading and parsing the input.
    killAfter(large, 6_000);
    assertWholeAndReadable(previous);
    // While writing: the new run's Parquet files have started to appear.
    killOnceWriting(large, previous.runId());
    assertWholeAndReadable(previous);

    runToTheEnd(small);
    Manifest next = Manifest.read(productDir);
    assertThat(next.runId(), not(equalTo(previous.runId())));
    assertThat(next.counts().balances(), is(true));
    assertThat(
        next.counts(),
        equalTo(
            new Manifest.Counts(
                smallLedger.records(),
                smallLedger.published(),
                smallLedger.quarantined(),
                smallLedger.duplicates())));
    assertWholeAndReadable(next);
  }

  /** The manifest in force is {@code expected}'s, every file it lists exists and DuckDB reads it. */
  private void assertWholeAndReadable(Manifest expected) throws Exception {
    Manifest current = Manifest.read(productDir);
    assertThat("the previous run stays committed", current.runId(), equalTo(expected.runId()));
    assertThat(current, equalTo(expected));
    assertListedFilesArePublished(current.files(), "runs/" + current.runId() + "/");
    assertListedFilesArePublished(
        current.quarantineFiles(), "quarantine/" + current.runId() + "/");
    List<Map<String, Object>> rows =
        DuckDb.query(
            "SELECT count(*) AS n FROM " + DuckDb.parquet(productDir, current.files()));
    assertThat(rows.get(0).get("n"), equalTo(expected.counts().published()));
    List<Map<String, Object>> quarantined =
        DuckDb.query(
            "SELECT count(*) AS n FROM " + DuckDb.parquet(productDir, current.quarantineFiles()));
    assertThat(quarantined.get(0).get("n"), equalTo(expected.counts().quarantined()));
  }

  /** Each file exists, in its run's folder, and is no writer's temporary file. */
  private void assertListedFilesArePublished(List<String> files, String runFolder) {
    for (String file : files) {
      assertThat(file, Files.isRegularFile(productDir.resolve(file)), is(true));
      assertThat(
          "no temporary file is published",
          file,
          allOf(startsWith(runFolder), not(containsString("/.")), not(containsString("temp"))));
    }
  }

  private void runToTheEnd(Path input) throws Exception {
    Process process = start(input);
    assertThat("the run finished in time", process.waitFor(3, TimeUnit.MINUTES), is(true));
    assertThat(log(), process.exitValue(), is(0));
  }

  private void killAfter(Path input, long millis) throws Exception {
    Process process = start(input);
    boolean ended = process.waitFor(millis, TimeUnit.MILLISECONDS);
    assertThat("the run was still going when killed\n" + log(), ended, is(false));
    kill(process);
  }

  private void killOnceWriting(Path input, String previousRunId) throws Exception {
    Process process = start(input);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!newRunFilesExist(previousRunId)) {
      assertThat("the run was still going when killed\n" + log(), process.isAlive(), is(true));
      assertThat("the run started writing in time", System.nanoTime() < deadline, is(true));
      Thread.sleep(10);
    }
    kill(process);
  }

  private boolean newRunFilesExist(String previousRunId) throws IOException {
    for (String folder : List.of("runs", "quarantine")) {
      Path runs = productDir.resolve(folder);
      if (!Files.isDirectory(runs)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(runs)) {
        if (entries.anyMatch(p -> !p.getFileName().toString().equals(previousRunId))) {
          return true;
        }
      }
    }
    return false;
  }

  /** SIGKILL on Linux: the process gets no chance to clean up or finish a write. */
  private static void kill(Process process) throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS), is(true));
  }

  /** Starts {@code datamesh run} in a new JVM with the test's classpath, on embedded Flink. */
  private Process start(Path input) throws IOException {
    processes++;
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    List<String> command =
        List.of(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g",
            // Flink's working files of a killed run stay in the test's folder, not in /tmp.
            "-Djava.io.tmpdir=" + tmp,
            "-cp",
            System.getProperty("java.class.path"),
            "org.datamesh.examples.cli.DatameshCli",
            "run",
            "--contract=" + contract,
            "--input=" + input,
            "--output=" + output,
            "--parallelism=2");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logFile().toFile())
        .start();
  }

  private Path logFile() {
    return dir.resolve("run-" + processes + ".log");
  }

  private String log() throws IOException {
    return Files.exists(logFile()) ? Files.readString(logFile(), StandardCharsets.UTF_8) : "";
  }
}
