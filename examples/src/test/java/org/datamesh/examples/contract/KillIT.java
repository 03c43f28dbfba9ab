package org.datamesh.examples.contract;

import static org.datamesh.examples.contract.CommittedVersion.allRunFolders;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * readable, and the next run must publish. Each moment is recognised by what the run prints or
 * writes, not by how long it has run, so a faster or slower machine moves no kill elsewhere (only
 * the early kill is timed, 1.5 s in, while the JVM and Flink start). Moments the run does not
 * show long enough are held with a {@link HoldPoint}, so the kill lands exactly there.
 */
class KillIT {

  /** Large enough that parsing it on embedded Flink lasts a second or more on a 2-core machine. */
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
    // Later: the job is parsing the input, and has written nothing yet.
    killWhileParsing(large);
    assertWholeAndReadable(productDir, previous);
    // While writing: the new run's Parquet files have started to appear.
    killOnceWriting(large);
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
    // A retention of zero: a run that never committed goes at the next commit.
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
    // A run that failed a day ago: past a retention of zero. The first run, superseded by the
    // killed one, is not: a superseded version is kept for the reader grace (an hour).
    String failed =
        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.now().minus(java.time.Duration.ofDays(1)))
            + "-0f0f0f";
    for (String kind : List.of("runs", "quarantine")) {
      Path file = productDir.resolve(kind).resolve(failed).resolve("orders/part-0.parquet");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "left by a failed run");
    }
    killAt(HoldPoint.RETENTION, input);

    Manifest second = Manifest.read(productDir);
    assertThat(second.runId(), not(equalTo(first)));
    assertThat(second.counts(), equalTo(countsOf(ledger)));
    assertWholeAndReadable(productDir, second);
    // Retention removed the failed run's data folder, then was killed before its quarantine.
    assertThat(runFolders(productDir, "runs"), contains(first, second.runId()));
    assertThat(runFolders(productDir, "quarantine"), contains(failed, first, second.runId()));

    runToTheEnd(input);
    Manifest third = Manifest.read(productDir);
    assertWholeAndReadable(productDir, third);
    assertThat(runFolders(productDir, "runs"), contains(first, second.runId(), third.runId()));
    assertThat(
        runFolders(productDir, "quarantine"), contains(first, second.runId(), third.runId()));
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

  /**
   * Kills the run once embedded Flink reports its parse step under way, then checks from what it
   * printed before dying that the step still was, and that none of its files was written yet: the
   * kill landed while parsing however fast or slow the machine is, or the test fails saying why.
   */
  private void killWhileParsing(Path input) throws Exception {
    List<String> before = allRunFolders(productDir);
    RunProcess run = start(input, ParseStep.LOGGING);
    run.await("the parse step", () -> ParseStep.underWay(run.log()));
    run.kill();
    assertThat(
        "the parse step was under way when the run was killed\n" + run.log(),
        ParseStep.underWay(run.log()),
        is(true));
    assertThat(
        "the killed run had written nothing yet", allRunFolders(productDir), equalTo(before));
  }

  /**
   * Kills the run once a run folder appears that was not there before it started: its own, since
   * it is the only run. (The run's id is printed only at its end, so the folder is known by being
   * new; the earlier killed runs' folders stay and must not count.)
   */
  private void killOnceWriting(Path input) throws Exception {
    List<String> before = allRunFolders(productDir);
    RunProcess run = start(input, Map.of());
    run.await("the run's first folder", () -> !newFolders(before).isEmpty());
    run.kill();
    Set<String> runIds = new TreeSet<>();
    for (String folder : newFolders(before)) {
      runIds.add(folder.substring(folder.indexOf('/') + 1));
    }
    assertThat("the new folders are one run's", runIds, hasSize(1));
  }

  /** Runs until the run holds at {@code point}, then kills it there. */
  private void killAt(String point, Path input) throws Exception {
    RunProcess run = start(input, Map.of(HoldPoint.HOLD_AT, point));
    run.awaitLine(HoldPoint.marker(point));
    run.kill();
  }

  private List<String> newFolders(List<String> before) throws IOException {
    List<String> folders = new ArrayList<>(allRunFolders(productDir));
    folders.removeAll(before);
    return folders;
  }

  private RunProcess start(Path input, Map<String, String> properties) throws IOException {
    processes++;
    return RunProcess.start(
        contract, input, output, dir.resolve("run-" + processes + ".log"), properties);
  }
}
