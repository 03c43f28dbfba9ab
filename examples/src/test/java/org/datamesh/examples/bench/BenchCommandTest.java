package org.datamesh.examples.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.DatameshCli;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command's usage, scenarios and goals, without running a benchmark. */
class BenchCommandTest {

  @TempDir Path folder;

  @Test
  void helpListsBothCommandsAndTheirOptions() {
    CliOutcome help = CliOutcome.run("--help");

    assertThat(help.out(), containsString("bench "));
    assertThat(help.out(), containsString("bench-report "));
    assertThat(help.out(), containsString("--scenarios=SCENARIOS"));
    assertThat(help.out(), containsString("--records=N"));
    assertThat(help.out(), containsString("--results=RESULTS"));
    assertThat(help.out(), containsString("(default docs/benchmarks.md)"));
  }

  @Test
  void anUnknownScenarioIsAUsageErrorNamingTheChoices() {
    CliOutcome outcome = CliOutcome.run("bench", "--output=" + folder, "--scenarios=library-vs-nothing");

    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.err(), containsString("unknown scenario 'library-vs-nothing'"));
    assertThat(outcome.err(), containsString("memory-10m"));
  }

  @Test
  void ingestLogWithoutABrokerIsRefusedInOneLineBeforeAnythingRuns() throws Exception {
    CliOutcome outcome =
        CliOutcome.run("bench", "--output=" + folder, "--scenarios=library-vs-plain-java,ingest-log");

    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(
        outcome.errLines(),
        contains(
            "datamesh bench: the ingest-log scenario needs a running Kafka broker:"
                + " add --bootstrapServers=HOST:PORT (bench starts none)"));
    assertThat(outcome.out(), is(""));
    try (var created = Files.list(folder)) {
      assertThat("nothing generated", created.toList(), is(empty()));
    }
  }

  @Test
  void theSparkPeerNotBuiltIsRefusedInOneLineSayingHowToBuildIt() throws Exception {
    CliOutcome outcome =
        CliOutcome.run(
            "bench", "--output=" + folder, "--scenarios=library-vs-spark",
            "--sparkPeer=" + folder.resolve("no-spark-here"));

    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(
        outcome.err(),
        containsString("build it with: mvn -B -q -f examples/spark-bench/pom.xml package"));
    assertThat(outcome.err(), not(containsString("\tat ")));
    assertThat(outcome.out(), is(""));
    assertThat("the Spark peer is not a default scenario", Scenario.DEFAULTS, not(hasItem(Scenario.LIBRARY_VS_SPARK)));
  }

  @Test
  void aBrokerIsOnlyNeededByIngestLog() throws Exception {
    assertThat(BenchCommand.brokerFor(Scenario.DEFAULTS, null), is(nullValue()));
    assertThat(
        BenchCommand.brokerFor(Scenario.parse("ingest-log"), " 127.0.0.1:9092 "),
        is("127.0.0.1:9092"));
    assertThrows(
        UsageException.class, () -> BenchCommand.brokerFor(Scenario.parse("ingest-log"), " "));
  }

  @Test
  void badSizesAreUsageErrors() {
    assertThat(CliOutcome.run("bench", "--output=" + folder, "--records=0").status(), is(ExitCode.USAGE));
    assertThat(CliOutcome.run("bench", "--output=" + folder, "--repeat=0").status(), is(ExitCode.USAGE));
    assertThat(
        CliOutcome.run("bench", "--output=" + folder, "--fsyncRecords=0").status(),
        is(ExitCode.USAGE));
    assertThat(CliOutcome.run("bench", "--records=10").status(), is(ExitCode.USAGE));
    assertThat(CliOutcome.run("bench-report").status(), is(ExitCode.USAGE));
  }

  @Test
  void theDefaultsAreEveryScenarioButTheLongOnes() {
    assertThat(Scenario.parse(null), is(Scenario.DEFAULTS));
    assertThat(Scenario.DEFAULTS, not(org.hamcrest.Matchers.hasItem(Scenario.MEMORY_10M)));
    assertThat(Scenario.DEFAULTS, not(org.hamcrest.Matchers.hasItem(Scenario.FSYNC_1M)));
    assertThat(Scenario.DEFAULTS, not(org.hamcrest.Matchers.hasItem(Scenario.INGEST_LOG)));
    assertThat(Scenario.parse("ingest-log"), contains(Scenario.INGEST_LOG));
    assertThat(Scenario.INGEST_LOG.goal, is(Goal.atLeast(0.9)));
    assertThat(Scenario.INGEST_LOG.unit, is("lines/s"));
    assertThat(Scenario.parse("fsync-1m").get(0), is(Scenario.FSYNC_1M));
    assertThat(Scenario.DEFAULTS.size(), is(7));
    assertThat(Scenario.parse(" memory-10m,scale-10x ").get(0), is(Scenario.MEMORY_10M));
    assertThrows(IllegalArgumentException.class, () -> Scenario.parse("scale-100x"));
  }

  @Test
  void goalsCompareTheRatio() {
    assertThat(Goal.atLeast(0.5).isMetBy(0.5), is(true));
    assertThat(Goal.atLeast(0.5).isMetBy(0.49), is(false));
    assertThat(Goal.atMost(10.5).isMetBy(10.6), is(false));
    assertThat(Goal.atMost(1.0).isMetBy(null), is(false));
    assertThat(Goal.COMPLETES.isMetBy(null), is(true));
    assertThat(Goal.atLeast(0.8).toString(), is(">= 0.8"));
  }
}
