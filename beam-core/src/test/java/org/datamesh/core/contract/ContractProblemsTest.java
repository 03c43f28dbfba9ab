package org.datamesh.core.contract;

import static org.datamesh.core.contract.ContractLoaderTest.lineOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.datamesh.core.product.DataProduct;
import org.junit.jupiter.api.Test;

/** What a contract datamesh-beam cannot build a product from is refused for, path by path. */
class ContractProblemsTest {

  private static final String ORDERS = SalesOrdersContract.YAML;

  @Test
  void reportsEveryProblemWithItsPathAndLine() {
    String broken =
        ORDERS
            .replace("logicalType: timestamp", "logicalType: array\n        items: {logicalType: lists}")
            .replace("logicalType: integer", "logicalType: integr")
            .replace("      physicalType: char(3)\n        required: true",
                "      physicalType: char(3)\n        required: maybe")
            .replace("unit: hours", "unit: fortnights");

    ContractException e = assertThrows(ContractException.class, () -> parse(broken));

    assertThat(
        e.problems().stream().map(p -> p.path() + "@" + p.line()).toList(),
        containsInAnyOrder(
            "schema[0].properties[3].items.logicalType@" + lineOf(broken, "items: {logicalType: lists}"),
            "schema[0].properties[5].logicalType@" + lineOf(broken, "logicalType: integr"),
            "schema[0].properties[2].required@" + lineOf(broken, "required: maybe"),
            "slaProperties[1].unit@" + lineOf(broken, "unit: fortnights")));
    assertThat(
        problemAt(e, "schema[0].properties[3].items.logicalType").message(),
        containsString("must be one of"));
    assertThat(
        problemAt(e, "schema[0].properties[2].required").message(),
        equalTo("must be true or false, not a string"));
    assertThat(
        problemAt(e, "schema[0].properties[5].logicalType").message(),
        containsString("must be one of: string, date,"));
    assertThat(problemAt(e, "slaProperties[1].unit").message(), containsString("unknown unit"));
    assertThat(e.getMessage().lines().toList(), hasSize(5));
    assertThat(
        e.getMessage().lines().toList().get(1),
        equalTo(e.problems().get(0).toString()));
  }

  @Test
  void problemsNeverQuoteTheValuesFound() {
    String broken = ORDERS.replace("unit: hours", "unit: Jane.Doe@example.com");

    ContractException e = assertThrows(ContractException.class, () -> parse(broken));

    assertThat(paths(e.problems()), contains("slaProperties[1].unit"));
    assertThat(e.getMessage(), not(containsString("Jane")));
  }

  @Test
  void reportsASecondThresholdOnce() {
    String twoOperators =
        ORDERS.replace("mustBe: 0\n            severity: error",
            "mustBe: 0\n            mustBeLessThan: 3\n            severity: error");

    ContractException e = assertThrows(ContractException.class, () -> parse(twoOperators));

    assertThat(
        e.problems(),
        contains(
            new ContractProblem(
                "schema[0].properties[0].quality[0].mustBeLessThan",
                lineOf(twoOperators, "mustBeLessThan: 3"),
                "a second threshold; a rule has exactly one (this one has mustBe)")));
  }

  @Test
  void namesThatWouldLeaveTheOutputRootBecomeSafeFolders() throws ContractException {
    DataContract escaping =
        parse(
            ORDERS
                .replace("domain: sales", "domain: ../etc")
                .replace("dataProduct: orders", "dataProduct: a/b")
                .replace("version: 1.0.0", "version: .."));

    assertThat(escaping.product(), equalTo(DataProduct.of("etc", "a_b", "..")));
    assertThat(paths(escaping.notices()), hasItems("domain", "dataProduct"));
    assertThat(parse(ORDERS.replace("dataProduct: orders", "dataProduct: '.'")).productName(),
        equalTo("p"));
    assertThat(parse(ORDERS.replace("domain: sales", "domain: 'sales\\x'")).domain(),
        equalTo("sales_x"));
    assertThat(parse(ORDERS.replace("version: 1.0.0", "version: 1.0 beta")).version(),
        equalTo("1.0 beta"));
    DataContract absolute =
        parse(
            ORDERS.replace("domain: sales", "domain: /etc")
                .replace("dataProduct: orders", "dataProduct: 'C:\\orders'"));
    assertThat(absolute.product(), equalTo(DataProduct.of("etc", "c_orders", "1.0.0")));
    assertThat(
        parse(ORDERS.replace("dataProduct: orders", "dataProduct: Ventes Été 2024")).productName(),
        equalTo("ventes_ete_2024"));
    assertThat(parse(ORDERS.replace("domain: sales", "domain: '2024'")).domain(), equalTo("d_2024"));
  }

  @Test
  void aMissingDomainFallsBackToTheDefaultOrTheOneGiven() throws ContractException {
    DataContract contract = parse(ORDERS.replace("domain: sales\n", ""));

    assertThat(contract.domain(), equalTo(DataContract.DEFAULT_DOMAIN));
    assertThat(contract.domainDeclared(), is(false));
    assertThat(paths(contract.notices()), hasItem("domain"));
    assertThat(contract.withDomain("Finance Ops").domain(), equalTo("finance_ops"));
    assertThrows(IllegalStateException.class, () -> parse(ORDERS).withDomain("other"));
  }

  @Test
  void anObjectWithoutPropertiesOrNoObjectAtAllLoadsWithANotice() throws ContractException {
    String noProperties =
        ORDERS.substring(0, ORDERS.indexOf("    properties:")) + "servers: []\n";
    DataContract empty = parse(noProperties);
    assertThat(empty.tables(), hasSize(1));
    assertThat(empty.onlyTable().publishable(), is(false));
    assertThat(paths(empty.notices()), hasItem("schema[0].properties"));

    String noSchema =
        ORDERS.substring(0, ORDERS.indexOf("schema:")) + ORDERS.substring(ORDERS.indexOf("servers:"));
    DataContract none = parse(noSchema);
    assertThat(none.tables(), empty());
    assertThat(paths(none.notices()), hasItem("schema"));
  }

  @Test
  void eachObjectIsATableWithAFolderUniqueInTheProduct() throws ContractException {
    String threeObjects =
        ORDERS.replace(
            "servers:\n",
            "  - name: Refunds\n    properties:\n      - name: refund_id\n        logicalType: string\n"
                + "        primaryKey: true\n"
                + "  - name: refunds\n    properties:\n      - name: id\n        logicalType: integer\n"
                + "servers:\n");

    DataContract contract = parse(threeObjects);

    assertThat(
        contract.tables().stream().map(ContractTable::folder).toList(),
        contains("orders", "refunds", "refunds_2"));
    assertThat(contract.table("Refunds").primaryKey(), contains("refund_id"));
    assertThat(contract.table("refunds_2").fields().get(0).name(), equalTo("id"));
    assertThat(contract.table("refunds_2").path(), equalTo("schema[2]"));
    assertThat(paths(contract.notices()), hasItems("schema[1].name", "schema[2].name"));
    assertThrows(IllegalStateException.class, contract::fields);
  }

  @Test
  void refusesTypesItCannotPublish() {
    String unsupported =
        ORDERS
            .replace("logicalType: timestamp", "logicalType: object")
            .replace("      physicalType: varchar(320)\n", "      logicalType: array\n")
            .replace("physicalType: DECIMAL(18, 4)", "physicalType: decimal(3, 4)");

    assertThat(problemPaths(unsupported), contains("schema[0].properties[1].physicalType"));

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
