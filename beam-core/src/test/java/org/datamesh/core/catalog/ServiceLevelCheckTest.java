package org.datamesh.core.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.datamesh.core.catalog.PromiseResult.Status;
import org.datamesh.core.failure.Severity;
import org.junit.jupiter.api.Test;

class ServiceLevelCheckTest {

  private static final String RUN = "20261121T050000Z-9f3a1c";
  private static final String COMMITTED = "2026-11-21T05:40:00Z";

  private static PublishedProduct product(boolean withFacts) throws Exception {
    return new PublishedProduct(
        "crm/contacts",
        FileSystems.matchNewResource("/out/crm/contacts", true),
        CatalogFixtures.manifest("crm", "contacts", RUN, COMMITTED),
        withFacts ? Optional.of(ProductFacts.of(CatalogFixtures.contract())) : Optional.empty());
  }

  @Test
  void aFreshProductKeepsItsFreshnessAndItsLatencyIsTheRunsTimeToCommit() throws Exception {
    List<PromiseResult> results =
        ServiceLevelCheck.at(Instant.parse("2026-11-21T06:00:00Z")).check(product(true));

    assertThat(
        results,
        contains(
            new PromiseResult("crm.contacts", "crm-team", "freshness", Severity.ERROR, Status.MET,
                3_600_000L, 1_200_000L, "measured PT20M, within PT1H"),
            // analytics driver: a WARN; 40 minutes from the run's start to its commit
            new PromiseResult("crm.contacts", "crm-team", "latency", Severity.WARN, Status.BROKEN,
                1_800_000L, 2_400_000L, "measured PT40M, more than PT30M"),
            new PromiseResult("crm.contacts", "crm-team", "retention", Severity.ERROR,
                Status.NOT_MEASURABLE, 2_592_000_000L, null,
                "enforced by publication (superseded runs are kept at least this long), not"
                    + " measured")));
    assertThat(results.stream().anyMatch(PromiseResult::blocks), is(false));
  }

  @Test
  void aStaleProductBreaksAnErrorPromise() throws Exception {
    List<PromiseResult> results =
        ServiceLevelCheck.at(Instant.parse("2026-11-21T07:00:01Z")).check(product(true));

    PromiseResult freshness = results.get(0);
    assertThat(freshness.status(), equalTo(Status.BROKEN));
    assertThat(freshness.measuredMillis(), equalTo(4_801_000L));
    assertThat(freshness.blocks(), is(true));
    assertThat(Catalog.freshness(results), equalTo("stale"));
  }

  @Test
  void aProductWithoutFactsCannotBeChecked() throws Exception {
    List<PromiseResult> results =
        ServiceLevelCheck.at(Instant.parse("2026-11-21T07:00:00Z")).check(product(false));

    assertThat(results.size(), equalTo(1));
    assertThat(results.get(0).status(), equalTo(Status.NOT_MEASURABLE));
    assertThat(results.get(0).property(), equalTo("contract"));
    assertThat(results.get(0).blocks(), is(false));
    assertThat(Catalog.freshness(results), equalTo("unknown"));
  }
}
