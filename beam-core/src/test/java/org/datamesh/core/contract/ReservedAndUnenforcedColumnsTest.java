package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Column names the library reserves, and column options it does not enforce, are said aloud. */
class ReservedAndUnenforcedColumnsTest {

  private static String contract(String firstColumn) {
    return """
        apiVersion: v3.1.0
        kind: DataContract
        id: c-1
        version: 1.0.0
        status: active
        domain: shop
        name: visits
        schema:
          - name: visits
            properties:
              - name: %s
                logicalType: string
                unique: true
              - name: day
                logicalType: date
                logicalTypeOptions:
                  format: dd.MM.yyyy
        """
        .formatted(firstColumn);
  }

  @Test
  void theSourceColumnIsReserved() {
    ContractException e =
        assertThrows(ContractException.class, () -> ContractLoader.parse(contract("_source"), "v"));
    assertThat(
        e.problems().get(0).toString(),
        is("schema[0].properties[0].name (line 11): _source is reserved for the record's position"));
  }

  @Test
  void uniqueOutsideTheKeyIsNoticedNotIgnoredAndADateFormatIsRead() throws Exception {
    DataContract contract = ContractLoader.parse(contract("visitor"), "v");
    assertThat(
        contract.notices().stream().map(ContractProblem::path).toList(),
        is(java.util.List.of("schema[0].properties[0].unique")));
    assertThat(contract.field("day").format(), is("dd.MM.yyyy"));
  }
}
