package org.datamesh.examples.contract;

import static org.datamesh.examples.contract.CommittedVersion.assertWholeAndReadable;
import static org.datamesh.examples.contract.CommittedVersion.countsOf;
import static org.datamesh.examples.contract.CommittedVersion.runFolders;
import static org.datamesh.examples.contract.CommittedVersion.temporaryManifests;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.datamesh.core.publish.HoldPoint;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.demo.OrdersSampleGenerator;
import org.datamesh.examples.demo.SampleLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer can trust a published product even when a run is killed: {@code run} is started as a
 * separate process, as a user or a scheduler starts it, and killed with SIGKILL (no shutdown hook,
 * no cleanup) at several moments; each time the committed version must still be whole and
 * readable, and the next run must publish. Moments timing cannot reach are held with a {@link
 * HoldPoint}, so the kill lands exactly there.
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
    useContract(OrdersContract.write(dir, "sales-orders.odcs.yaml"));
    Path small = dir.resolve("small").resolve("orders.csv");
    SampleLedger smallLedger = OrdersSampleGenerator.write(small, SMALL_ORDERS, 5);
    Path large = dir.resolve("large").resolve("orders.csv");
    OrdersSampleGenerator.write(large, LARGE_ORDERS, 6);

    runToTheEnd(small);
    Manifest previous = Manifest.read(productDir);
    assertThat(previous.counts(), equalTo(countsOf(smallLedger)));
    assertWholeAndReadable(productDir, previous);

    // Early: the JVM is starting, the contract is being loaded, or Flink is starting.
    killAfter(large, 1_500);
    assertWholeAndReadable(productDir, previous);
    // Later: the job is reading and parsing the input.
    killAfter(large, 6_000);
    assertWholeAndReadable(productDir, previous);
    // While writing: the new run's Parquet files have started to appear.
    killOnceWriting(large, previous.runId());
    assertWholeAndReadable(productDir, previous);
    // While writing the manifest: the new one is complete in its temporary file, not renamed.
    killAt(HoldPoint.MANIFEST_RENAME, small);
    assertWholeAndReadable(productDir, previous);
    List<String> leftovers = temporaryManifests(productDir);
    assertThat(leftovers, hasSize(1));
    // It holds the killed run's whole manifest, yet readers never open it: it is not the manifest.
    Manifest killed =
        new ObjectMapper().readValue(productDir.resolve(leftovers.get(0)).toFile(), Manifest.class);
    assertThat(killed.runId(), not(equalTo(previous.runId())));
    assertThat(killed.counts(), equalTo(countsOf(smallLedger)));

    runToTheEnd(small);
    Manifest next = Manifest.read(productDir);
    assertThat(next.runId(), not(equalTo(previous.runId())));
    assertThat(next.counts(), equalTo(countsOf(smallLedger)));
    assertWholeAndReadable(productDir, next);
    assertThat(
        "the killed run's temporary manifest is gone",
        temporaryManifests(productDir),
        equalTo(List.of()));
  }

  @Test
  void aRunKilledWhileApplyingRetentionStaysCommittedAndTheNextRunSweepsTheRest()
      throws Exception {
    // A retention of zero: every run the new manifest does not reference goes at its commit.
    useContract(
        OrdersContract.write(
            dir,
            "no-retention.odcs.yaml",
            OrdersContract.replacing(
                OrdersContract.text(), "value: 90\n    unit: d", "value: 0\n    unit: s")));
    Path input = dir.resolve("orders.csv");
    SampleLedger ledger = OrdersSampleGenerator.write(input, SMALL_ORDERS, 7);

    runToTheEnd(input);
    String first = Manifest.read(productDir).runId();
    killAt(HoldPoint.RETENTION, input);

    Manifest second = Manifest.read(productDir);
    assertThat(second.runId(), not(equalTo(first)));
    assertThat(second.counts(), equalTo(countsOf(ledger)));
    assertWholeAndReadable(productDir, second);
    // Retention removed the first run's data folder, then was killed before its quarantine.
    assertThat(runFolders(productDir, "runs"), contains(second.runId()));
    assertThat(runFolders(productDir, "quarantine"), contains(first, second.runId()));

    runToTheEnd(input);
    Manifest third = Manifest.read(productDir);
    assertWholeAndReadable(productDir, third);
    assertThat(runFolders(productDir, "runs"), contains(third.runId()));
    assertThat(runFolders(productDir, "quarantine"), contains(third.runId()));
  }

  private void useContract(Path file) {
    contract = file;
    output = dir.resolve("mesh");
    productDir = output.resolve("sales").resolve("orders");
  }

  private void runToTheEnd(Path input) throws Exception {
    RunProcess run = start(input, Map.of());
    assertThat(run.log(), run.exitStatus(), is(0));
  }

  private void killAfter(Path input, long millis) throws Exception {
    RunProcess run = start(input, Map.of());
    assertThat(
        "the run was still going when killed\n" + run.log(),
        run.stillRunningAfter(millis),
        is(true));
    run.kill();
  }

  private void killOnceWriting(Path input, String previousRunId) throws Exception {
    RunProcess run = start(input, Map.of());
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!newRunFilesExist(previousRunId)) {
      assertThat("the run was still going when killed\n" + run.log(), run.isAlive(), is(true));
      assertThat("the run started writing in time", System.nanoTime() < deadline, is(true));
      Thread.sleep(10);
    }
    run.kill();
  }

  /** Runs until the run holds at {@code point}, then kills it there. */
  private void killAt(String point, Path input) throws Exception {
    RunProcess run = start(input, Map.of(HoldPoint.HOLD_AT, point));
    run.awaitLine(HoldPoint.marker(point));
    run.kill();
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

  private RunProcess start(Path input, Map<String, String> properties) throws IOException {
    processes++;
    return RunProcess.start(
        contract, input, output, dir.resolve("run-" + processes + ".log"), properties);
  }
}
