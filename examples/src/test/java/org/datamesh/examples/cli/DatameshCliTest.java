package org.datamesh.examples.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says and returns before any pipeline runs. */
class DatameshCliTest {

  @TempDir Path dir;

  /** A usage error: status 2 and exactly one line on stderr, no stack trace. */
  static void assertUsageError(CliOutcome outcome, String expected) {
    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.err(), containsString(expected));
    assertThat(outcome.err().strip().lines().count(), is(1L));
    assertThat(outcome.err(), allOf(not(containsString("Exception")), not(containsString("\tat "))));
  }

  @Test
  void helpListsCommandsAndOptionsWithTheirDefaults() {
    CliOutcome outcome = CliOutcome.run("--help");
    assertThat(outcome.status(), is(ExitCode.OK));
    assertThat(
        outcome.out(),
        allOf(
            containsString("java -jar examples/target/datamesh.jar <command>"),
            containsString("demo "),
            containsString("--output=DIR"),
            containsString("--records=N"),
            containsString("(default 20000)"),
            containsString("--seed=N"),
            containsString("--runner=NAME"),
            containsString("Exit status: 0 published")));
    String demoHelp = CliOutcome.run("demo", "--help").out();
    assertThat(
        demoHelp,
        allOf(containsString("--records=N"), containsString("--products="), containsString("--runner=NAME")));
    assertThat("only the demo's options", demoHelp, not(containsString("--scenarios")));
  }

  @Test
  void noArgumentsPrintsHelpAndIsAUsageError() {
    CliOutcome outcome = CliOutcome.run();
    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.out(), containsString("Commands:"));
  }

  @Test
  void unknownCommand() {
    assertUsageError(CliOutcome.run("deploy"), "unknown command 'deploy'");
  }

  @Test
  void demoWithoutOutput() {
    assertUsageError(CliOutcome.run("demo"), "datamesh demo: --output is required");
  }

  @Test
  void unknownOption() {
    assertUsageError(CliOutcome.run("demo", "--output=" + dir, "--colour=red"), "unknown option --colour");
  }

  @Test
  void argumentThatIsNotAnOption() {
    assertUsageError(
        CliOutcome.run("demo", "output"),
        "datamesh demo: unexpected argument 1 (not an option): options look like --name=value");
  }

  @Test
  void unknownRunner() {
    assertUsageError(CliOutcome.run("demo", "--output=" + dir, "--runner=Spark"), "unknown runner");
  }

  @Test
  void theDataflowRunnerNeedsTheDataflowProfile() {
    assumeFalse(
        DatameshCliTest.class.getClassLoader().getResource(
                "org/apache/beam/runners/dataflow/DataflowRunner.class")
            != null,
        "built with -Pdataflow: the Dataflow runner is there, so there is no missing-profile"
            + " message to check (CI builds without the profile, where this runs)");
    assertUsageError(
        CliOutcome.run("demo", "--output=" + dir, "--runner=DataflowRunner"),
        "unknown runner: use --runner=FlinkRunner or --runner=DirectRunner"
            + " (--runner=DataflowRunner needs a build with -Pdataflow)");
  }

  @Test
  void outputThatCannotBeCreated() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "in the way");
    assertUsageError(
        CliOutcome.run("demo", "--output=" + file.resolve("products")),
        "cannot write to " + file.resolve("products") + " (Not a directory)");
  }

  @Test
  void outputThatIsAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "in the way");
    assertUsageError(CliOutcome.run("demo", "--output=" + file), "cannot write to " + file + " (a file is in the way)");
  }

  @Test
  void recordsMustBeEnoughForAMesh() {
    assertUsageError(CliOutcome.run("demo", "--output=" + dir, "--records=10"), "--records must be at least 50");
  }

  @Test
  void productsMustBeOfTheMesh() {
    assertUsageError(
        CliOutcome.run("demo", "--output=" + dir, "--products=crm/customers,crm/nothing"),
        "--products names crm/nothing, which is not a product of the mesh");
  }

  @Test
  void malformedNumber() {
    assertUsageError(CliOutcome.run("demo", "--output=" + dir, "--records=many"), "many");
  }
}
