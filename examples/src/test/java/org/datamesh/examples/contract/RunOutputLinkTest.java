package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} into an output whose domain folder is a symbolic link to somewhere else: refused
 * with exit 2 and one line, before anything is written there.
 */
class RunOutputLinkTest {

  @TempDir Path dir;

  @Test
  void refusesAnOutputLinkedOutsideTheOutputFolder() throws Exception {
    Path output = Files.createDirectories(dir.resolve("mesh"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createSymbolicLink(output.resolve("sales"), elsewhere);
    Path input = Files.writeString(dir.resolve("orders.csv"), "order_id\n");

    CliOutcome outcome =
        CliOutcome.run(
            "run",
            "--contract=" + OrdersContract.write(dir, "c.yaml"),
            "--input=" + input,
            "--output=" + output);

    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(
        outcome.errLines(),
        equalTo(
            List.of(
                "datamesh run: "
                    + output.resolve("sales")
                    + " leads outside the output folder "
                    + output.toRealPath()
                    + " (a symbolic link to "
                    + elsewhere.toRealPath()
                    + "); a product's files stay inside the output folder")));
    try (Stream<Path> written = Files.list(elsewhere)) {
      assertThat(written.toList(), is(empty()));
    }
  }
}
