package org.datamesh.core.contract.odcs;

import static org.datamesh.core.contract.odcs.OdcsChecks.problems;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import org.junit.jupiter.api.Test;

/** {@code slaProperties}, {@code customProperties} and {@code authoritativeDefinitions}. */
class SlaAndCustomPropertiesCheckTest {

  @Test
  void aServiceLevelHasAPropertyAndASingleValue() {
    assertThat(
        problems("slaProperties:\n  - {property: retention, value: 3, unit: y}\n"
            + "  - {property: endOfLife, value: null}\n"),
        empty());
    assertThat(
        problems("slaProperties:\n  - {property: latency, value: [1, 2]}\n  - {value: 1}\n"),
        contains(
            "slaProperties[0].value (line 7): must be a single value (text, a number, true/false"
                + " or empty), not a list",
            "slaProperties[1].property (line 8): missing; ODCS requires it in a service-level"
                + " property"));
  }

  @Test
  void aCustomPropertyHasAPropertyAndAValueOfAnyKind() {
    assertThat(
        problems("customProperties:\n  - {property: owners, value: [a, b]}\n"
            + "  - {property: nothing, value: null}\n"),
        empty());
    assertThat(
        problems("customProperties:\n  - {property: costCentre}\n  - {name: x, value: 1}\n"),
        contains(
            "customProperties[0].value (line 7): missing; ODCS requires it in a custom property",
            "customProperties[1].property (line 8): missing; ODCS requires it in a custom property",
            "customProperties[1].name (line 8): not a key ODCS allows in a custom property;"
                + " allowed: property, value, id, description"));
  }

  @Test
  void anAuthoritativeDefinitionHasAUrlAndAType() {
    assertThat(
        problems("authoritativeDefinitions:\n  - {type: glossary, url: https://example.org/g}\n"),
        empty());
    assertThat(
        problems("authoritativeDefinitions:\n  - {url: https://example.org/g}\n"),
        contains(
            "authoritativeDefinitions[0].type (line 7): missing; ODCS requires it in an"
                + " authoritative definition"));
  }
}
