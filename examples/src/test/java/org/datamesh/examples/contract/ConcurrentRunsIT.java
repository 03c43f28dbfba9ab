package org.datamesh.examples.contract;

import static org.datamesh.examples.contract.CommittedVersion.assertWholeAndReadable;
import static org.datamesh.examples.contract.CommittedVersion.countsOf;
import static org.datamesh.examples.contract.CommittedVersion.runFolders;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code run}s started at once into the same output, each in its own JVM, with different
 * inputs: one commits, the other fails clearly or commits after it, and the manifest in force is
 * always one run's, whole, never a mix of both.
 */
class ConcurrentRunsIT {

  private static final Pattern PUBLISHED =
      Pattern.compile("Published sales\\.orders \\S+, run (\\S+),");

  @TempDir Path dir;

  private Path contract;
  private Path output;
  private Path productDir;

  @Test
  void oneRunCommitsAndTheOtherFailsClearlyOrCommitsAfterNeverAMix() throws Exception {
    contract = OrdersContract.write(dir, "sales-orders.odcs.yaml");
    output = dir.resolve("mesh");
    productDir = output.resolve("sales").resolve("orders");
    Path inputA = dir.resolve("a").resolve("orders.csv");
    SampleLedger ledgerA = OrdersSampleGenerator.write(inputA, 300, 11);
    Path inputB = dir.resolve("b").resolve("orders.csv");
    SampleLedger ledgerB = OrdersSampleGenerator.write(inputB, 500, 12);

    // Deterministic: A holds just before its commit until B has committed.
    Path release = dir.resolve("release-a");
    RunProcess a =
        start(
            "a-1",
            inputA,
            Map.of(
                HoldPoint.HOLD_AT, HoldPoint.MANIFEST_LOCK,
                HoldPoint.HOLD_UNTIL, release.toString()));
    RunProcess b = start("b-1", inputB, Map.of());
    a.awaitLine(HoldPoint.marker(HoldPoint.MANIFEST_LOCK));
    assertThat(b.log(), b.exitStatus(), is(0));
    Manifest winner = Manifest.read(productDir);
    assertThat(winner.runId(), equalTo(publishedRunId(b)));
    assertThat(winner.counts(), equalTo(countsOf(ledgerB)));
    Files.createFile(release);

    assertThat(a.log(), a.exitStatus(), is(1));
    Matcher conflict =
        Pattern.compile(
                "(?m)^run (\\S+) of sales\\.orders was not committed: run "
                    + Pattern.quote(winner.runId())
                    + " committed while it ran \\(it started from no published version\\)\\. Its"
                    + " files stay uncommitted under runs/(\\S+) and quarantine/(\\S+); run it"
                    + " again to publish\\.")
            .matcher(a.log());
    assertThat(a.log(), conflict.find(), is(true));
    String loser = conflict.group(1);
    assertThat(conflict.group(2), equalTo(loser));
    assertThat(conflict.group(3), equalTo(loser));
    assertWholeAndReadable(productDir, winner);
    assertThat(runFolders(productDir, "runs"), hasItem(loser));

    // Free race: started together, no hold; whoever started after the other's commit commits.
    RunProcess a2 = start("a-2", inputA, Map.of());
    RunProcess b2 = start("b-2", inputB, Map.of());
    int statusA = a2.exitStatus();
    int statusB = b2.exitStatus();
    assertThat(statusA + statusB, oneOf(0, 1));
    Manifest inForce = Manifest.read(productDir);
    assertWholeAndReadable(productDir, inForce);
    if (statusA == 0 && inForce.runId().equals(publishedRunId(a2))) {
      assertThat(inForce.counts(), equalTo(countsOf(ledgerA)));
    } else {
      assertThat(inForce.runId(), equalTo(publishedRunId(b2)));
      assertThat(inForce.counts(), equalTo(countsOf(ledgerB)));
    }
    RunProcess failed = statusA == 1 ? a2 : statusB == 1 ? b2 : null;
    if (failed != null) {
      assertThat(failed.log(), containsString("committed while it ran"));
    }
  }

  private RunProcess start(String name, Path input, Map<String, String> properties)
      throws IOException {
    return RunProcess.start(contract, input, output, dir.resolve(name + ".log"), properties);
  }

  private static String publishedRunId(RunProcess run) throws IOException {
    Matcher published = PUBLISHED.matcher(run.log());
    assertThat(run.log(), published.find(), is(true));
    return published.group(1);
  }
}
