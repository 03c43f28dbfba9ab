package org.datamesh.pipelines.mesh;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.publish.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seven source-aligned contracts of the mesh load without problems or notices, are valid
 * ODCS, and publish exactly the tables, keys and columns the mesh's consumers are built against.
 */
class SourceContractsTest {

  private static final String ROOT = "org/datamesh/pipelines/";

  static Stream<Arguments> contracts() {
    return Stream.of(
        Arguments.of(
            "crm/crm-customers.odcs.yaml", "crm.customers", "customers",
            List.of("customer_id"),
            List.of(
                "customer_id STRING NOT NULL", "full_name STRING NOT NULL", "email STRING",
                "phone STRING", "country STRING NOT NULL", "city STRING", "birth_date DATE",
                "signup_date DATE NOT NULL", "updated_at TIMESTAMP")),
        Arguments.of(
            "sales/sales-orders.odcs.yaml", "sales.orders", "orders",
            List.of("order_id"),
            List.of(
                "order_id STRING NOT NULL", "customer_id STRING NOT NULL",
                "order_ts TIMESTAMP NOT NULL", "updated_at TIMESTAMP", "status STRING NOT NULL",
                "channel STRING NOT NULL", "currency STRING NOT NULL",
                "amount DECIMAL(18,4) NOT NULL")),
        Arguments.of(
            "sales/sales-orders.odcs.yaml", "sales.orders", "order_lines",
            List.of("order_id", "line_no"),
            List.of(
                "order_id STRING NOT NULL", "line_no INT32 NOT NULL", "product_id STRING NOT NULL",
                "quantity INT32 NOT NULL", "unit_price DECIMAL(18,4) NOT NULL")),
        Arguments.of(
            "digital/digital-interactions.odcs.yaml", "digital.interactions", "interactions",
            List.of("event_id"),
            List.of(
                "event_id STRING NOT NULL", "customer_id STRING NOT NULL",
                "event_ts TIMESTAMP NOT NULL", "channel STRING NOT NULL",
                "event_type STRING NOT NULL", "product_id STRING",
                "device STRUCT(os STRING, app_version STRING)",
                "feedback STRUCT(rating INT32 NOT NULL, comment STRING)")),
        Arguments.of(
            "supply/supply-inventory.odcs.yaml", "supply.inventory", "inventory",
            List.of("warehouse_id", "product_id"),
            List.of(
                "snapshot_date DATE NOT NULL", "warehouse_id STRING NOT NULL",
                "region STRING NOT NULL", "product_id STRING NOT NULL", "on_hand INT32 NOT NULL",
                "reorder_point INT32 NOT NULL")),
        Arguments.of(
            "supply/supply-shipments.odcs.yaml", "supply.shipments", "shipments",
            List.of("shipment_id"),
            List.of(
                "shipment_id STRING NOT NULL", "product_id STRING NOT NULL",
                "warehouse_id STRING NOT NULL", "lane STRING NOT NULL", "quantity INT32 NOT NULL",
                "shipped_date DATE NOT NULL", "expected_date DATE NOT NULL",
                "delivered_date DATE")),
        Arguments.of(
            "supply/supply-weather.odcs.yaml", "supply.weather", "weather",
            List.of("day", "region"),
            List.of(
                "day DATE NOT NULL", "region STRING NOT NULL", "kind STRING NOT NULL",
                "temperature_c DOUBLE", "precipitation_mm DOUBLE", "severe BOOLEAN NOT NULL")),
        Arguments.of(
            "platform/platform-server-logs.odcs.yaml", "platform.server-logs", "requests",
            List.of("request_id"),
            List.of(
                "at TIMESTAMP NOT NULL", "level STRING NOT NULL", "service STRING NOT NULL",
                "method STRING", "path STRING", "status_code INT32", "latency_ms INT64",
                "request_id STRING NOT NULL")));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("contracts")
  void loadsWithTheAgreedShape(
      String file, String product, String table, List<String> key, List<String> columns)
      throws Exception {
    DataContract contract = ContractLoader.fromClasspath(ROOT + file);

    assertThat(contract.notices(), is(empty()));
    assertThat(contract.product().domain() + "." + contract.product().name(), is(product));
    ContractTable published = contract.table(table);
    assertThat(published.primaryKey(), equalTo(key));
    assertThat(
        Manifest.columnsOf(published.publishedSchema()).stream()
            .map(c -> c.name() + " " + c.type() + (c.nullable() ? "" : " NOT NULL"))
            .toList(),
        equalTo(columns));
    assertThat(ContractLoader.checkOdcs(text(file)), is(empty()));
  }

  @Test
  void ordersIsVersionTwoWithItsTwoTablesInOrder() throws Exception {
    DataContract orders = ContractLoader.fromClasspath(ROOT + "sales/sales-orders.odcs.yaml");

    assertThat(orders.product().version(), is("2.0.0"));
    assertThat(orders.tables().stream().map(ContractTable::name).toList(), contains("orders", "order_lines"));
    assertThat(orders.owner(), is("sales-data"));
  }

  @Test
  void theServerLogsDeclareTheirLinePatternWithAGroupPerColumn() throws Exception {
    DataContract logs = ContractLoader.fromClasspath(ROOT + "platform/platform-server-logs.odcs.yaml");

    for (String column : List.of("at", "level", "service", "method", "path", "status_code", "latency_ms", "request_id")) {
      assertThat(column, logs.logPattern().contains("(?<" + column + ">"), is(true));
    }
  }

  private static String text(String file) throws Exception {
    try (var in = SourceContractsTest.class.getClassLoader().getResourceAsStream(ROOT + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
