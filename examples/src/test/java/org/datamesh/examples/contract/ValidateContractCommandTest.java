package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate-contract}: the summary of a good contract, and every problem of a bad one. */
class ValidateContractCommandTest {

  @TempDir Path dir;

  static CliOutcome run(String... args) {
    CliOutcome outcome = CliOutcome.run(args);
    assertThat(
        "no stack trace, whatever happened",
        outcome.out() + outcome.err(),
        allOf(not(containsString("\tat ")), not(containsString("Exception:"))));
    return outcome;
  }

  @Test
  void theOrdersContractIsValidAndSummarized() throws Exception {
    Path contract = OrdersContract.write(dir, "sales-orders.odcs.yaml");
    CliOutcome outcome = run("validate-contract", "--contract=" + contract);

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(outcome.err(), equalTo(""));
    List<String> lines = outcome.outLines();
    assertThat(lines.get(0), equalTo("Contract sales.orders 1.0.0 is valid: " + contract));
    assertThat(
        lines,
        hasItems(
            "  contract           7d0c5f1e-2b8a-4c3e-9f61-5a2e8b0d4c17 (ODCS v3.1.0, active)",
            "  owner              sales-data",
            "  tables             1",
            "  table orders, schema[0]",
            "    columns          8",
            "      order_id     string                 required",
            "      updated_at   timestamp              optional",
            "      amount       number (decimal(18,4)) required",
            "      quantity     integer (int)          optional",
            "    primary key      order_id",
            "    deduplication    the greatest updated_at wins",
            "    record rules     11",
            "      order_id.pattern",
            "      status.allowed_values",
            "      quantity.range",
            "    dataset checks   0",
            "    standardization  order_id trim; customer_id trim; order_ts to UTC; updated_at to UTC;"
                + " amount currency(currency); currency upper; status upper",
            "  ports              none (run publishes under --output)",
            "  retention          90 days",
            "  freshness          not promised",
            "  notices            none"));
  }

  @Test
  void theSummaryShowsTheLogPattern() throws Exception {
    String yaml =
        OrdersContract.replacing(
            OrdersContract.text(),
            "    description: Orders as exported by the shop, cleansed and deduplicated.\n",
            "    description: Orders as exported by the shop, cleansed and deduplicated.\n"
                + "    customProperties:\n"
                + "      - property: logPattern\n"
                + "        value: 'order (?<order_id>\\S+) .*'\n");
    CliOutcome outcome =
        run("validate-contract", "--contract=" + OrdersContract.write(dir, "log.yaml", yaml));

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(outcome.outLines(), hasItems("    log pattern      order (?<order_id>\\S+) .*"));
  }

  @Test
  void notEnforcedPartsAndPortsAreListedWithTheirPaths() throws Exception {
    String yaml =
        OrdersContract.text()
            + "servers:\n"
            + "  - server: lake\n"
            + "    type: local\n"
            + "    path: /data/products\n"
            + "    format: parquet\n"
            + "roles:\n"
            + "  - role: analyst\n"
            + "    access: read\n"
            + "    customProperties:\n"
            + "      - property: canExport\n"
            + "        value: true\n";
    yaml =
        OrdersContract.replacing(
            yaml,
            "    description: Orders as exported by the shop, cleansed and deduplicated.\n",
            "    description: Orders as exported by the shop, cleansed and deduplicated.\n"
                + "    quality:\n"
                + "      - metric: rowCount\n"
                + "        mustBeGreaterThan: 100\n");
    CliOutcome outcome =
        run("validate-contract", "--contract=" + OrdersContract.write(dir, "more.yaml", yaml));

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    List<String> lines = outcome.outLines();
    assertThat(
        lines,
        hasItems(
            "    dataset checks   1 (0 not enforced: sql, custom, nested, ...)",
            "      schema[0].quality[0]: library rowCount {mustBeGreaterThan=100}",
            "  ports              1",
            "    lake (local) /data/products, parquet",
            "  run publishes      under /data/products (server lake (local)) unless --output is"
                + " given"));
    assertThat(lines, hasItem("  roles              analyst (read): every column, every row"));
    assertThat(lines, hasItem(startsWith("  notices            1 (")));
    assertThat(lines, hasItem(startsWith("    roles[0].customProperties[0] (line ")));
  }

  @Test
  void aBrokenContractListsEveryProblemByPath() throws Exception {
    String yaml = OrdersContract.replacing(OrdersContract.text(), "kind: DataContract\n", "");
    yaml = OrdersContract.replacing(yaml, "logicalType: integer", "logicalType: integr");
    CliOutcome outcome =
        run("validate-contract", "--contract=" + OrdersContract.write(dir, "broken.yaml", yaml));

    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.out(), equalTo(""));
    List<String> lines = outcome.errLines();
    assertThat(
        lines.get(0),
        equalTo(
            "datamesh validate-contract: contract " + dir.resolve("broken.yaml") + " has 2 problems:"));
    assertThat(lines.size(), is(3));
    assertThat(lines, hasItem(startsWith("  kind")));
    assertThat(lines, hasItem(startsWith("  schema[0].properties[7].logicalType (line 80): ")));
  }

  @Test
  void aValidContractRunCannotBuildIsValidWithTheReasonRunRefusesIt() throws Exception {
    String yaml =
        OrdersContract.replacing(
            OrdersContract.text(), "            value: trim\n      - name: customer_id",
            "            value: squeeze\n      - name: customer_id");
    Path contract = OrdersContract.write(dir, "squeeze.yaml", yaml);
    CliOutcome outcome = run("validate-contract", "--contract=" + contract);

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(
        outcome.outLines().subList(0, 2),
        equalTo(
            List.of(
                "Contract " + contract + " is valid ODCS, but run cannot build it (1 reason):",
                "    schema[0].properties[0].customProperties.standardize: unknown standardization;"
                    + " use trim, upper, lower, title, collapse, nfc, strip_control,"
                    + " null_tokens[(a|b|...)], email, phone[(region)], country, currency,"
                    + " currency(<column>), boolean, unit(<unit>), formats(<pattern>|...)")));

    Path input = dir.resolve("orders.csv");
    Files.writeString(input, "order_id\nA1\n");
    CliOutcome run =
        run("run", "--contract=" + contract, "--input=" + input, "--output=" + dir.resolve("out"),
            "--runner=DirectRunner");
    assertThat(run.status(), is(ExitCode.USAGE));
    assertThat(run.err(), containsString("unknown standardization"));
    assertThat(Files.exists(dir.resolve("out/sales")), is(false));
  }

  @Test
  void jsonAnswersBothQuestionsForCiPipelines() throws Exception {
    String yaml = OrdersContract.replacing(OrdersContract.text(), "domain: sales\n", "");
    Path contract = OrdersContract.write(dir, "nodomain.yaml", yaml);
    CliOutcome outcome =
        run("validate-contract", "--contract=" + contract, "--format=json", "--domain=Retail EU");

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(outcome.out());
    assertThat(json.get("validOdcs").asBoolean(), is(true));
    assertThat(json.get("runnable").asBoolean(), is(true));
    assertThat(json.get("problems").size(), is(0));
    assertThat(json.get("product").get("id").asText(), equalTo("retail_eu.orders"));
    assertThat(json.get("product").get("tables").get(0).get("name").asText(), equalTo("orders"));
    assertThat(
        json.get("product").get("tables").get(0).get("primaryKey").get(0).asText(),
        equalTo("order_id"));
    assertThat(json.get("notices").get(0).get("path").asText(), equalTo("domain"));

    Path broken =
        OrdersContract.write(
            dir, "broken.yaml", OrdersContract.replacing(yaml, "kind: DataContract\n", ""));
    CliOutcome invalid = run("validate-contract", "--contract=" + broken, "--format=json");
    assertThat(invalid.status(), is(ExitCode.USAGE));
    com.fasterxml.jackson.databind.JsonNode refused =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(invalid.out());
    assertThat(refused.get("validOdcs").asBoolean(), is(false));
    assertThat(refused.get("problems").get(0).get("path").asText(), equalTo("kind"));
    assertThat(refused.has("product"), is(false));
  }

  @Test
  void aContractDeclaringItsDomainRefusesAnotherOne() throws Exception {
    CliOutcome outcome =
        run("validate-contract", "--contract=" + OrdersContract.write(dir, "o.yaml"), "--domain=x");
    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(
        outcome.errLines(),
        equalTo(
            List.of(
                "datamesh validate-contract: the contract declares its domain, sales; --domain is"
                    + " only for contracts that declare none")));
  }

  @Test
  void aMissingFileIsOneLine() {
    Path missing = dir.resolve("nowhere.yaml");
    CliOutcome outcome = run("validate-contract", "--contract=" + missing);
    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(
        outcome.errLines(),
        equalTo(List.of("datamesh validate-contract: contract file not found: " + missing)));
  }

  @Test
  void aFolderABinaryFileAndNoContractAreUsageErrors() throws Exception {
    assertThat(
        run("validate-contract", "--contract=" + dir).errLines(),
        equalTo(
            List.of(
                "datamesh validate-contract: --contract names a folder, not a contract file: "
                    + dir)));

    Path binary = dir.resolve("binary.yaml");
    byte[] bytes = new byte[2048];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    Files.write(binary, bytes);
    assertThat(
        run("validate-contract", "--contract=" + binary).errLines(),
        equalTo(
            List.of(
                "datamesh validate-contract: the contract " + binary
                    + " is not UTF-8 text (a binary file?)")));

    CliOutcome none = run("validate-contract");
    assertThat(none.status(), is(ExitCode.USAGE));
    assertThat(none.err(), containsString("--contract is required"));
  }

  @Test
  void helpNamesTheOption() {
    CliOutcome outcome = run("validate-contract", "--help");
    assertThat(outcome.status(), is(ExitCode.OK));
    assertThat(outcome.out(), allOf(containsString("--contract=FILE"), not(containsString("--runner"))));
  }

  @Test
  void aQualityEntryUnderAColumnPublishedEncryptedWholeIsListedAsNotEnforced() throws Exception {
    String yaml =
        """
        apiVersion: v3.1.0
        kind: DataContract
        id: crm-customers
        version: 1.0.0
        status: active
        domain: crm
        dataProduct: customers
        schema:
          - name: customers
            properties:
              - {name: customer_id, logicalType: string, required: true, primaryKey: true}
              - name: address
                logicalType: object
                classification: restricted
                customProperties: [{property: protection, value: encrypt}]
                properties:
                  - name: zip
                    logicalType: string
                    quality:
                      - {metric: nullValues, mustBeLessOrEqualTo: 2}
        """;
    CliOutcome outcome =
        run("validate-contract", "--contract=" + OrdersContract.write(dir, "nested.yaml", yaml));

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    // As run treats it: the address is one ciphertext once published, its zip no column.
    assertThat(
        outcome.outLines(),
        hasItem(startsWith("    dataset checks   1 (1 not enforced")));
    assertThat(
        outcome.out(),
        containsString(
            "address.zip is not in the published rows (under a column published encrypted"
                + " whole?), so the check is not evaluated"));
  }
}
