package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} with a contract whose ERROR row-count check the data cannot meet: exit 1, said why. */
class RunQualityGateIT {

  static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: c-gate
      version: 1.0.0
      status: active
      domain: crm
      dataProduct: customers
      schema:
        - name: customers
          quality:
            - name: enough_rows
              metric: rowCount
              mustBeGreaterThan: 1000
              severity: error
          properties:
            - name: id
              logicalType: string
              required: true
              primaryKey: true
      """;

  @TempDir Path dir;

  @Test
  void exitsOneNamingTheFailedCheckWithItsMeasuredValueAndThreshold() throws Exception {
    Path contract = Files.writeString(dir.resolve("customers.yaml"), CONTRACT);
    Path input = Files.writeString(dir.resolve("customers.csv"), "id\n1\n2\n3\n");
    CliOutcome outcome =
        CliOutcome.run(
            "run", "--contract=" + contract, "--input=" + input,
            "--output=" + dir.resolve("out"), "--runner=DirectRunner");
    assertThat(outcome.out(), outcome.status(), is(ExitCode.RUN_FAILED));
    assertThat(
        outcome.outLines(),
        hasItem(
            "  customers: check enough_rows (ERROR) failed: rowCount measured 3 rows, must be > 1000"
                + " rows"));
    assertThat(Files.exists(dir.resolve("out/crm/customers/_manifest.json")), is(false));
    assertThat(Files.exists(dir.resolve("out/crm/customers/quality")), is(true));
  }
}
