package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history as the commit step reads it: published runs are the baseline, in order. */
class QualityHistoryTest {

  static String line(String runId, boolean published, double rows) {
    return "{\"runId\":\"" + runId + "\",\"at\":\"t\",\"published\":" + published
        + ",\"score\":1.0,\"tables\":{\"orders\":{\"score\":1.0,\"metrics\":{\"rowCount\":" + rows
        + "}}}}";
  }

  @Test
  void onlyEarlierPublishedRunsAreTheBaselineOldestFirst() {
    QualityHistory history =
        QualityHistory.parse(
            List.of(
                line("r1", true, 10), line("r2", false, 1), "not json", "", line("r3", true, 30),
                line("r4", true, 99)),
            "r4");
    assertThat(history.runs().stream().map(QualityHistory.Run::runId).toList(), contains("r1", "r2", "r3"));
    assertThat(
        history.pastMetrics("orders"),
        contains(Map.of("rowCount", 10.0), Map.of("rowCount", 30.0)));
    assertThat(history.pastMetrics("customers"), is(List.of()));
  }
}
