package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} without {@code --output} publishes to the contract's own local or s3 server (its
 * path is the mesh's root); {@code --server} picks one of several; {@code --output} overrides;
 * a server run cannot publish to is exit 2 with one line, before anything is written.
 */
class RunToContractServerTest {

  private static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: crm-customers
      version: 1.0.0
      status: active
      domain: crm
      dataProduct: customers
      servers:
      %s
      schema:
        - name: customers
          properties:
            - {name: customer_id, logicalType: string, required: true, primaryKey: true}
            - {name: name, logicalType: string}
      """;

  @TempDir Path dir;

  private Path input;

  @BeforeEach
  void customers() throws Exception {
    input = Files.writeString(dir.resolve("customers.csv"), "customer_id,name\nC-1,Ada\nC-2,\nC-1,Ada L.\n");
  }

  private Path contract(String... servers) throws Exception {
    List<String> entries = java.util.Arrays.stream(servers).map(server -> "  " + server).toList();
    return OrdersContract.write(dir, "crm.yaml", CONTRACT.formatted(String.join("\n", entries)));
  }

  private CliOutcome run(Path contract, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("run", "--contract=" + contract, "--input=" + input, "--runner=DirectRunner"));
    args.addAll(List.of(more));
    return CliOutcome.run(args.toArray(new String[0]));
  }

  private static String local(String name, Path path) {
    return "- {server: " + name + ", type: local, path: '" + path + "', format: parquet}";
  }

  @Test
  void publishesUnderTheOneLocalServersPath() throws Exception {
    Path lake = dir.resolve("lake");
    CliOutcome outcome =
        run(contract(local("lake", lake)));

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(
        outcome.outLines(),
        hasItem("Publishing under " + lake + ", the contract's server lake (local)"));
    Manifest manifest = Manifest.read(lake.resolve("crm/customers"));
    assertThat(manifest.counts().published(), is(2L));
    assertThat(manifest.counts().deduplicated(), is(1L));
    assertThat(Files.exists(lake.resolve("catalog.json")), is(true));
  }

  @Test
  void serverPicksOneOfSeveralAndOutputOverridesThem() throws Exception {
    Path dev = dir.resolve("dev");
    Path prod = dir.resolve("prod");
    Path contract = contract(local("dev", dev), local("prod", prod));

    CliOutcome chosen = run(contract, "--server=prod");
    assertThat(chosen.err(), chosen.status(), is(ExitCode.OK));
    assertThat(Files.exists(prod.resolve("crm/customers/_manifest.json")), is(true));
    assertThat(Files.exists(dev), is(false));

    Path elsewhere = dir.resolve("elsewhere");
    CliOutcome overridden = run(contract, "--output=" + elsewhere);
    assertThat(overridden.err(), overridden.status(), is(ExitCode.OK));
    assertThat(Files.exists(elsewhere.resolve("crm/customers/_manifest.json")), is(true));
    assertThat(Files.exists(dev), is(false));
  }

  @Test
  void aPathEndingWithTheProductsFolderIsThatFolderAndARelativeOneIsTheContracts() throws Exception {
    // ODCS's location is where the data is: the product's own folder, here relative to the
    // contract's folder; the mesh's root (catalog, lineage) is two folders up.
    CliOutcome outcome = run(contract(local("lake", Path.of("lake/crm/customers"))));

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    Path lake = dir.resolve("lake");
    assertThat(Manifest.read(lake.resolve("crm/customers")).counts().published(), is(2L));
    assertThat(Files.exists(lake.resolve("catalog.json")), is(true));
    assertThat(Files.exists(lake.resolve("crm/customers/crm")), is(false));
  }

  private void assertRefused(CliOutcome outcome, String expected) {
    assertThat(outcome.out(), outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.errLines(), equalTo(List.of("datamesh run: " + expected)));
  }

  @Test
  void refusesWhatItCannotPublishToWithOneLine() throws Exception {
    Path dev = dir.resolve("dev");
    Path prod = dir.resolve("prod");
    assertRefused(
        run(contract(local("dev", dev), local("prod", prod))),
        "the contract declares 2 servers to publish to (dev (local), prod (local)): choose one"
            + " with --server=NAME, or give --output");
    assertRefused(
        run(contract(local("dev", dev)), "--server=test"),
        "--server=test is not among the contract's servers (dev (local))");
    assertRefused(
        run(contract("- {server: events, type: kafka, host: 'localhost:9092'}"), "--server=events"),
        "--server=events is a kafka server; run publishes files to a local or s3 server, then"
            + " sends the rows to every kafka server besides");
    assertRefused(
        run(contract("- {server: events, type: kafka, host: 'localhost:9092'}")),
        "--output is required: the folder to publish into (the contract declares no local or s3"
            + " server to publish to)");
    assertRefused(
        run(contract("- {server: lake, type: local, path: '" + dev + "', format: json}")),
        "server lake (local) is in format json; run publishes Parquet: declare format: parquet,"
            + " or give --output");
    assertRefused(
        run(contract("- {server: lake, type: s3, location: 's3://lake/exports/*.json'}")),
        "server lake (s3)'s location s3://lake/exports/*.json is a pattern; run publishes under"
            + " one folder, such as s3://bucket/mesh");
    assertRefused(
        run(contract(local("dev", dev)), "--server=dev", "--output=" + dev),
        "give --output or --server, not both: --server picks one of the contract's servers when"
            + " there is no --output");
    Path file = Files.writeString(dir.resolve("taken"), "a file, not a folder");
    assertRefused(
        run(contract(local("lake", file))),
        "server lake (local): cannot write to " + file + " (a file is in the way)");
    assertThat(Files.exists(dev), is(false));
  }
}
