package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code profile} refuses (one line, exit 2, nothing written) and what it replaces. */
class ProfileCommandTest {

  @TempDir Path dir;

  private CliOutcome profile(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "profile";
    System.arraycopy(options, 0, args, 1, options.length);
    args[args.length - 1] = "--runner=DirectRunner";
    return CliOutcome.run(args);
  }

  @Test
  void refusesAMissingInput() {
    Path missing = dir.resolve("nothing.csv");
    CliOutcome outcome = profile("--input=" + missing, "--output=" + dir.resolve("c.yaml"));
    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.errLines(), equalTo(List.of("datamesh profile: --input matches no file: " + missing)));
    assertThat(Files.exists(dir.resolve("c.yaml")), is(false));
  }

  @Test
  void refusesAnUnknownFormat() throws Exception {
    Path input = Files.writeString(dir.resolve("a.csv"), "id\n1\n");
    CliOutcome outcome =
        profile("--input=" + input, "--output=" + dir.resolve("c.yaml"), "--inputFormat=log");
    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.errLines(), equalTo(List.of("datamesh profile: --inputFormat must be csv or jsonl")));
  }

  @Test
  void refusesToOverwriteUnlessForced() throws Exception {
    Path input = Files.writeString(dir.resolve("a.csv"), "id,name\n1,Ada\n2,Grace\n");
    Path contract = Files.writeString(dir.resolve("c.yaml"), "mine\n");
    CliOutcome refused = profile("--input=" + input, "--output=" + contract);
    assertThat(refused.status(), is(ExitCode.USAGE));
    assertThat(
        refused.errLines(),
        equalTo(List.of("datamesh profile: --output " + contract + " exists; add --force to replace it")));
    assertThat(Files.readString(contract), equalTo("mine\n"));

    CliOutcome forced = profile("--input=" + input, "--output=" + contract, "--force=true");
    assertThat(forced.err(), forced.status(), is(ExitCode.OK));
    assertThat(Files.readString(contract).startsWith("apiVersion: \"v3.1.0\""), is(true));
    try (var files = Files.list(dir)) {
      assertThat("no temporary file left", files.filter(f -> f.getFileName().toString().startsWith(".")).count(), is(0L));
    }
  }

  @Test
  void namesTheProductAfterTheInputFile() {
    assertThat(ProfileCommand.baseName("exports/customers-*.csv.gz"), equalTo("customers"));
    assertThat(ProfileCommand.baseName("orders.jsonl"), equalTo("orders"));
    assertThat(ProfileCommand.baseName("*.csv"), equalTo("profiled"));
  }
}
