package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** Ports, service levels, the owner and absent optional parts of a contract. */
class ContractPartsTest {

  private static final String ORDERS = SalesOrdersContract.YAML;

  @Test
  void readsOutputPortsAndServiceLevels() throws Exception {
    DataContract contract = load(ORDERS);

    assertThat(
        contract.ports(),
        contains(
            new OutputPort("local-lake", "local", "/data/products", "parquet", null, null, "dev"),
            new OutputPort(
                "lake", "s3", "s3://acme-lake/products", "parquet", null, null, "prod"),
            new OutputPort("events", "kafka", null, "avro", "orders_v1", "kafka-1:9092", null)));
    assertThat(
        contract.serviceLevels(),
        equalTo(
            new ServiceLevels(Duration.ofDays(30), Duration.ofHours(6), Duration.ofMinutes(15))));
  }

  @Test
  void readsServiceLevelUnits() throws Exception {
    String sla =
        ORDERS
            .replace("value: 30\n    unit: d", "value: 2\n    unit: years")
            .replace("value: 6\n    unit: hours", "value: 1.5\n    unit: month")
            .replace("value: 15\n    unit: m", "value: 250\n    unit: ms");

    assertThat(
        load(sla).serviceLevels(),
        equalTo(
            new ServiceLevels(
                Duration.ofDays(730), Duration.ofDays(45), Duration.ofMillis(250))));

    String noUnit = ORDERS.replace("value: 30\n    unit: d\n", "value: 30\n");
    assertThat(problemPaths(noUnit), contains("slaProperties[0].unit"));
  }

  @Test
  void aContractWithoutOptionalPartsHasNullsAndEmptyLists() throws Exception {
    String minimal =
        """
        apiVersion: v3.1.0
        kind: DataContract
        id: minimal
        version: 0.1.0
        status: draft
        domain: tests
        name: minimal
        schema:
          - name: things
            properties:
              - name: id
                physicalType: bigint
        """;

    DataContract contract = load(minimal);

    assertThat(contract.owner(), nullValue());
    assertThat(contract.description(), nullValue());
    assertThat(contract.ports(), empty());
    assertThat(contract.datasetQuality(), empty());
    assertThat(contract.notices(), empty());
    assertThat(contract.primaryKey(), empty());
    assertThat(contract.serviceLevels(), equalTo(new ServiceLevels(null, null, null)));
    assertThat(contract.field("id").logicalType(), is(LogicalType.INTEGER));
    assertThat(contract.field("id").beamType(), equalTo(FieldType.INT64));
    assertThat(contract.field("missing"), nullValue());
  }

  @Test
  void findsTheOwnerAmongTeamMembers() throws Exception {
    String members = ORDERS.replace("  name: sales-data\n", "");
    assertThat(load(members).owner(), equalTo("jdoe"));
  }

  // ---- helpers ----

  private static DataContract load(String yaml) throws ContractException {
    return ContractLoader.parse(yaml, "test.odcs.yaml");
  }

  private static List<String> problemPaths(String yaml) {
    return assertThrows(ContractException.class, () -> load(yaml)).problems().stream()
        .map(ContractProblem::path)
        .toList();
  }
}
