package org.datamesh.examples.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.datamesh.core.lineage.LineageLog;
import org.datamesh.core.protect.KeysetFiles;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} leaves the product's facts, a catalog of every product under the output and the
 * run's OpenLineage events, sent to {@code --openLineageUrl} too; none of it holds a value of a
 * classified column.
 */
class CatalogAndLineageCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path out() {
    return dir.resolve("out");
  }

  private CliOutcome runContacts(String... more) throws Exception {
    Path contract = CatalogProducts.contacts(dir, "value: 1\nunit: d");
    Path keyset = dir.resolve("keyset.json");
    if (!Files.exists(keyset)) {
      KeysetFiles.create(keyset);
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "run", "--contract=" + contract, "--input=" + dir.resolve("contacts.csv"),
                "--output=" + out(), "--runner=DirectRunner", "--keyset=" + keyset));
    args.addAll(List.of(more));
    return CliOutcome.run(args.toArray(String[]::new));
  }

  private CliOutcome runLeads(String... more) throws Exception {
    Path contract = CatalogProducts.leads(dir);
    List<String> args =
        new ArrayList<>(
            List.of(
                "run", "--contract=" + contract, "--input=" + dir.resolve("leads.csv"),
                "--output=" + out(), "--runner=DirectRunner"));
    args.addAll(List.of(more));
    return CliOutcome.run(args.toArray(String[]::new));
  }

  private JsonNode catalog() throws Exception {
    return JSON.readTree(out().resolve("catalog.json").toFile());
  }

  private static List<String> ids(JsonNode catalog) {
    List<String> ids = new ArrayList<>();
    catalog.get("products").forEach(p -> ids.add(p.get("id").asText()));
    return ids;
  }

  @Test
  void runLeavesFactsCatalogAndLineageEventsAlsoPostedToTheUrl() throws Exception {
    CliOutcome outcome;
    List<String> posted;
    try (LoopbackServer server = LoopbackServer.start()) {
      outcome = runContacts("--openLineageUrl=" + server.url("/api/v1/lineage"));
      posted = server.bodies();
    }

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    JsonNode entry = catalog().get("products").get(0);
    assertThat(entry.get("id").asText(), equalTo("crm.contacts"));
    assertThat(entry.get("owner").asText(), equalTo("crm-team"));
    assertThat(entry.get("version").asText(), equalTo("2.1.0"));
    assertThat(entry.get("freshness").get("status").asText(), equalTo("fresh"));
    assertThat(entry.get("counts").get("published").asLong(), equalTo(2L));
    assertThat(entry.get("quality").get("score").asDouble(), equalTo(1.0));
    JsonNode email = entry.get("tables").get(0).get("schema").get(1);
    assertThat(email.get("classification").asText(), equalTo("restricted"));
    assertThat(email.get("protection").asText(), equalTo("tokenize"));
    String report = entry.get("links").get("report").asText();
    assertThat(Files.isRegularFile(out().resolve(report)), is(true));

    List<JsonNode> events = LineageLog.in(out().toString()).read();
    assertThat(events.stream().map(e -> e.get("eventType").asText()).toList(), contains("START", "COMPLETE"));
    assertThat(events.get(1).at("/run/runId"), equalTo(events.get(0).at("/run/runId")));
    JsonNode output = events.get(1).at("/outputs/0");
    assertThat(output.at("/outputFacets/outputStatistics/rowCount").asLong(), equalTo(2L));
    assertThat(output.at("/outputFacets/outputStatistics/size").asLong() > 0, is(true));
    assertThat(output.at("/facets/dataQualityMetrics/columnMetrics/age/nullCount").asLong(), equalTo(0L));
    assertThat(output.at("/facets/dataQualityAssertions/assertions/0/success").asBoolean(), is(true));
    assertThat(posted.size(), equalTo(2));
    assertThat(JSON.readTree(posted.get(1)), equalTo(events.get(1)));

    for (Path file :
        List.of(
            out().resolve("catalog.json"), out().resolve("index.html"),
            out().resolve("crm/contacts/_product.json"),
            out().resolve("_lineage/events.jsonl"))) {
      String text = Files.readString(file);
      for (String personal : CatalogProducts.PERSONAL) {
        assertThat(file.toString(), text, not(containsString(personal)));
      }
    }
  }

  @Test
  void productsOfOtherRunsStayListedAndADeletedOneDisappears() throws Exception {
    assertThat(runContacts().status(), is(ExitCode.OK));
    assertThat(runLeads().status(), is(ExitCode.OK));
    assertThat(ids(catalog()), contains("crm.contacts", "sales.leads"));

    try (Stream<Path> files = Files.walk(out().resolve("crm"))) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
    assertThat(runLeads().status(), is(ExitCode.OK));

    assertThat(ids(catalog()), contains("sales.leads"));
    assertThat(
        LineageLog.in(out().toString()).read().stream()
            .map(e -> e.at("/job/name").asText() + " " + e.get("eventType").asText())
            .toList(),
        contains(
            "crm.contacts START", "crm.contacts COMPLETE", "sales.leads START",
            "sales.leads COMPLETE", "sales.leads START", "sales.leads COMPLETE"));
  }

  @Test
  void anUnreachableLineageUrlIsAWarningNotAFailedRun() throws Exception {
    CliOutcome outcome = runLeads("--openLineageUrl=" + LoopbackServer.unreachable());

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(
        outcome.outLines().stream().filter(l -> l.startsWith("Warning: lineage event not sent: POST to http://127.0.0.1:")).count(),
        equalTo(2L));
    assertThat(LineageLog.in(out().toString()).read().size(), equalTo(2));
  }

  @Test
  void aFailedQualityGateIsAFailEventWithItsMessage() throws Exception {
    Path contract = CatalogProducts.leads(dir);
    Files.writeString(
        contract,
        Files.readString(contract)
            .replace(
                "  - name: leads\n",
                "  - name: leads\n    quality:\n      - metric: rowCount\n        mustBeGreaterThan: 100\n"));

    CliOutcome outcome =
        CliOutcome.run(
            "run", "--contract=" + contract, "--input=" + dir.resolve("leads.csv"),
            "--output=" + out(), "--runner=DirectRunner");

    assertThat(outcome.out(), outcome.status(), is(ExitCode.RUN_FAILED));
    List<JsonNode> events = LineageLog.in(out().toString()).read();
    assertThat(events.stream().map(e -> e.get("eventType").asText()).toList(), contains("START", "FAIL"));
    assertThat(
        events.get(1).at("/run/facets/errorMessage/message").asText(),
        containsString("quality gate: run "));
    assertThat(
        events.get(1).at("/run/facets/errorMessage/message").asText(),
        containsString("error checks failed: leads.rowCount"));
    JsonNode assertion = events.get(1).at("/outputs/0/facets/dataQualityAssertions/assertions/0");
    assertThat(assertion.get("assertion").asText(), equalTo("rowCount"));
    assertThat(assertion.get("success").asBoolean(), is(false));
    assertThat(assertion.get("actual").asText(), equalTo("2.0"));
    // Nothing was published: the catalog lists no product.
    assertThat(ids(catalog()), equalTo(List.of()));
    assertThat(outcome.outLines(), hasItem(containsString("rowCount measured 2 rows")));
  }
}
