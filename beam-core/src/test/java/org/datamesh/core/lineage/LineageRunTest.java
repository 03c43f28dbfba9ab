package org.datamesh.core.lineage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.datamesh.core.catalog.CatalogFixtures;
import org.datamesh.core.catalog.ProductFacts;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.publish.Manifest;
import org.junit.jupiter.api.Test;

class LineageRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN = "20261121T050000Z-9f3a1c";
  private static final Instant AT = Instant.parse("2026-11-21T05:01:00Z");

  /** A run's report: metrics of a public and of a classified column, and two checks on them. */
  private static final String REPORT =
      """
      {"tables": [{"name": "contacts",
        "metrics": {"rowCount": 3, "nullValues(email)": 1, "approxDistinct(email)": 2,
                    "min(email)": 17.0, "min(age)": 18.0, "max(age)": 64.0, "sum(age)": 120.0},
        "checks": [
          {"id": "age.min", "table": "contacts", "metric": "min(age)", "severity": "ERROR",
           "measured": 18.0, "unit": "", "expectation": ">= 16", "passed": true},
          {"id": "email.min", "table": "contacts", "metric": "min(email)", "severity": "WARN",
           "measured": 17.0, "unit": "", "expectation": "> 20", "passed": false}],
        "failuresByRule": {"email.format": 1}}]}
      """;

  private static LineageRun lineage() throws Exception {
    return LineageRun.of(
            ProductFacts.of(CatalogFixtures.contract()), "/out/crm/contacts", RUN, "DirectRunner")
        .withInput("contacts", "/in/contacts-*.csv");
  }

  @Test
  void startNamesTheJobTheInputFolderAndEachTableWithSchemaOwnerAndColumnLineage()
      throws Exception {
    JsonNode start = lineage().start(AT);

    assertThat(start.get("eventType").asText(), equalTo("START"));
    assertThat(start.get("eventTime").asText(), equalTo("2026-11-21T05:01:00Z"));
    assertThat(start.at("/job/namespace").asText(), equalTo("datamesh"));
    assertThat(start.at("/job/name").asText(), equalTo("crm.contacts"));
    assertThat(start.at("/job/facets/jobType/processingType").asText(), equalTo("BATCH"));
    assertThat(start.at("/run/facets/processing_engine/runner").asText(), equalTo("DirectRunner"));
    assertThat(start.at("/inputs/0/namespace").asText(), equalTo("file"));
    assertThat(start.at("/inputs/0/name").asText(), equalTo("/in"));
    JsonNode output = start.at("/outputs/0");
    assertThat(output.get("name").asText(), equalTo("/out/crm/contacts/contacts"));
    assertThat(output.at("/facets/schema/fields/1/name").asText(), equalTo("email"));
    assertThat(output.at("/facets/ownership/owners/0/name").asText(), equalTo("team:crm-team"));
    assertThat(output.at("/facets/documentation/description").asText(), equalTo("Contacts, cleansed."));
    JsonNode email = output.at("/facets/columnLineage/fields/email/inputFields/0");
    assertThat(email.get("field").asText(), equalTo("email"));
    assertThat(email.get("name").asText(), equalTo("/in"));
    assertThat(email.at("/transformations/0/masking").asBoolean(), is(true));
    assertThat(
        email.at("/transformations/0/description").asText(),
        containsString("standardized as the contract declares and validated, then protected (tokenize)"));
    assertThat(
        output.at("/facets/columnLineage/fields/age/inputFields/0/transformations/0/subtype").asText(),
        equalTo("IDENTITY"));
  }

  /** A product built from crm/contacts: its columns name their sources in the contract. */
  private static final String CONSUMER =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: contact-stats
      name: contact-stats
      version: 1.0.0
      status: active
      domain: crm
      dataProduct: contact-stats
      schema:
        - name: by_country
          customProperties:
            - property: indirectSources
              value: [GROUP_BY crm/contacts/contacts.country, FILTER crm/contacts/contacts.status]
          properties:
            - name: country
              logicalType: string
              transformSourceObjects: [crm/contacts/contacts.country]
            - name: contacts
              logicalType: integer
              transformSourceObjects: [crm/contacts/contacts.contact_id, crm/contacts/contacts.status]
              transformLogic: count(contact_id) where status = 'active'
              customProperties:
                - property: lineageType
                  value: AGGREGATION
            - name: note
              logicalType: string
              transformSourceObjects: [a_table_documented_only]
      """;

  @Test
  void aProductBuiltFromProductsMapsEachColumnToTheColumnsItsContractNames() throws Exception {
    LineageRun lineage =
        LineageRun.of(
                ProductFacts.of(ContractLoader.parse(CONSUMER, "stats.yaml")),
                "/out/crm/contact-stats", RUN, "FlinkRunner")
            .withInput("crm/contacts/contacts", "/out/crm/contacts/contacts");
    JsonNode start = lineage.start(AT);

    assertThat(start.at("/inputs/0/name").asText(), equalTo("/out/crm/contacts/contacts"));
    JsonNode fields = start.at("/outputs/0/facets/columnLineage/fields");
    JsonNode country = fields.at("/country/inputFields/0");
    assertThat(country.get("name").asText(), equalTo("/out/crm/contacts/contacts"));
    assertThat(country.get("field").asText(), equalTo("country"));
    assertThat(country.at("/transformations/0/type").asText(), equalTo("DIRECT"));
    assertThat(country.at("/transformations/0/subtype").asText(), equalTo("IDENTITY"));
    JsonNode contacts = fields.at("/contacts/inputFields");
    assertThat(contacts.size(), equalTo(2));
    assertThat(contacts.at("/1/field").asText(), equalTo("status"));
    assertThat(contacts.at("/0/transformations/0/subtype").asText(), equalTo("AGGREGATION"));
    assertThat(
        contacts.at("/0/transformations/0/description").asText(),
        equalTo("count(contact_id) where status = 'active'"));
    // A source that is not a column of what the run reads stays documentation.
    assertThat(fields.has("note"), is(false));
    JsonNode dataset = start.at("/outputs/0/facets/columnLineage/dataset");
    assertThat(dataset.size(), equalTo(2));
    assertThat(dataset.at("/0/field").asText(), equalTo("country"));
    assertThat(dataset.at("/0/transformations/0/type").asText(), equalTo("INDIRECT"));
    assertThat(dataset.at("/0/transformations/0/subtype").asText(), equalTo("GROUP_BY"));
    assertThat(dataset.at("/1/transformations/0/subtype").asText(), equalTo("FILTER"));
  }

  @Test
  void everyEventOfARunNamesTheSameUuid() throws Exception {
    String start = lineage().start(AT).at("/run/runId").asText();
    String fail = lineage().fail(AT, "boom", null).at("/run/runId").asText();

    assertThat(fail, equalTo(start));
    UUID uuid = UUID.fromString(start);
    assertThat(uuid.version(), equalTo(7));
    assertThat(uuid.getMostSignificantBits() >>> 16, equalTo(Instant.parse("2026-11-21T05:00:00Z").toEpochMilli()));
  }

  @Test
  void completeCarriesStatisticsMetricsAndAssertionsButNoValueOfAClassifiedColumn()
      throws Exception {
    Manifest manifest = CatalogFixtures.manifest("crm", "contacts", RUN, "2026-11-21T05:01:00Z");

    JsonNode complete =
        lineage().complete(AT, manifest, JSON.readTree(REPORT), Map.of("contacts", 2048L));

    assertThat(complete.get("eventType").asText(), equalTo("COMPLETE"));
    JsonNode output = complete.at("/outputs/0");
    assertThat(output.at("/outputFacets/outputStatistics/rowCount").asLong(), equalTo(3L));
    assertThat(output.at("/outputFacets/outputStatistics/size").asLong(), equalTo(2048L));
    assertThat(output.at("/outputFacets/outputStatistics/fileCount").asLong(), equalTo(1L));
    assertThat(output.at("/facets/version/datasetVersion").asText(), equalTo(RUN));
    assertThat(output.at("/facets/version/contractVersion").asText(), equalTo("2.1.0"));
    JsonNode metrics = output.at("/facets/dataQualityMetrics/columnMetrics");
    assertThat(metrics.at("/age/min").asDouble(), equalTo(18.0));
    assertThat(metrics.at("/age/max").asDouble(), equalTo(64.0));
    assertThat(metrics.at("/email/nullCount").asLong(), equalTo(1L));
    assertThat(metrics.at("/email/distinctCount").asLong(), equalTo(2L));
    assertThat(metrics.get("email").has("min"), is(false));
    JsonNode assertions = output.at("/facets/dataQualityAssertions/assertions");
    assertThat(assertions.size(), equalTo(3));
    assertThat(assertions.at("/0/assertion").asText(), equalTo("min"));
    assertThat(assertions.at("/0/column").asText(), equalTo("age"));
    assertThat(assertions.at("/0/actual").asText(), equalTo("18.0"));
    assertThat(assertions.at("/1/success").asBoolean(), is(false));
    assertThat(assertions.at("/1/severity").asText(), equalTo("warn"));
    assertThat(assertions.get(1).has("actual"), is(false));
    assertThat(assertions.at("/2/assertion").asText(), equalTo("email.format"));
    assertThat(assertions.at("/2/actual").asText(), equalTo("1"));
    assertThat(complete.at("/inputs/0/inputFacets/dataQualityMetrics/rowCount").asLong(), equalTo(5L));
    assertThat(JSON.writeValueAsString(complete), not(containsString("17.0")));
  }

  @Test
  void failCarriesTheErrorMessageAndTheReportsChecks() throws Exception {
    JsonNode fail = lineage().fail(AT, "quality gate: age.min failed", JSON.readTree(REPORT));

    assertThat(fail.get("eventType").asText(), equalTo("FAIL"));
    assertThat(
        fail.at("/run/facets/errorMessage/message").asText(), equalTo("quality gate: age.min failed"));
    assertThat(fail.at("/run/facets/errorMessage/programmingLanguage").asText(), equalTo("JAVA"));
    assertThat(
        fail.at("/outputs/0/facets/dataQualityAssertions/assertions").size(), equalTo(3));
    assertThat(fail.at("/outputs/0").has("outputFacets"), is(false));
  }
}
