package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate-contract --against}: each schema change against a published version. */
class ValidateContractAgainstTest {

  @TempDir Path dir;
  private Path published;

  /** Publishes two orders with the orders contract, on the Direct runner. */
  @BeforeEach
  void publish() throws Exception {
    Path contract = OrdersContract.write(dir, "v1.yaml");
    Path input =
        Files.writeString(
            dir.resolve("orders.csv"),
            "order_id,customer_id,order_ts,updated_at,amount,currency,status,quantity\n"
                + "ORD-000001,C-1,2024-03-05T10:00:00Z,2024-03-05T10:00:00Z,10,EUR,PAID,1\n"
                + "ORD-000002,C-2,2024-03-05T10:00:00Z,,5,USD,PLACED,2\n");
    CliOutcome run =
        CliOutcome.run(
            "run",
            "--contract=" + contract,
            "--input=" + input,
            "--output=" + dir.resolve("out"),
            "--runner=DirectRunner");
    assertThat(run.err(), run.status(), is(ExitCode.OK));
    published = dir.resolve("out/sales/orders");
  }

  private CliOutcome validate(String yaml) throws Exception {
    Path contract = OrdersContract.write(dir, "v2.yaml", yaml);
    return ValidateContractCommandTest.run(
        "validate-contract", "--contract=" + contract, "--against=" + published);
  }

  @Test
  void theSameContractHasNoChanges() throws Exception {
    CliOutcome outcome = validate(OrdersContract.text());
    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(outcome.outLines(), hasItem("schema changes from version 1.0.0 to 1.0.0: none"));
  }

  @Test
  void anOptionalColumnIsACompatibleChange() throws Exception {
    String yaml =
        OrdersContract.replacing(
            OrdersContract.text(),
            "      - name: quantity\n",
            "      - name: note\n        logicalType: string\n      - name: quantity\n");
    CliOutcome outcome = validate(yaml.replace("version: 1.0.0", "version: 1.1.0"));
    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(outcome.out(), containsString("compatible FIELD_ADDED_OPTIONAL"));
  }

  @Test
  void makingAColumnRequiredBreaksConsumersWithoutANewMajorVersion() throws Exception {
    String yaml =
        OrdersContract.replacing(
            OrdersContract.text(),
            "        logicalType: integer\n",
            "        logicalType: integer\n        required: true\n");
    CliOutcome outcome = validate(yaml.replace("version: 1.0.0", "version: 1.1.0"));
    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.out(), containsString("BREAKING MADE_REQUIRED"));
    assertThat(outcome.err(), containsString("without a new major version (1.1.0)"));

    CliOutcome major = validate(yaml.replace("version: 1.0.0", "version: 2.0.0"));
    assertThat(major.err(), major.status(), is(ExitCode.OK));
  }

  @Test
  void aFolderWithoutAPublishedVersionIsAUsageError() throws Exception {
    Path contract = OrdersContract.write(dir, "v3.yaml");
    CliOutcome outcome =
        ValidateContractCommandTest.run(
            "validate-contract", "--contract=" + contract, "--against=" + dir.resolve("nothing"));
    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.err(), containsString("no published product in"));
  }
}
