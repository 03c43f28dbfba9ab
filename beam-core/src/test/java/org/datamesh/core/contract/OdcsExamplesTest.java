package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;
import org.datamesh.core.product.DataProduct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example contracts published with ODCS v3.1.0: what each is refused for as published, and
 * what it loads as once given what a data product needs (a domain, and one fix where named).
 */
class OdcsExamplesTest {

  private static final Path EXAMPLES =
      Path.of(System.getProperty("datamesh.specs.dir", "../../shared/specs"), "odcs", "examples");

  /**
   * Every example, with the paths of the problems it is refused for as published. None has the
   * {@code domain} a product's output folder needs except full-example, whose product name has a
   * space and which declares two objects.
   */
  private static final Map<String, List<String>> REFUSED_AT = refusedAt();

  private static Map<String, List<String>> refusedAt() {
    Map<String, List<String>> refused = new LinkedHashMap<>();
    refused.put(
        "all-data-types.odcs.yaml",
        List.of(
            "domain",
            "schema[0].properties[8].items", // an array without the type of its items
            "schema[0].properties[9].properties")); // an object without properties
    refused.put("all-schema-types.odcs.yaml", List.of("domain", "schema")); // three objects
    refused.put("azure-server.odcs.yaml", List.of("domain", "dataProduct", "schema"));
    refused.put("basic-four-dpo.odcs.yaml", List.of("domain", "schema")); // schema: []
    refused.put("column-accuracy.odcs.yaml", List.of("domain"));
    refused.put("column-completeness.odcs.yaml", List.of("domain"));
    refused.put("column-custom.odcs.yaml", List.of("domain"));
    refused.put("column-validity.odcs.yaml", List.of("domain"));
    refused.put("database-table-sla.odcs.yaml", List.of("domain", "schema"));
    refused.put("full-example.odcs.yaml", List.of("dataProduct", "schema"));
    refused.put("kafka-schema.odcs.yaml", List.of("domain", "name")); // "Orders Event Stream"
    refused.put("kafka-server.odcs.yaml", List.of("domain", "dataProduct", "schema[0].properties"));
    refused.put(
        "postgresql-adventureworks-contract.odcs.yaml", List.of("domain", "dataProduct", "schema"));
    refused.put("service-and-operational-roles.odcs.yaml", List.of("domain", "schema"));
    refused.put("table-column-description.odcs.yaml", List.of("domain"));
    refused.put("table-column.odcs.yaml", List.of("domain"));
    refused.put("table-columns-with-partition.odcs.yaml", List.of("domain"));
    return refused;
  }

  static Stream<Arguments> examples() {
    return REFUSED_AT.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @Test
  void everyExampleInTheFolderIsListedHere() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      assertThat(
          files.map(f -> f.getFileName().toString()).collect(TreeSet::new, TreeSet::add, TreeSet::addAll),
          equalTo(new TreeSet<>(REFUSED_AT.keySet())));
    }
  }

  @ParameterizedTest(name = "{0} is refused at {1}")
  @MethodSource("examples")
  void asPublished(String file, List<String> problemPaths) {
    ContractException e =
        assertThrows(ContractException.class, () -> ContractLoader.load(EXAMPLES.resolve(file)));

    assertThat(e.problems().stream().map(ContractProblem::path).toList(), equalTo(problemPaths));
    if (problemPaths.contains("domain")) {
      assertThat(
          e.problems().get(0),
          equalTo(
              new ContractProblem(
                  "domain", 0, "required; it is the product's folder in the output")));
    }
  }

  @Test
  void tableColumnsWithPartition() throws Exception {
    DataContract contract = withDomain("table-columns-with-partition.odcs.yaml");

    assertThat(contract.product(), equalTo(DataProduct.of("examples", "my_quantum", "1.0.0")));
    assertThat(contract.objectName(), equalTo("tbl"));
    assertThat(names(contract), contains("rcvr_cntry_code", "rcvr_id", "year", "amount"));
    assertThat(
        types(contract),
        contains(FieldType.STRING, FieldType.STRING, FieldType.INT32, FieldType.DOUBLE));
    assertThat(contract.primaryKey(), contains("rcvr_cntry_code", "rcvr_id"));
    assertThat(contract.partitionKeys(), contains("rcvr_cntry_code", "year"));
    assertThat(contract.ports(), empty());
    assertThat(contract.serviceLevels().retention(), nullValue());
    assertThat(contract.notices(), empty());
  }

  @Test
  void columnValidity() throws Exception {
    DataContract contract = withDomain("column-validity.odcs.yaml");

    assertThat(names(contract), contains("air_quality_status"));
    assertThat(contract.primaryKey(), contains("air_quality_status"));
    QualityRule rule = contract.field("air_quality_status").quality().get(0);
    assertThat(rule.metric(), equalTo("invalidValues"));
    assertThat(rule.arguments().get("validValues"), equalTo(Arrays.asList("", null, "n/a")));
    assertThat(rule.thresholds(), equalTo(Map.of("mustBeLessOrEqualTo", new BigDecimal("5"))));
    assertThat(rule.unit(), equalTo("percent"));
    assertThat(rule.dimension(), equalTo("conformity"));
    assertThat(rule.severity(), equalTo("error"));
    assertThat(noticePaths(contract), contains("schema[0].authoritativeDefinitions"));
  }

  @Test
  void columnCompleteness() throws Exception {
    DataContract contract = withDomain("column-completeness.odcs.yaml");

    // logicalType number wins over physicalType int.
    assertThat(types(contract), contains(FieldType.DOUBLE));
    assertThat(contract.primaryKey(), contains("UniqueID"));
    QualityRule rule = contract.field("UniqueID").quality().get(0);
    assertThat(rule.type(), equalTo("library"));
    assertThat(rule.metric(), equalTo("nullValues"));
    assertThat(rule.field(), equalTo("UniqueID"));
    assertThat(rule.thresholds(), equalTo(Map.of("mustBe", new BigDecimal("0"))));
    assertThat(noticePaths(contract), contains("schema[0].authoritativeDefinitions"));
  }

  @Test
  void columnAccuracy() throws Exception {
    DataContract contract = withDomain("column-accuracy.odcs.yaml");

    assertThat(types(contract), contains(FieldType.FLOAT)); // float(3,2)
    assertThat(contract.field("DataValue").quality().get(0).type(), equalTo("sql"));
    assertThat(
        noticePaths(contract),
        contains(
            "schema[0].authoritativeDefinitions", "schema[0].properties[0].quality[0]"));
  }

  @Test
  void columnCustom() throws Exception {
    DataContract contract = withDomain("column-custom.odcs.yaml");

    assertThat(
        contract.field("UniqueID").quality().stream().map(QualityRule::type).toList(),
        contains("custom", "custom"));
    assertThat(
        noticePaths(contract),
        contains(
            "schema[0].authoritativeDefinitions",
            "schema[0].properties[0].quality[0]",
            "schema[0].properties[0].quality[1]"));
  }

  @Test
  void tableColumn() throws Exception {
    DataContract contract = withDomain("table-column.odcs.yaml");

    assertThat(names(contract), contains("rcvr_cntry_code"));
    assertThat(contract.field("rcvr_cntry_code").physicalType(), equalTo("varchar(2)"));
    assertThat(noticePaths(contract), contains("schema[0].properties[0].authoritativeDefinitions"));
  }

  @Test
  void tableColumnDescription() throws Exception {
    DataContract contract = withDomain("table-column-description.odcs.yaml");

    ContractField date = contract.field("txn_ref_dt");
    assertThat(date.beamType(), equalTo(DataTypes.date()));
    assertThat(date.description().startsWith("Reference date for the transaction."), is(true));
    assertThat(contract.notices(), empty());
  }

  @Test
  void kafkaSchemaWithAProductName() throws Exception {
    String yaml =
        "domain: examples\ndataProduct: orders\n" + read("kafka-schema.odcs.yaml");

    DataContract contract = ContractLoader.parse(yaml, "kafka-schema");

    assertThat(contract.product(), equalTo(DataProduct.of("examples", "orders", "0.0.1")));
    assertThat(names(contract), contains("cust_id", "prod_id", "qty"));
    assertThat(types(contract), contains(FieldType.STRING, FieldType.STRING, FieldType.INT32));
    assertThat(contract.fields().stream().allMatch(ContractField::required), is(true));
    assertThat(
        contract.ports(),
        contains(new OutputPort("my-kafka", "kafka", null, "avro", "orders", "kafkabroker1:9092", null)));
  }

  @Test
  void databaseTableSlaWithAnObject() throws Exception {
    String yaml =
        "domain: examples\n"
            + read("database-table-sla.odcs.yaml")
                .replace(
                    "schema: []",
                    "schema:\n  - name: tab1\n    properties:\n"
                        + "      - name: txn_ref_dt\n        logicalType: date");

    DataContract contract = ContractLoader.parse(yaml, "database-table-sla");

    assertThat(
        contract.serviceLevels(),
        equalTo(new ServiceLevels(Duration.ofDays(3 * 365), null, Duration.ofDays(4))));
    assertThat(
        noticePaths(contract),
        contains(
            "slaProperties[1]", // generalAvailability
            "slaProperties[2]", // endOfSupport
            "slaProperties[3]", // endOfLife
            "slaProperties[5]", // frequency
            "slaProperties[6]", // timeOfAvailability
            "slaProperties[7]"));
  }

  @Test
  void fullExampleWithItsFirstObjectOnly() throws Exception {
    String full = read("full-example.odcs.yaml");
    String yaml =
        full.substring(0, full.indexOf("  # Receivers master table"))
            .replace("dataProduct: my quantum", "dataProduct: my_quantum")
            + full.substring(full.indexOf("# Pricing"));

    DataContract contract = ContractLoader.parse(yaml, "full-example");

    assertThat(contract.product(), equalTo(DataProduct.of("seller", "my_quantum", "1.1.0")));
    assertThat(contract.owner(), equalTo("my-team"));
    assertThat(contract.description(), equalTo(
        "Views built on top of the seller tables.\n\nPredict sales over time"));
    assertThat(names(contract), contains("transaction_reference_date", "rcvr_id", "rcvr_cntry_code"));
    assertThat(types(contract), contains(DataTypes.date(), FieldType.STRING, FieldType.STRING));
    assertThat(contract.primaryKey(), contains("rcvr_id"));
    assertThat(contract.partitionKeys(), contains("transaction_reference_date"));
    assertThat(contract.field("rcvr_id").classification(), equalTo("restricted"));
    assertThat(
        contract.field("transaction_reference_date").customProperties(),
        equalTo(Map.of("anonymizationStrategy", "none")));
    assertThat(contract.datasetQuality().get(0).metric(), equalTo("rowCount"));
    assertThat(
        contract.datasetQuality().get(0).thresholds(),
        equalTo(Map.of("mustBeGreaterThan", new BigDecimal("1000000"))));
    assertThat(contract.ports(), empty()); // postgres is not an output port
    assertThat(contract.serviceLevels().retention(), equalTo(Duration.ofDays(3 * 365)));
    assertThat(contract.serviceLevels().latency(), equalTo(Duration.ofDays(4)));
    List<String> notices = noticePaths(contract);
    for (String unsupported :
        List.of(
            "authoritativeDefinitions", "description.authoritativeDefinitions", "servers[0]",
            "schema[0].relationships", "schema[0].customProperties[0]", "price", "roles", "support",
            "customProperties", "schema[0].properties[1].relationships",
            "schema[0].properties[2].authoritativeDefinitions",
            "schema[0].properties[2].quality[0].customProperties")) {
      assertThat(unsupported + " is reported", notices.contains(unsupported), is(true));
    }
  }

  private static DataContract withDomain(String file) throws Exception {
    return ContractLoader.parse("domain: examples\n" + read(file), file);
  }

  private static String read(String file) throws IOException {
    return Files.readString(EXAMPLES.resolve(file));
  }

  private static List<String> names(DataContract contract) {
    return contract.fields().stream().map(ContractField::name).toList();
  }

  private static List<FieldType> types(DataContract contract) {
    return contract.fields().stream().map(ContractField::beamType).toList();
  }

  private static List<String> noticePaths(DataContract contract) {
    return contract.notices().stream().map(ContractProblem::path).toList();
  }
}
