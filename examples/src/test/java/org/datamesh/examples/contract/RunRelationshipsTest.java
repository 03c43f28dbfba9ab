package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} checks a contract's relationships: lines without their order and orders without
 * their customer in the published {@code crm/customers} are quarantined; a referenced product not
 * published yet is exit 2 before anything runs.
 */
class RunRelationshipsTest {

  static final String CUSTOMERS =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: crm-customers
      version: 1.0.0
      status: active
      domain: crm
      dataProduct: customers
      schema:
        - name: customers
          properties:
            - {name: customer_id, logicalType: string, required: true, primaryKey: true}
            - {name: name, logicalType: string}
      """;

  static final String SALES =
      """
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
            - {name: order_id, logicalType: string, required: true, primaryKey: true}
            - name: customer_id
              logicalType: string
              relationships:
                - to: customers.customer_id
                  customProperties:
                    - {property: product, value: crm/customers}
        - name: order_lines
          relationships:
            - {from: order_lines.order_id, to: orders.order_id}
          properties:
            - {name: order_id, logicalType: string, required: true}
            - {name: sku, logicalType: string}
      """;

  @TempDir Path dir;

  private CliOutcome runSales(Path contract) {
    return CliOutcome.run(
        "run", "--contract=" + contract,
        "--input=orders=" + dir.resolve("orders.csv"),
        "--input=order_lines=" + dir.resolve("lines.csv"),
        "--output=" + dir.resolve("out"), "--runner=DirectRunner");
  }

  @Test
  void orphansOfBothRelationshipsAreQuarantinedAndCountsBalance() throws Exception {
    Files.writeString(dir.resolve("customers.csv"), "customer_id,name\nC-1,Ada\n");
    CliOutcome crm =
        CliOutcome.run(
            "run", "--contract=" + OrdersContract.write(dir, "crm.yaml", CUSTOMERS),
            "--input=" + dir.resolve("customers.csv"),
            "--output=" + dir.resolve("out"), "--runner=DirectRunner");
    assertThat(crm.err(), crm.status(), is(ExitCode.OK));
    Files.writeString(dir.resolve("orders.csv"), "order_id,customer_id\nO-1,C-1\nO-2,C-2\n");
    Files.writeString(dir.resolve("lines.csv"), "order_id,sku\nO-1,apple\nO-2,fig\nO-9,kiwi\n");

    CliOutcome outcome = runSales(OrdersContract.write(dir, "sales.yaml", SALES));

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(
        outcome.outLines(),
        hasItem("  table orders       in 2 = published 1 + quarantined 1 + deduplicated 0"));
    assertThat(
        outcome.outLines(),
        hasItem("  table order_lines  in 3 = published 1 + quarantined 2 + deduplicated 0"));
    Manifest manifest = Manifest.read(dir.resolve("out/sales/orders"));
    assertThat(
        manifest.quality().failuresByRule(),
        equalTo(
            Map.of(
                "orders.customer_id.relationship", 1L,
                "order_lines.order_id.relationship", 2L)));
  }

  @Test
  void aReferencedProductNotPublishedYetIsExit2BeforeAnythingRuns() throws Exception {
    Files.writeString(dir.resolve("orders.csv"), "order_id,customer_id\nO-1,C-1\n");
    Files.writeString(dir.resolve("lines.csv"), "order_id,sku\nO-1,apple\n");

    CliOutcome outcome = runSales(OrdersContract.write(dir, "sales.yaml", SALES));

    assertThat(outcome.status(), is(ExitCode.USAGE));
    assertThat(outcome.err(), containsString("references the product crm/customers, which is not published in"));
    assertThat(Files.exists(dir.resolve("out/sales/orders/_manifest.json")), is(false));
  }

  @Test
  void validateContractSaysWhichRelationshipsAreChecked() throws Exception {
    Path contract = OrdersContract.write(dir, "sales.yaml", SALES.replace("orders.order_id}", "invoices.order_id}"));

    CliOutcome outcome = CliOutcome.run("validate-contract", "--contract=" + contract);

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(
        outcome.out(),
        containsString(
            "foreignKey [orders.customer_id] -> [customers.customer_id] (product crm/customers):"
                + " checked"));
    assertThat(
        outcome.out(),
        containsString("foreignKey [order_lines.order_id] -> [invoices.order_id]: not checked"));
    assertThat(outcome.out(), containsString("relationship not checked: invoices is not a table"));
  }
}
