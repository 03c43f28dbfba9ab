package org.datamesh.examples.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datamesh.core.lineage.LineageLog;
import org.datamesh.core.protect.KeysetFiles;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every OpenLineage event {@code run} emits validates against the OpenLineage spec and against
 * the schema of each of its facets, from the specs folder given as {@code -Ddatamesh.specs.dir}
 * (no network): for ODCS's own full example, refused by its quality gate (START, FAIL) and
 * published once its threshold is lowered (START, COMPLETE). Part of the conformance suite: it
 * fails, never skips, without the specs.
 */
class OpenLineageConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static Path fullExample() {
    Path file =
        OpenLineageOracle.specs().getParent().resolve("odcs/examples/full-example.odcs.yaml");
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("no ODCS example " + file);
    }
    return file;
  }

  private CliOutcome run(Path contract, Path output, Path keyset) {
    return CliOutcome.run(
        "run", "--contract=" + contract,
        "--input=tbl=" + dir.resolve("tbl.csv"),
        "--input=receivers=" + dir.resolve("receivers.csv"),
        "--output=" + output, "--runner=DirectRunner", "--keyset=" + keyset);
  }

  @Test
  void theOracleRejectsAnEventThatBreaksTheSpecOrAFacetSchema() throws Exception {
    OpenLineageOracle oracle = OpenLineageOracle.fromSpecs();
    ObjectNode event =
        (ObjectNode)
            JSON.readTree(
                """
                {"eventType": "START", "eventTime": "2026-11-21T05:00:00Z",
                 "producer": "https://example.org/p",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": "0192f9d2-3c4e-7a10-8b2c-1d2e3f405162", "facets": {
                   "errorMessage": {"_producer": "https://example.org/p",
                     "_schemaURL": "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet",
                     "message": "boom"}}},
                 "job": {"namespace": "datamesh", "name": "a.b"}}
                """);

    // The facet lacks programmingLanguage, which its schema requires.
    assertThat(oracle.problems(event).toString(), containsString("programmingLanguage"));
    ((ObjectNode) event.get("run")).remove("runId");
    assertThat(oracle.problems(event).toString(), containsString("runId"));
  }

  @Test
  void everyEventOfARefusedAndOfAPublishedRunConforms() throws Exception {
    Files.writeString(
        dir.resolve("tbl.csv"),
        "transaction_reference_date,rcvr_id,rcvr_cntry_code\n"
            + "2024-03-01,r1,DE\n2024-03-01,r2,FR\n2024-03-02,r3,\n2024-03-02,r1,DE\n");
    Files.writeString(
        dir.resolve("receivers.csv"),
        "id,country_code,receiver_name,receiver_type\nr1,DE,Alphonse,shop\nr2,FR,Beatrix,\n");
    Path keyset = dir.resolve("keyset.json");
    KeysetFiles.create(keyset);
    Path output = dir.resolve("out");

    CliOutcome refused = run(fullExample(), output, keyset);
    assertThat(refused.out(), refused.status(), is(ExitCode.RUN_FAILED));
    Path lowered =
        Files.writeString(
            dir.resolve("full-example.odcs.yaml"),
            Files.readString(fullExample())
                .replace("mustBeGreaterThan: 1000000", "mustBeGreaterThan: 1"));
    CliOutcome published = run(lowered, output, keyset);
    assertThat(published.err(), published.status(), is(ExitCode.OK));

    List<JsonNode> events = LineageLog.in(output.toString()).read();
    assertThat(
        events.stream().map(e -> e.get("eventType").asText()).toList(),
        contains("START", "FAIL", "START", "COMPLETE"));
    OpenLineageOracle oracle = OpenLineageOracle.fromSpecs();
    for (JsonNode event : events) {
      assertThat(event.get("eventType").asText(), oracle.problems(event), empty());
    }
    // Every facet emitted has its schema in the specs folder but the data source's.
    assertThat(
        oracle.uncheckedFacets(),
        contains(
            "dataSource (https://openlineage.io/spec/facets/1-0-1/DatasourceDatasetFacet.json)"));
    assertThat(
        events.get(1).at("/run/facets/errorMessage/message").asText(),
        containsString("quality gate"));
    JsonNode complete = events.get(3);
    assertThat(complete.get("outputs").size(), equalTo(2));
    assertThat(
        complete.at("/outputs/0/facets/columnLineage/fields/rcvr_id/inputFields/0/transformations/0/masking")
            .asBoolean(),
        is(true));
    String text = Files.readString(output.resolve("_lineage/events.jsonl"));
    assertThat(text, not(containsString("Alphonse")));
    assertThat(text, not(containsString("Beatrix")));
    assertThat(text, not(containsString(Files.readString(keyset).substring(0, 40))));
  }

  /**
   * A small mesh on the Direct runner: every event conforms, and a consumer product's columns come
   * from the columns of the datasets its inputs' own events publish, so the graph joins up.
   */
  @Test
  void everyEventOfTheMeshConformsAndAConsumersColumnsLeadToItsInputsColumns() throws Exception {
    Path output = dir.resolve("mesh");
    CliOutcome demo =
        CliOutcome.run(
            "demo", "--output=" + output, "--records=100", "--runner=DirectRunner",
            "--products=crm/customers,sales/orders,digital/interactions,crm/customer-360");
    assertThat(demo.err() + demo.out(), demo.status(), is(ExitCode.OK));

    List<JsonNode> events = LineageLog.in(output.toString()).read();
    assertThat(events.size(), equalTo(8));
    OpenLineageOracle oracle = OpenLineageOracle.fromSpecs();
    java.util.Set<String> published = new java.util.HashSet<>();
    for (JsonNode event : events) {
      assertThat(event.get("eventType").asText(), oracle.problems(event), empty());
      for (JsonNode out : event.get("outputs")) {
        published.add(out.get("namespace").asText() + " " + out.get("name").asText());
      }
    }
    JsonNode complete = events.get(7);
    assertThat(complete.at("/job/name").asText(), equalTo("crm.customer-360"));
    assertThat(complete.get("inputs").size(), equalTo(3));
    for (JsonNode input : complete.get("inputs")) {
      assertThat(
          "an input of customer-360 is a dataset a source product published",
          published.contains(input.get("namespace").asText() + " " + input.get("name").asText()),
          is(true));
    }
    JsonNode lifetimeValue =
        complete.at("/outputs/0/facets/columnLineage/fields/lifetime_value/inputFields");
    assertThat(lifetimeValue.size(), equalTo(2));
    assertThat(
        lifetimeValue.at("/0/name").asText(),
        equalTo(output.resolve("sales/orders/orders").toAbsolutePath().toString()));
    assertThat(lifetimeValue.at("/0/field").asText(), equalTo("amount"));
    assertThat(lifetimeValue.at("/0/transformations/0/subtype").asText(), equalTo("AGGREGATION"));
    JsonNode email = complete.at("/outputs/0/facets/columnLineage/fields/email/inputFields/0");
    assertThat(email.get("name").asText(), endsWith("crm/customers/customers"));
    assertThat(email.at("/transformations/0/subtype").asText(), equalTo("IDENTITY"));
    assertThat(
        complete.at("/outputs/0/facets/columnLineage/fields").size(),
        equalTo(complete.at("/outputs/0/facets/schema/fields").size()));
    // The join keys, grouping and filter: the whole table's indirect lineage.
    JsonNode dataset = complete.at("/outputs/0/facets/columnLineage/dataset");
    assertThat(dataset.size(), equalTo(6));
    assertThat(dataset.at("/0/field").asText(), equalTo("customer_id"));
    assertThat(dataset.at("/0/name").asText(), endsWith("crm/customers/customers"));
    assertThat(dataset.at("/0/transformations/0/subtype").asText(), equalTo("JOIN"));
    assertThat(dataset.at("/3/field").asText(), equalTo("status"));
    assertThat(dataset.at("/3/transformations/0/subtype").asText(), equalTo("FILTER"));
  }
}
