package org.datamesh.rules.dataset;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.core.quality.TableQuality;
import org.datamesh.core.testing.TestPipelineExtension;
import org.datamesh.rules.dataset.anomaly.AnomalyStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Anomaly checks from Java and from a contract: measured with the other checks in one pass,
 * handed on unjudged, and judged against earlier runs once the history is given.
 */
@ExtendWith(TestPipelineExtension.class)
class AnomalyChecksTest {

  @Test
  void anomalyChecksAreMeasuredInThePassAndJudgedAgainstTheHistory(TestPipeline pipeline) {
    PCollection<TableQuality> quality =
        DatasetChecksTest.run(
            pipeline,
            Check.rowCount(Comparison.mustBeGreaterThan(0)),
            Check.anomaly("rowCount", AnomalyStrategy.relativeRateOfChange(0.5, 2.0)),
            Check.anomaly("nullValues(status)", AnomalyStrategy.absoluteChange(5, 5))
                .inPercent()
                .asWarning(),
            Check.anomaly("mean(amount)", AnomalyStrategy.zScore(3)).withId("amount.mean"));
    PAssert.that(quality)
        .satisfies(
            found -> {
              TableQuality q = found.iterator().next();
              // only the threshold check is judged in the pipeline
              assertThat(q.checks().stream().map(CheckResult::id).toList(), contains("rowCount"));
              assertThat(
                  q.history().stream().map(h -> h.id()).toList(),
                  contains("rowCount.relativeRateOfChange", "nullValues(status).absoluteChange",
                      "amount.mean"));
              assertThat(q.metrics().get("nullValues(status)"), is(1.0));
              assertThat(q.metrics().get("mean(amount)"), is(25.0));
              // 5 rows, 20% null status, mean 25; the last run had 20 rows and 40% nulls
              TableQuality judged =
                  q.judgedAgainst(
                      List.of(Map.of("rowCount", 20.0, "nullValues(status)", 8.0, "mean(amount)", 25.0)));
              assertThat(
                  judged.checks().stream().map(DatasetChecksTest::brief).toList(),
                  contains(
                      "rowCount passed 5 > 0",
                      "rowCount.relativeRateOfChange failed 5 between 10 and 40",
                      "nullValues(status).absoluteChange failed 20 between 35 and 45",
                      "amount.mean passed 25 any value until 3 earlier published runs measured it"
                          + " (1 so far)"));
              assertThat(
                  judged.blocking().stream().map(CheckResult::id).toList(),
                  contains("rowCount.relativeRateOfChange"));
              assertThat(judged.judgedAgainst(List.of()), is(judged));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void anUnknownMetricIsRefusedNamingTheOnesItWatches() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Check.anomaly("missingValues(x)", AnomalyStrategy.zScore(3)));
    assertThat(e.getMessage(), containsString("cannot watch the metric missingValues(x)"));
    assertThrows(
        IllegalStateException.class,
        () -> Check.anomaly("rowCount", AnomalyStrategy.zScore(3)).inPercent());
  }

  static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: c-anomaly
      version: 1.0.0
      status: active
      domain: shop
      dataProduct: orders
      schema:
        - name: orders
          quality:
            - type: custom
              engine: datamesh-anomaly
              name: rows_steady
              severity: error
              implementation: "rowCount: relativeRateOfChange(0.5, 2)"
            - type: custom
              engine: datamesh-anomaly
              implementation: "quarantined: zScore(3, 5, 30)"
              unit: percent
              severity: warning
            - type: custom
              engine: datamesh-anomaly
              implementation: "rowCount: sometimes(1)"
          properties:
            - name: id
              logicalType: string
              primaryKey: true
            - name: email
              logicalType: string
              quality:
                - type: custom
                  engine: datamesh-anomaly
                  unit: percent
                  implementation: "nullValues: absoluteChange(2, 2)"
      """;

  @Test
  void aContractDeclaresThemAsCustomRulesOfTheAnomalyEngine() throws Exception {
    DataContract contract = ContractLoader.parse(CONTRACT, "orders.yaml");
    ContractChecks checks = ContractChecks.of(contract.tables().get(0));
    assertThat(
        checks.checks().stream()
            .map(c -> c.id() + " " + c.severity() + " " + c.unit() + " " + c.anomaly())
            .toList(),
        contains(
            "rows_steady ERROR ROWS RelativeRateOfChange[minRatio=0.5, maxRatio=2.0]",
            "quarantined.zScore WARN PERCENT ZScore[maxDeviations=3.0, minHistory=5, window=30]",
            "nullValues(email).absoluteChange ERROR PERCENT AbsoluteChange[maxDecrease=2.0,"
                + " maxIncrease=2.0]"));
    assertThat(
        checks.notEnforced(),
        contains(
            "schema[0].quality[2]: the anomaly strategy sometimes is not known (absoluteChange,"
                + " relativeRateOfChange, zScore)"));
    assertThat(checks.checks().get(0).severity(), is(Severity.ERROR));
    // the anomaly engine is enforced, so the loader has no notice for it
    assertThat(
        contract.notices().stream().filter(n -> n.message().contains("custom")).toList(), is(empty()));
  }
}
