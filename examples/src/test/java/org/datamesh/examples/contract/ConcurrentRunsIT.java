package org.datamesh.examples.contract;

import static org.datamesh.examples.contract.CommittedVersion.assertWholeAndReadable;
import static org.datamesh.examples.contract.CommittedVersion.countsOf;
import static org.datamesh.examples.contract.CommittedVersion.runFolders;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datamesh.core.publish.HoldPoint;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.demo.OrdersSampleGenerator;
import org.datamesh.examples.demo.SampleLedger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code run}s into the same output at once, each in its own JVM, with different inputs: one
 * commits, the other fails clearly or commits after it, and the manifest in force is always one
 * run's, whole, never a mix of both.
 */
class ConcurrentRunsIT {

  private static final Pattern PUBLISHED =
      Pattern.compile("Published sales\\.orders \\S+, run (\\S+),");

  @TempDir Path dir;

  private Path contract;
  private Path output;
  private Path productDir;
  private Path inputA;
  private SampleLedger ledgerA;
  private Path inputB;
  private SampleLedger ledgerB;

  @BeforeEach
  void writeContractAndInputs() throws IOException {
    contract = OrdersContract.write(dir, "sales-orders.odcs.yaml");
    output = dir.resolve("mesh");
    productDir = output.resolve("sales").resolve("orders");
    inputA = dir.resolve("a").resolve("orders.csv");
    ledgerA = OrdersSampleGenerator.write(inputA, 300, 11);
    inputB = dir.resolve("b").resolve("orders.csv");
    ledgerB = OrdersSampleGenerator.write(inputB, 500, 12);
  }

  @Test
  void oneRunCommitsAndTheOtherFailsClearlyOrCommitsAfterNeverAMix() throws Exception {
    // Deterministic: A holds just before its commit until B has committed. B starts only once A
    // holds, so A has read the manifest in force (none) before B can commit.
    Path release = dir.resolve("release-a");
    RunProcess a = start("a-1", inputA, holding(HoldPoint.MANIFEST_LOCK, release));
    a.awaitLine(HoldPoint.marker(HoldPoint.MANIFEST_LOCK));
    RunProcess b = start("b-1", inputB, Map.of());
    assertThat(b.log(), b.exitStatus(), is(0));
    Manifest winner = Manifest.read(productDir);
    assertThat(b.log(), published(b), equalTo(winner.runId()));
    assertThat(winner.counts(), equalTo(countsOf(ledgerB)));
    Files.createFile(release);

    assertThat(a.log(), a.exitStatus(), is(1));
    String loser = assertLostTo(a, winner.runId(), "");
    assertWholeAndReadable(productDir, winner);
    assertThat(runFolders(productDir, "runs"), hasItem(loser));

    // Free race: started together, no hold. Both start from the winner's version, so normally the
    // first to commit wins and the other fails; only one that starts after the other's commit
    // commits too. Either way the manifest in force is the last committer's, whole.
    RunProcess runA = start("a-2", inputA, Map.of());
    RunProcess runB = start("b-2", inputB, Map.of());
    Contender a2 = new Contender(runA, ledgerA, runA.exitStatus());
    Contender b2 = new Contender(runB, ledgerB, runB.exitStatus());
    Manifest inForce = Manifest.read(productDir);
    Contender last = published(a2.run()).equals(inForce.runId()) ? a2 : b2;
    Contender other = last == a2 ? b2 : a2;
    assertThat(last.run().log(), last.status(), is(0));
    assertThat(last.run().log(), published(last.run()), equalTo(inForce.runId()));
    assertThat(inForce.counts(), equalTo(countsOf(last.ledger())));
    assertWholeAndReadable(productDir, inForce);
    if (other.status() == 0) {
      // It committed first, and the last one started after that: one after the other, no mix.
      assertThat(other.run().log().lines().toList(), PrintedCounts.of(other.ledger()));
      assertThat(runFolders(productDir, "runs"), hasItem(published(other.run())));
    } else {
      assertThat(other.run().log(), other.status(), is(1));
      assertLostTo(other.run(), inForce.runId(), winner.runId());
    }
  }

  @Test
  void aRunWaitsForTheCommitLockAnotherProcessHoldsThenSeesItsCommit() throws Exception {
    // A holds inside the product's lock, its new manifest written but not yet in force. B (same
    // start, nothing in force) runs its whole job meanwhile and holds just before taking the
    // lock; it is let go only once A holds, so from then on it has nothing left but the lock.
    Path releaseA = dir.resolve("release-a");
    Path releaseB = dir.resolve("release-b");
    RunProcess a = start("a", inputA, holding(HoldPoint.MANIFEST_RENAME, releaseA));
    RunProcess b = start("b", inputB, holding(HoldPoint.MANIFEST_LOCK, releaseB));
    a.awaitLine(HoldPoint.marker(HoldPoint.MANIFEST_RENAME));
    b.awaitLine(HoldPoint.marker(HoldPoint.MANIFEST_LOCK));
    Files.createFile(releaseB);

    // Without the operating-system lock on _manifest.lock, B (another JVM, so another in-JVM
    // lock) would take the lock at once, find nothing in force, as when it started, and commit
    // before A. With it, B waits, and nothing is committed while A holds.
    assertThat("B waits for A's lock\n" + b.log(), b.stillRunningAfter(3_000), is(true));
    assertThat(Files.exists(productDir.resolve(Manifest.FILE_NAME)), is(false));

    Files.createFile(releaseA);
    assertThat(a.log(), a.exitStatus(), is(0));
    Manifest committed = Manifest.read(productDir);
    assertThat(a.log(), published(a), equalTo(committed.runId()));
    assertThat(committed.counts(), equalTo(countsOf(ledgerA)));
    // B then takes the lock, sees A's commit, and commits nothing.
    assertThat(b.log(), b.exitStatus(), is(1));
    assertLostTo(b, committed.runId(), "");
    assertWholeAndReadable(productDir, committed);
  }

  @Test
  void aRunThatCommittedReportsItsOwnVersionThoughAnotherCommittedRightAfter() throws Exception {
    // A commits, then holds before its commit step returns; B starts from A's version and
    // commits over it. On main, A then re-read _manifest.json, found B's, and exited 1 with
    // "finished without committing" although its version had been committed.
    Path release = dir.resolve("release-a");
    RunProcess a = start("a", inputA, holding(HoldPoint.COMMITTED, release));
    a.awaitLine(HoldPoint.marker(HoldPoint.COMMITTED));
    Manifest committedA = Manifest.read(productDir);
    RunProcess b = start("b", inputB, Map.of());
    assertThat(b.log(), b.exitStatus(), is(0));
    Manifest committedB = Manifest.read(productDir);
    assertThat(committedB.superseded().get(0).runId(), equalTo(committedA.runId()));
    Files.createFile(release);

    assertThat(a.log(), a.exitStatus(), is(0));
    assertThat(a.log(), published(a), equalTo(committedA.runId()));
    assertThat(a.log().lines().toList(), PrintedCounts.of(ledgerA));
    assertWholeAndReadable(productDir, committedB);
  }

  @Test
  void aRunWhoseLockFileWasDeletedWhileItHeldItCommitsNothing() throws Exception {
    // A holds inside the lock, its manifest written but not renamed; the lock file is deleted,
    // and B takes a lock on a new file and commits. On main A then renamed its manifest over
    // B's, or failed on the temporary file B had removed as a leftover.
    Path release = dir.resolve("release-a");
    RunProcess a = start("a", inputA, holding(HoldPoint.MANIFEST_RENAME, release));
    a.awaitLine(HoldPoint.marker(HoldPoint.MANIFEST_RENAME));
    Files.delete(productDir.resolve("_manifest.lock"));
    RunProcess b = start("b", inputB, Map.of());
    assertThat(b.log(), b.exitStatus(), is(0));
    Manifest committed = Manifest.read(productDir);
    Files.createFile(release);

    assertThat(a.log(), a.exitStatus(), is(1));
    assertThat(
        a.log(),
        a.log().contains(
            "_manifest.lock was deleted or replaced while this run held the commit lock on it"),
        is(true));
    assertThat(Manifest.read(productDir), equalTo(committed));
    assertThat(committed.counts(), equalTo(countsOf(ledgerB)));
    assertWholeAndReadable(productDir, committed);
  }

  /** A run in a race, the ledger of its input, and how it ended. */
  private record Contender(RunProcess run, SampleLedger ledger, int status) {}

  private RunProcess start(String name, Path input, Map<String, String> properties)
      throws IOException {
    return RunProcess.start(contract, input, output, dir.resolve(name + ".log"), properties);
  }

  /** Holds at {@code point} until {@code release} exists. */
  private static Map<String, String> holding(String point, Path release) {
    return Map.of(HoldPoint.HOLD_AT, point, HoldPoint.HOLD_UNTIL, release.toString());
  }

  /** The run id {@code run} printed as published; empty when it printed none. */
  private static String published(RunProcess run) throws IOException {
    Matcher published = PUBLISHED.matcher(run.log());
    return published.find() ? published.group(1) : "";
  }

  /**
   * Asserts that {@code run} printed that run {@code winner} committed while it ran, having
   * started from run {@code startedFrom} (empty: from no published version), and where its own
   * files stay; returns its run id.
   */
  private static String assertLostTo(RunProcess run, String winner, String startedFrom)
      throws IOException {
    Matcher conflict =
        Pattern.compile(
                "(?m)^run (\\S+) of sales\\.orders was not committed: run "
                    + Pattern.quote(winner)
                    + " committed while it ran \\(it started from "
                    + (startedFrom.isEmpty()
                        ? "no published version"
                        : "run " + Pattern.quote(startedFrom))
                    + "\\)\\. Its files stay uncommitted under runs/(\\S+) and quarantine/(\\S+);"
                    + " run it again to publish\\.$")
            .matcher(run.log());
    assertThat(run.log(), conflict.find(), is(true));
    String loser = conflict.group(1);
    assertThat(conflict.group(2), equalTo(loser));
    assertThat(conflict.group(3), equalTo(loser));
    return loser;
  }
}
