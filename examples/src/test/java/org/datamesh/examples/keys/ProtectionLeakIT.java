package org.datamesh.examples.keys;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.nio.file.Path;
import org.datamesh.core.protect.KeysetFiles;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.contract.CliProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak test: a run of a product with personal data in five classified columns, failing at
 * parse, standardization and validation and with a duplicate, as a user runs it (its own JVM, the
 * default runner, embedded Flink, every logger at INFO); then everything it left (published and
 * quarantined Parquet decoded, manifest, every other file, the console and every log line) holds
 * no personal value in clear.
 */
class ProtectionLeakIT {

  @TempDir Path dir;

  @Test
  void noPersonalValueIsLeftInClearAnywhere() throws Exception {
    Path keyset = dir.resolve("keyset.json");
    KeysetFiles.create(keyset);
    Path out = dir.resolve("out");

    CliOutcome outcome =
        CliProcess.run(
            dir,
            "run",
            "--contract=" + ProtectedCustomers.writeContract(dir),
            "--input=" + ProtectedCustomers.writeInput(dir),
            "--output=" + out,
            "--keyset=" + keyset,
            "--parallelism=2");

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(
        Manifest.read(out.resolve("crm/customers")).counts(),
        equalTo(new Manifest.Counts(7, 2, 4, 1)));
    assertThat("the run logged at INFO", outcome.err(), containsString("INFO"));
    ClearTextScan scan =
        new ClearTextScan(ProtectedCustomers.PERSONAL_VALUES)
            .folder(out)
            .text("stdout", outcome.out())
            .text("stderr and logs", outcome.err());
    assertThat(scan.hits(), empty());
    assertThat("published and quarantined files were decoded", scan.parquetFiles(), greaterThan(1));
  }
}
