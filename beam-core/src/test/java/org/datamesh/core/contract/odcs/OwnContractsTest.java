package org.datamesh.core.contract.odcs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.datamesh.core.contract.ContractLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project's own contracts are valid ODCS: the orders product's, and those written for these
 * tests, which together use every ODCS section and every server type.
 */
class OwnContractsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"every-section.odcs.yaml", "earlier-forms.odcs.yaml", "every-server-type.odcs.yaml"})
  void testContractsAreValidOdcs(String name) throws URISyntaxException {
    Path file = Path.of(OwnContractsTest.class.getResource(name).toURI());
    assertThat(ContractLoader.checkOdcs(file), empty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../domain-pipelines/src/main/resources/org/datamesh/pipelines/orders/sales-orders.odcs.yaml"
      })
  void projectContractsAreValidOdcs(String file) {
    assertThat(ContractLoader.checkOdcs(Path.of(file)), empty());
  }
}
