package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The top-level custom property {@code builtFrom}: the products a product is made from. */
class BuiltFromReaderTest {

  private static String contract(String customProperties) {
    return """
        apiVersion: v3.1.0
        kind: DataContract
        id: c-1
        version: 1.0.0
        status: active
        domain: crm
        dataProduct: segments
        """
        + customProperties
        + """
        schema:
          - name: segments
            properties:
              - {name: customer_id, logicalType: string}
        """;
  }

  @Test
  void readsAListOfProducts() throws Exception {
    DataContract contract =
        ContractLoader.parse(
            contract(
                """
                customProperties:
                  - property: builtFrom
                    value: [sales/orders, crm/customers, sales/orders]
                """),
            "c.yaml");
    assertThat(contract.builtFrom(), equalTo(List.of("sales/orders", "crm/customers")));
  }

  @Test
  void readsACommaSeparatedText() throws Exception {
    DataContract contract =
        ContractLoader.parse(
            contract(
                """
                customProperties:
                  - property: builtFrom
                    value: "sales/orders, digital/interactions"
                """),
            "c.yaml");
    assertThat(contract.builtFrom(), equalTo(List.of("sales/orders", "digital/interactions")));
  }

  @Test
  void aSourceProductIsBuiltFromNothing() throws Exception {
    assertThat(ContractLoader.parse(contract(""), "c.yaml").builtFrom(), empty());
  }

  @Test
  void refusesAProductThatIsNotDomainSlashName() {
    ContractException e =
        assertThrows(
            ContractException.class,
            () ->
                ContractLoader.parse(
                    contract(
                        """
                        customProperties:
                          - property: builtFrom
                            value: [orders]
                        """),
                    "c.yaml"));
    assertThat(
        e.problems().stream().map(ContractProblem::toString).toList(),
        contains(
            "customProperties[0].value (line 10): builtFrom lists products as domain/product"
                + " (folder-safe names, such as crm/customers)"));
  }

  @Test
  void anotherCustomPropertyIsANotice() throws Exception {
    DataContract contract =
        ContractLoader.parse(
            contract(
                """
                customProperties:
                  - property: costCentre
                    value: "4711"
                """),
            "c.yaml");
    assertThat(
        contract.notices().stream().map(ContractProblem::toString).toList(),
        hasItem("customProperties[0] (line 9): custom property costCentre: not supported yet"));
  }
}
