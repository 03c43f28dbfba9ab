package org.datamesh.core.contract.odcs;

import static org.datamesh.core.contract.odcs.OdcsChecks.problems;
import static org.datamesh.core.contract.odcs.OdcsChecks.whole;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The top level of a contract: its required keys, versions, description and timestamps. */
class FundamentalsCheckTest {

  @Test
  void theRequiredKeysAndTheDocumentationKeysAreValid() {
    assertThat(
        problems(
            "name: orders\ndomain: sales\ndataProduct: orders\ntenant: shop\ntags: [a, b]\n"
                + "slaDefaultElement: orders.id\ncontractCreatedTs: 2024-03-05T10:15:30Z\n"),
        empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"v3.1.0", "v3.0.2", "v3.0.1", "v3.0.0"})
  void everyV3VersionIsAccepted(String apiVersion) {
    assertThat(
        whole("apiVersion: " + apiVersion + "\nkind: DataContract\nid: a\nversion: '1'\nstatus: x\n"),
        empty());
  }

  @Test
  void missingRequiredKeysAreNamedWhereTheyBelong() {
    assertThat(
        whole("kind: DataContract\nname: orders\n"),
        contains(
            "apiVersion: missing; ODCS requires it in a data contract",
            "id: missing; ODCS requires it in a data contract",
            "version: missing; ODCS requires it in a data contract",
            "status: missing; ODCS requires it in a data contract"));
  }

  @Test
  void anUnknownTopLevelKeyListsTheAllowedOnes() {
    assertThat(
        problems("dataset: orders\n"),
        contains(
            "dataset (line 6): not a key ODCS allows in a data contract; allowed: apiVersion, kind,"
                + " id, version, status, name, domain, dataProduct, tenant, tags, description,"
                + " contractCreatedTs, schema, servers, team, roles, support, price, slaProperties,"
                + " slaDefaultElement, authoritativeDefinitions, customProperties"));
  }

  @Test
  void odcsV2VersionsAreRefusedWithTheReason() {
    assertThat(
        whole("apiVersion: v2.2.2\nkind: DataContract\nid: a\nversion: '1'\nstatus: x\n"),
        contains(
            "apiVersion (line 1): names ODCS v2, whose contracts are shaped differently;"
                + " datamesh-beam reads ODCS v3: write one of v3.1.0, v3.0.2, v3.0.1, v3.0.0"
                + " (and the v3 sections)"));
  }

  @Test
  void otherVersionsAndKindsAreRefused() {
    assertThat(
        whole("apiVersion: v3.2.0\nkind: Contract\nid: a\nversion: 1\nstatus: x\n"),
        contains(
            "apiVersion (line 1): must be one of: v3.1.0, v3.0.2, v3.0.1, v3.0.0",
            "kind (line 2): must be one of: DataContract",
            "version (line 4): must be a string, not a number"));
  }

  @Test
  void theCreationTimeIsAnRfc3339DateTime() {
    assertThat(
        problems("contractCreatedTs: 2024-03-05 10:15\n"),
        contains(
            "contractCreatedTs (line 6): must be a date and time with an offset (RFC 3339), such"
                + " as 2024-03-05T10:15:30Z or 2024-03-05T11:15:30+01:00"));
  }

  @Test
  void theDescriptionIsOpenButItsKnownKeysAreChecked() {
    assertThat(problems("description:\n  purpose: p\n  ownNote: allowed\n"), empty());
    assertThat(
        problems("description:\n  purpose: 5\n  usage: [a]\n"),
        contains(
            "description.purpose (line 7): must be a string, not a number",
            "description.usage (line 8): must be a string, not a list"));
    assertThat(
        problems("description: orders\n"),
        contains(
            "description (line 6): must be a description (a mapping of keys to values), not a"
                + " string"));
  }

  @Test
  void tagsAreStrings() {
    assertThat(
        problems("tags: [ok, 7]\n"), contains("tags[1] (line 6): must be a string, not a number"));
  }
}
