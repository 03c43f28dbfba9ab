package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run} refuses before any pipeline is built: one line, exit 2, nothing written. */
class RunCommandTest {

  @TempDir Path dir;

  private void assertRefused(String expected, String... args) {
    CliOutcome outcome = CliOutcome.run(args);
    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.errLines(), equalTo(List.of("datamesh run: " + expected)));
    assertThat(Files.exists(dir.resolve("mesh")), is(false));
  }

  @Test
  void refusesAnUnknownInputFormat() throws Exception {
    assertRefused(
        "--inputFormat must be csv, jsonl or log",
        "run",
        "--contract=" + OrdersContract.write(dir, "c.yaml"),
        "--input=" + dir,
        "--output=" + dir.resolve("mesh"),
        "--inputFormat=xml");
  }

  @Test
  void refusesLogInputWithoutALogPatternInTheContract() throws Exception {
    Path contract = OrdersContract.write(dir, "c.yaml");
    Path input = Files.writeString(dir.resolve("orders.log"), "ORD-1 12.50\n");
    CliOutcome outcome =
        CliOutcome.run(
            "run",
            "--contract=" + contract,
            "--input=" + input,
            "--output=" + dir.resolve("mesh"),
            "--inputFormat=log");
    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(
        outcome.errLines(),
        equalTo(
            List.of(
                "datamesh run: contract " + contract.toAbsolutePath().normalize() + " has 1 problem:",
                "  schema[0].customProperties: reading log lines needs a logPattern: a custom"
                    + " property of the object whose value is a regular expression with a named"
                    + " group (?<column>...) per column")));
    assertThat(Files.exists(dir.resolve("mesh")), is(false));
  }

  @Test
  void refusesAFolderAsInput() throws Exception {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    assertRefused(
        "--input names a folder; give its files, e.g. --input=" + exports + "/*.csv",
        "run",
        "--contract=" + OrdersContract.write(dir, "c.yaml"),
        "--input=" + exports,
        "--output=" + dir.resolve("mesh"));
  }

  @Test
  void refusesAnInputFileThatDoesNotExist() throws Exception {
    Path missing = dir.resolve("exports").resolve("orders-2024-03-05.csv");
    assertRefused(
        "--input matches no file: " + missing,
        "run",
        "--contract=" + OrdersContract.write(dir, "c.yaml"),
        "--input=" + missing,
        "--output=" + dir.resolve("mesh"));
  }

  @Test
  void refusesAMissingInputOrContract() throws Exception {
    assertRefused(
        "--input is required: a file or glob such as exports/orders-*.csv.gz",
        "run",
        "--contract=" + OrdersContract.write(dir, "c.yaml"),
        "--output=" + dir.resolve("mesh"));
    assertRefused(
        "--contract is required: the product's ODCS contract (YAML file)",
        "run",
        "--input=" + dir,
        "--output=" + dir.resolve("mesh"));
  }

  @Test
  void helpNamesEveryOption() {
    CliOutcome outcome = CliOutcome.run("run", "--help");
    assertThat(outcome.status(), is(ExitCode.OK));
    assertThat(
        outcome.out(),
        allOf(
            containsString("--contract=FILE"),
            containsString("--input=PATH_OR_GLOB"),
            containsString("--inputFormat=auto|csv|jsonl|log"),
            containsString("(default auto)"),
            containsString("--output=DIR"),
            containsString("--runner=NAME")));
  }
}
