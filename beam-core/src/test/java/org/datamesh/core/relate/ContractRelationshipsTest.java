package org.datamesh.core.relate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.failure.Severity;
import org.junit.jupiter.api.Test;

/** Which relationships of a contract a run checks, and which it refuses or leaves to a notice. */
class ContractRelationshipsTest {

  private static String contract(String ordersExtra, String linesRelationships) {
    return """
        apiVersion: v3.1.0
        kind: DataContract
        id: sales-orders
        version: 1.0.0
        status: active
        domain: sales
        dataProduct: orders
        schema:
          - name: orders
            properties:
              - {name: order_id, logicalType: string, primaryKey: true}
              - name: customer_id
                logicalType: string
        %s
          - name: Order_Lines
            relationships:
        %s
            properties:
              - {name: order_id, logicalType: string}
              - {name: line_no, logicalType: integer}
        """.formatted(ordersExtra, linesRelationships);
  }

  private static DataContract load(String yaml) throws ContractException {
    return ContractLoader.parse(yaml, "sales.yaml");
  }

  @Test
  void aForeignKeyBetweenTablesAndOneToAPublishedProductAreChecked() throws Exception {
    DataContract contract =
        load(
            contract(
                """
                        relationships:
                          - to: customers.customer_id
                            customProperties:
                              - {property: product, value: crm/customers}
                              - {property: severity, value: warning}
                """,
                "      - {from: Order_Lines.order_id, to: orders.order_id}"));

    List<Relationship> relationships = ContractRelationships.of(contract);

    // Tables are named by their folders; the published product's table as written.
    assertThat(
        relationships,
        containsInAnyOrder(
            Relationship.from("order_lines", "order_id").to("orders", "order_id"),
            Relationship.from("orders", "customer_id")
                .toPublished("crm/customers", "customers", "customer_id")
                .withSeverity(Severity.WARN)));
    assertThat(
        contract.notices().stream().map(ContractProblem::message).toList(),
        org.hamcrest.Matchers.not(hasItem(containsString("relationship not checked"))));
  }

  @Test
  void aReferenceToATableOutsideTheContractWithoutAProductIsANoticeNotARefusal()
      throws Exception {
    DataContract contract =
        load(contract("", "      - {from: Order_Lines.order_id, to: invoices.order_id}"));

    assertThat(ContractRelationships.of(contract), empty());
    assertThat(
        contract.notices().stream().map(p -> p.path() + ": " + p.message()).toList(),
        hasItem(
            "schema[1].relationships[0]: relationship not checked: invoices is not a table of"
                + " this contract; name the product publishing it with the custom property"
                + " product (domain/name)"));
  }

  @Test
  void aMissingColumnABadSeverityAndABadProductAreRefusedWithTheirPaths() throws Exception {
    DataContract contract =
        load(
            contract(
                """
                        relationships:
                          - to: customers.customer_id
                            customProperties:
                              - {property: product, value: ../customers}
                """,
                """
                      - from: Order_Lines.order_no
                        to: orders.order_id
                      - from: Order_Lines.order_id
                        to: orders.order_id
                        customProperties:
                          - {property: severity, value: fatal}
                """));

    ContractException refused =
        assertThrows(ContractException.class, () -> ContractRelationships.of(contract));

    assertThat(
        refused.problems().stream().map(p -> p.path()).toList(),
        containsInAnyOrder(
            "schema[0].properties[1].relationships[0].customProperties.product",
            "schema[1].relationships[0].from",
            "schema[1].relationships[1].customProperties.severity"));
  }

  @Test
  void columnsProtectedDifferentlyCannotBeRelated() throws Exception {
    String yaml =
        contract("", "      - {from: Order_Lines.order_id, to: orders.order_id}")
            .replace(
                "- {name: order_id, logicalType: string, primaryKey: true}",
                "- {name: order_id, logicalType: string, primaryKey: true, classification: restricted}");

    ContractException refused =
        assertThrows(ContractException.class, () -> ContractRelationships.of(load(yaml)));

    assertThat(
        refused.problems().stream().map(ContractProblem::message).toList(),
        contains(
            equalTo(
                "Order_Lines.order_id is published in clear and orders.order_id with tokenize:"
                    + " protect both columns the same way, or their values never match")));
  }

  @Test
  void columnsTokenizedOnBothSidesAreRelated() throws Exception {
    String yaml =
        contract("", "      - {from: Order_Lines.order_id, to: orders.order_id}")
            .replace(
                "- {name: order_id, logicalType: string, primaryKey: true}",
                "- {name: order_id, logicalType: string, primaryKey: true, classification: restricted}")
            .replace(
                "- {name: order_id, logicalType: string}",
                "- {name: order_id, logicalType: string, classification: confidential}");

    assertThat(
        ContractRelationships.of(load(yaml)),
        contains(Relationship.from("order_lines", "order_id").to("orders", "order_id")));
  }
}
