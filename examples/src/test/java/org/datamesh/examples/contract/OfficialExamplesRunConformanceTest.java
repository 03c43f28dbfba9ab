package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.FieldProtection;
import org.datamesh.core.protect.KeysetFiles;
import org.datamesh.core.protect.ProtectionStep;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.record.RecordIssues;
import org.datamesh.core.support.DuckDb;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three of the example contracts published with ODCS run end to end, each file unchanged (read
 * from the specs folder given as {@code -Ddatamesh.specs.dir}), with input written here: two tables
 * under one manifest, nested and temporal types, and Hive partitions. DuckDB reads every table
 * back. Part of the conformance suite: it fails, never skips, without the specs.
 */
class OfficialExamplesRunConformanceTest {

  @TempDir Path dir;

  private static Path example(String name) {
    String specs = System.getProperty("datamesh.specs.dir");
    if (specs == null || specs.isBlank()) {
      throw new AssertionError("the conformance suite needs -Ddatamesh.specs.dir=/path/to/specs");
    }
    Path file = Path.of(specs).toAbsolutePath().resolve("odcs/examples").resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("no ODCS example " + file);
    }
    return file;
  }

  private CliOutcome run(String contract, String... inputs) {
    String[] args = new String[inputs.length + 4];
    args[0] = "run";
    args[1] = "--contract=" + example(contract);
    System.arraycopy(inputs, 0, args, 2, inputs.length);
    args[inputs.length + 2] = "--output=" + dir.resolve("out");
    args[inputs.length + 3] = "--runner=DirectRunner";
    CliOutcome outcome = CliOutcome.run(args);
    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    return outcome;
  }

  @Test
  void fullExamplePublishesItsTwoTablesUnderOneManifest() throws Exception {
    Files.writeString(
        dir.resolve("tbl.csv"),
        "transaction_reference_date,rcvr_id,rcvr_cntry_code\n"
            + "2024-03-01,r1,DE\n2024-03-01,r2,FR\n2024-03-02,r3,\n2024-03-02,r1,DE\n"
            + "not-a-date,r4,US\n");
    Files.writeString(
        dir.resolve("receivers.csv"),
        "id,country_code,receiver_name,receiver_type\nr1,DE,Alpha,shop\nr2,FR,Beta,\nr3,US,,shop\n");

    Path keyset = dir.resolve("keyset.json");
    DataKeys keys = KeysetFiles.create(keyset);
    // Its object-level rowCount (> 1,000,000, no severity: ERROR) is a quality gate these five
    // rows cannot pass: nothing is published, and the check is named with what it measured.
    CliOutcome refused =
        CliOutcome.run(
            "run", "--contract=" + example("full-example.odcs.yaml"),
            "--input=tbl=" + dir.resolve("tbl.csv"),
            "--input=receivers=" + dir.resolve("receivers.csv"),
            "--output=" + dir.resolve("refused"), "--runner=DirectRunner", "--keyset=" + keyset);
    assertThat(refused.out(), refused.status(), is(ExitCode.RUN_FAILED));
    assertThat(
        refused.outLines(),
        org.hamcrest.Matchers.hasItem(
            "  tbl: check rowCount (ERROR) failed: rowCount measured 2 rows, must be > 1000000 rows"));
    assertThat(Files.exists(dir.resolve("refused/seller/my_quantum/_manifest.json")), is(false));

    // The same contract with a threshold the rows meet publishes both tables.
    Path lowered =
        Files.writeString(
            dir.resolve("full-example.odcs.yaml"),
            Files.readString(example("full-example.odcs.yaml"))
                .replace("mustBeGreaterThan: 1000000", "mustBeGreaterThan: 1"));
    CliOutcome published =
        CliOutcome.run(
            "run", "--contract=" + lowered,
            "--input=tbl=" + dir.resolve("tbl.csv"),
            "--input=receivers=" + dir.resolve("receivers.csv"),
            "--output=" + dir.resolve("out"), "--runner=DirectRunner", "--keyset=" + keyset);
    assertThat(published.err(), published.status(), is(ExitCode.OK));

    Path product = dir.resolve("out/seller/my_quantum");
    Manifest manifest = Manifest.read(product);
    assertThat(manifest.table("tbl").counts(), equalTo(new Manifest.Counts(5, 2, 2, 1)));
    assertThat(manifest.table("receivers").counts(), equalTo(new Manifest.Counts(3, 2, 1, 0)));
    // rcvr_id, receivers.id and receiver_name are classification: restricted, so tokenized by
    // default: the same keyed token in both tables, so they still join.
    String r1 = token(keys, "r1");
    String r2 = token(keys, "r2");
    assertThat(
        DuckDb.query(
            "SELECT rcvr_id, CAST(transaction_reference_date AS VARCHAR) AS day FROM "
                + DuckDb.parquet(product, manifest.table("tbl").files())
                + " ORDER BY day DESC"),
        equalTo(
            List.of(
                Map.of("rcvr_id", r1, "day", "2024-03-02"),
                Map.of("rcvr_id", r2, "day", "2024-03-01"))));
    assertThat(
        DuckDb.query(
            "SELECT count(*) AS joined FROM "
                + DuckDb.parquet(product, manifest.table("tbl").files()) + " t JOIN "
                + DuckDb.parquet(product, manifest.table("receivers").files())
                + " r ON t.rcvr_id = r.id"),
        equalTo(List.of(Map.of("joined", 2L))));
    assertThat(
        DuckDb.query(
            "SELECT count(*) AS clear FROM "
                + DuckDb.parquet(product, manifest.table("receivers").files())
                + " WHERE receiver_name IN ('Alpha', 'Beta') OR id IN ('r1', 'r2')"),
        equalTo(List.of(Map.of("clear", 0L))));
  }

  /** The token of {@code value} under {@code keys}, as the tokenize protection makes it. */
  private static String token(DataKeys keys, String value) {
    Schema one = Schema.builder().addNullableField("v", Schema.FieldType.STRING).build();
    return (String)
        ProtectionStep.of(keys, FieldProtection.tokenize("v"))
            .compile(one)
            .apply(new Object[] {value}, new RecordIssues())[0];
  }

  @Test
  void allDataTypesPublishesTimesTimestampsListsAndObjects() throws Exception {
    Files.writeString(
        dir.resolve("in.jsonl"),
        "{\"account_id\": \"ACC12345678\", \"txn_ref_date\": \"2020-06-01\","
            + " \"txn_timestamp\": \"2020-06-01 10:15:30\","
            + " \"txn_timestamp_tz\": \"2020-06-01 10:15:30+0200\", \"txn_time\": \"10:15:30\","
            + " \"amount\": 12.5, \"age\": 40, \"is_open\": true, \"latest_txns\": [\"t1\", \"t2\"],"
            + " \"customer_details\": {\"num_children\": 2, \"date_of_birth\": \"1980-01-01\"}}\n"
            + "{\"account_id\": \"ACC1\", \"txn_ref_date\": \"2020-06-01\","
            + " \"txn_timestamp\": \"2020-06-01 10:15:30\", \"txn_time\": \"10:15:30\","
            + " \"latest_txns\": {\"not\": \"a list\"}}\n");

    run("all-data-types.odcs.yaml", "--input=" + dir.resolve("in.jsonl"), "--inputFormat=jsonl");

    Path product = dir.resolve("out/default/my_quantum");
    Manifest manifest = Manifest.read(product);
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(2, 1, 1, 0)));
    assertThat(
        DuckDb.query(
            "SELECT CAST(txn_time AS TIME)::VARCHAR AS t, CAST(txn_timestamp_tz AS VARCHAR) AS tz,"
                + " latest_txns, customer_details, txn_ref_date::VARCHAR AS d FROM "
                + DuckDb.parquet(product, manifest.files())),
        equalTo(
            List.of(
                Map.of(
                    "t", "10:15:30",
                    "tz", "2020-06-01 08:15:30+00",
                    "latest_txns", "[\"t1\",\"t2\"]",
                    "customer_details", "{\"num_children\":2,\"date_of_birth\":\"1980-01-01\"}",
                    "d", "2020-06-01"))));
  }

  @Test
  void tableColumnsWithPartitionPublishesHivePartitions() throws Exception {
    Path contract = example("table-columns-with-partition.odcs.yaml");
    List<String> columns =
        org.datamesh.core.contract.ContractLoader.load(contract).fields().stream()
            .map(org.datamesh.core.contract.ContractField::name)
            .toList();
    assertThat(columns, equalTo(List.of("rcvr_cntry_code", "rcvr_id", "year", "amount")));
    Files.writeString(
        dir.resolve("in.csv"),
        "rcvr_cntry_code,rcvr_id,year,amount\nDE,r1,2024,1.5\nFR,r2,2023,2.5\nDE,r1,2024,1.5\n");

    run("table-columns-with-partition.odcs.yaml", "--input=" + dir.resolve("in.csv"), "--domain=payments");

    Path product = dir.resolve("out/payments/my_quantum");
    Manifest manifest = Manifest.read(product);
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(3, 2, 0, 1)));
    assertThat(
        manifest.files().stream().anyMatch(f -> f.contains("/rcvr_cntry_code=DE/year=2024/")),
        is(true));
    assertThat(
        DuckDb.query(
            "SELECT CAST(sum(amount) AS VARCHAR) AS total FROM "
                + DuckDb.parquet(product, manifest.files())),
        equalTo(List.of(Map.of("total", "4.0"))));
  }

  /**
   * column-accuracy's {@code sql} rule (count of values outside (0, 500) must be 0, severity
   * error) runs by Beam SQL over the published rows: a run holding 600 is refused by the gate and
   * publishes nothing; a run of good values publishes, its report saying the check passed.
   */
  @Test
  void columnAccuracysSqlRuleIsAnErrorCheckOfTheGate() throws Exception {
    Files.writeString(dir.resolve("bad.csv"), "DataValue\n12.5\n600\n33.25\n");
    CliOutcome refused =
        CliOutcome.run(
            "run", "--contract=" + example("column-accuracy.odcs.yaml"),
            "--input=" + dir.resolve("bad.csv"), "--output=" + dir.resolve("out"),
            "--runner=DirectRunner");
    assertThat(refused.out() + refused.err(), refused.status(), is(ExitCode.RUN_FAILED));
    assertThat(refused.out() + refused.err(), containsString("sql"));
    Path product = dir.resolve("out/default/my_table");
    assertThat(Files.exists(product.resolve(Manifest.FILE_NAME)), is(false));

    Files.writeString(dir.resolve("good.csv"), "DataValue\n12.5\n499\n33.25\n");
    CliOutcome published = run("column-accuracy.odcs.yaml", "--input=" + dir.resolve("good.csv"));
    assertThat(
        published.out(),
        containsString(
            "check sql (ERROR) passed: sql(select count(*) from Air_Quality where DataValue <= 0 or"
                + " DataValue >= 500) measured 0"));
    Manifest manifest = Manifest.read(product);
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(3, 3, 0, 0)));
  }
}
