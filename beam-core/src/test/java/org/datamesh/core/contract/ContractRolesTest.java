package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ContractRolesTest {

  private static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: roles-test
      name: customers
      version: 1.0.0
      status: active
      domain: crm
      schema:
        - name: customers
          properties:
            - name: customer_id
              logicalType: string
            - name: city
              logicalType: string
      """;

  private static DataContract load(String yaml) throws ContractException {
    return ContractLoader.parse(yaml, "roles.yaml");
  }

  @Test
  void rolesAreReadWithTheAccessConvention() throws Exception {
    DataContract contract =
        load(
            CONTRACT
                + """
                roles:
                  - role: marketing
                    access: read
                    customProperties:
                      - property: readColumns
                        value: [customer_id, city]
                      - property: maskedColumns
                        value: "city"
                      - property: rowFilter
                        value: "city == 'Berlin'"
                  - role: auditors
                """);

    ContractRole marketing = contract.role("marketing");
    assertThat(marketing.access(), equalTo("read"));
    assertThat(marketing.readColumns(), contains("customer_id", "city"));
    assertThat(marketing.maskedColumns(), contains("city"));
    assertThat(marketing.rowFilter(), equalTo("city == 'Berlin'"));
    ContractRole auditors = contract.role("auditors");
    assertThat(auditors.readColumns(), nullValue());
    assertThat(auditors.path(), equalTo("roles[1]"));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> contract.role("finance"));
    assertThat(unknown.getMessage(), containsString("[marketing, auditors]"));
  }

  @Test
  void aDuplicateRoleOrAnEmptyFilterIsAProblemAndOtherPropertiesAreNotices() throws Exception {
    ContractException refused =
        assertThrows(
            ContractException.class,
            () ->
                load(
                    CONTRACT
                        + """
                        roles:
                          - role: a
                            customProperties:
                              - property: rowFilter
                                value: "  "
                          - role: a
                        """));
    assertThat(
        refused.problems().stream().map(ContractProblem::path).toList(),
        hasItem("roles[0].customProperties[0]"));
    assertThat(refused.problems().stream().map(ContractProblem::path).toList(), hasItem("roles[1].role"));

    DataContract noticed =
        load(
            CONTRACT
                + """
                roles:
                  - role: a
                    customProperties:
                      - property: canExport
                        value: true
                """);
    assertThat(
        noticed.notices().stream().map(ContractProblem::path).toList(),
        hasItem("roles[0].customProperties[0]"));
  }
}
