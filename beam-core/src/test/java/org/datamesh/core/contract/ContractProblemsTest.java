package org.datamesh.core.contract;

import static org.datamesh.core.contract.ContractLoaderTest.lineOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a contract datamesh-beam cannot build a product from is refused for, path by path. */
class ContractProblemsTest {

  private static final String ORDERS = SalesOrdersContract.YAML;

  @Test
  void reportsEveryProblemWithItsPathAndLine() {
    String broken =
        ORDERS
            .replace("domain: sales", "domain: ../etc")
            .replace("logicalType: timestamp", "logicalType: array")
            .replace("logicalType: integer", "logicalType: integr")
            .replace("      physicalType: char(3)\n        required: true",
                "      physicalType: char(3)\n        required: maybe")
            .replace("unit: hours", "unit: fortnights");

    ContractException e = assertThrows(ContractException.class, () -> parse(broken));

    assertThat(
        e.problems().stream().map(p -> p.path() + "@" + p.line()).toList(),
        containsInAnyOrder(
            "domain@" + lineOf(broken, "domain: ../etc"),
            // No items key: the problem is on the property, at its first line.
            "schema[0].properties[3].items@" + lineOf(broken, "- name: order_ts"),
            "schema[0].properties[5].logicalType@" + lineOf(broken, "logicalType: integr"),
            "schema[0].properties[2].required@" + lineOf(broken, "required: maybe"),
            "slaProperties[1].unit@" + lineOf(broken, "unit: fortnights")));
    assertThat(
        problemAt(e, "schema[0].properties[3].items").message(),
        containsString("an array needs items"));
    assertThat(
        problemAt(e, "schema[0].properties[2].required").message(),
        equalTo("string found, boolean expected"));
    assertThat(
        problemAt(e, "schema[0].properties[5].logicalType").message(),
        containsString("enumeration"));
    assertThat(problemAt(e, "slaProperties[1].unit").message(), containsString("unknown unit"));
    assertThat(e.getMessage().lines().toList(), hasSize(6));
    assertThat(
        e.getMessage().lines().toList().get(1),
        equalTo(e.problems().get(0).toString()));
  }

  @Test
  void problemsNeverQuoteTheValuesFound() {
    String broken = ORDERS.replace("domain: sales", "domain: Jane.Doe@example.com");

    ContractException e = assertThrows(ContractException.class, () -> parse(broken));

    assertThat(paths(e.problems()), contains("domain"));
    assertThat(e.getMessage(), not(containsString("Jane")));
  }

  @Test
  void reportsAnAmbiguousQualityRuleOnce() {
    String twoOperators =
        ORDERS.replace("mustBe: 0\n            severity: error",
            "mustBe: 0\n            mustBeLessThan: 3\n            severity: error");

    ContractException e = assertThrows(ContractException.class, () -> parse(twoOperators));

    assertThat(
        e.problems(),
        contains(
            new ContractProblem(
                "schema[0].properties[0].quality[0]",
                lineOf(twoOperators, "- metric: nullValues"),
                "matches more than one of the forms ODCS v3.1.0 allows here, where it must match"
                    + " exactly one (a quality rule takes one threshold operator, for example)")));
  }

  @Test
  void refusesNamesThatWouldLeaveTheOutputRoot() {
    String escaping =
        ORDERS
            .replace("domain: sales", "domain: ../etc")
            .replace("dataProduct: orders", "dataProduct: a/b")
            .replace("version: 1.0.0", "version: ..");

    assertThat(problemPaths(escaping), contains("domain", "dataProduct", "version"));
    assertThat(problemPaths(ORDERS.replace("dataProduct: orders", "dataProduct: '.'")),
        contains("dataProduct"));
    assertThat(problemPaths(ORDERS.replace("domain: sales", "domain: 'sales\\\\x'")),
        contains("domain"));
    assertThat(problemPaths(ORDERS.replace("version: 1.0.0", "version: 1.0 beta")),
        contains("version"));
    assertThat(
        "absolute paths",
        problemPaths(
            ORDERS.replace("domain: sales", "domain: /etc")
                .replace("dataProduct: orders", "dataProduct: 'C:\\\\orders'")),
        contains("domain", "dataProduct"));
  }

  @Test
  void requiresADomainAndOneObjectWithProperties() {
    assertThat(problemPaths(ORDERS.replace("domain: sales\n", "")), contains("domain"));

    String noProperties =
        ORDERS.substring(0, ORDERS.indexOf("    properties:")) + "servers: []\n";
    assertThat(problemPaths(noProperties), contains("schema[0].properties"));

    String noSchema =
        ORDERS.substring(0, ORDERS.indexOf("schema:")) + ORDERS.substring(ORDERS.indexOf("servers:"));
    ContractException e = assertThrows(ContractException.class, () -> parse(noSchema));
    assertThat(e.problems(), contains(new ContractProblem("schema", 0,
        "a contract builds one product from one object; found 0")));

    String twoObjects = ORDERS.replace("servers:\n", "  - name: refunds\n    properties:\n"
        + "      - name: refund_id\n        logicalType: string\nservers:\n");
    ContractException two = assertThrows(ContractException.class, () -> parse(twoObjects));
    assertThat(paths(two.problems()), contains("schema"));
    assertThat(two.problems().get(0).message(), containsString("found 2; write one contract per object"));
  }

  @Test
  void refusesTypesItCannotPublish() {
    String unsupported =
        ORDERS
            .replace("logicalType: timestamp", "logicalType: object")
            .replace("      physicalType: varchar(320)\n", "      logicalType: array\n")
            .replace("physicalType: DECIMAL(18, 4)", "physicalType: decimal(3, 4)");

    assertThat(
        problemPaths(unsupported),
        contains(
            "schema[0].properties[1].physicalType",
            "schema[0].properties[3].properties",
            "schema[0].properties[6].items"));

    String unknownPhysical = ORDERS.replace("physicalType: varchar(320)", "physicalType: geometry");
    assertThat(problemPaths(unknownPhysical), contains("schema[0].properties[6].logicalType"));
  }

  @Test
  void refusesRepeatedNamesKeysAndKeyPositions() {
    String repeatedProperty = ORDERS.replace("- name: currency", "- name: amount");
    assertThat(problemPaths(repeatedProperty), contains("schema[0].properties[2].name"));

    String repeatedKey = ORDERS.replace("status: active\n", "status: active\nstatus: draft\n");
    ContractException e = assertThrows(ContractException.class, () -> parse(repeatedKey));
    assertThat(e.problems(), contains(new ContractProblem("status",
        lineOf(repeatedKey, "status: draft"), "this key appears twice in the same mapping")));

    String repeatedPosition =
        ORDERS.replace(
            "      physicalType: char(3)\n",
            "      physicalType: char(3)\n        primaryKey: true\n        primaryKeyPosition: 1\n");
    assertThat(problemPaths(repeatedPosition), contains("schema[0].properties[2].primaryKeyPosition"));
  }

  @Test
  void ordersKeyFieldsByPositionThenDeclaration() throws Exception {
    String compositeKey =
        ORDERS
            .replace("primaryKeyPosition: 1\n", "primaryKeyPosition: 2\n")
            .replace(
                "      physicalType: char(3)\n",
                "      physicalType: char(3)\n        primaryKey: true\n        primaryKeyPosition: 1\n")
            .replace(
                "      physicalType: int\n",
                "      physicalType: int\n        primaryKey: true\n");

    assertThat(load(compositeKey).primaryKey(), contains("currency", "order_id", "quantity"));
  }

  private static DataContract load(String yaml) throws ContractException {
    return parse(yaml);
  }

  private static DataContract parse(String yaml) throws ContractException {
    return ContractLoader.parse(yaml, "test.odcs.yaml");
  }

  private static List<String> problemPaths(String yaml) {
    return paths(assertThrows(ContractException.class, () -> parse(yaml)).problems());
  }

  private static List<String> paths(List<ContractProblem> problems) {
    return problems.stream().map(ContractProblem::path).toList();
  }

  private static ContractProblem problemAt(ContractException e, String path) {
    return e.problems().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow();
  }
}
