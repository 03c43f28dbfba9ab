package org.datamesh.rules.dataset;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.quality.TableQuality;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Quantiles (a KLL sketch) and freshness (the newest timestamp against a clock): the analyzers on
 * their own, merged as Beam merges them, in a pipeline with passing and failing checks, and
 * declared in a contract with the {@code datamesh-metric} engine.
 */
@ExtendWith(TestPipelineExtension.class)
class QuantileAndFreshnessChecksTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("amount", DataTypes.decimal(12, 2))
          .addNullableField("at", DataTypes.timestamp())
          .addNullableField("day", DataTypes.date())
          .build();

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** Amounts 1.00 to 1000.00 shuffled; the newest instant 90 minutes before NOW. */
  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      rows.add(
          Row.withSchema(SCHEMA)
              .addValues(
                  BigDecimal.valueOf(i * 100L, 2),
                  NOW.minus(Duration.ofMinutes(90 + i)).plusNanos(i == 1 ? 60_000_000_000L : 0),
                  LocalDate.of(2026, 12, 1))
              .build());
    }
    rows.add(Row.nullRow(SCHEMA));
    java.util.Collections.shuffle(rows, new Random(7));
    return rows;
  }

  @Test
  void quantilesOfAThousandValuesAreWithinTheSketchsRankError() {
    List<Row> rows = rows();
    double error = QuantileSketch.rankError();
    assertThat(error, closeTo(0.013, 0.005));
    for (double q : new double[] {0.0, 0.1, 0.5, 0.95, 1.0}) {
      Map<String, Double> metrics = AnalyzersTest.run(new ApproxQuantile("amount", q), rows);
      double value = metrics.get(ApproxQuantile.metric("amount", q));
      // amount i lies at rank i/1000
      assertThat("q=" + q, value / 1000.0, closeTo(q, error + 0.001));
    }
    assertThat(
        AnalyzersTest.run(new ApproxQuantile("amount", 0.5), List.of(Row.nullRow(SCHEMA))),
        equalTo(Map.of()));
    assertThat(ApproxQuantile.metric("amount", 0.50), equalTo("quantile(amount,0.5)"));
    assertThrows(IllegalArgumentException.class, () -> new ApproxQuantile("amount", 1.5));
  }

  @Test
  void freshnessIsTheAgeOfTheNewestValueWhenMeasured() {
    Map<String, Double> at = AnalyzersTest.run(new Freshness("at", CLOCK), rows());
    // the newest: NOW - 91 min + 60 s = NOW - 90 min
    assertThat(at.get("age(at)"), equalTo(5400.0));
    assertThat(at.get("latest(at)"), equalTo(NOW.minusSeconds(5400).getEpochSecond() + 0.0));
    Map<String, Double> day = AnalyzersTest.run(new Freshness("day", CLOCK), rows());
    assertThat(day.get("age(day)"), equalTo(5 * 86_400.0 + 12 * 3_600.0));
    assertThat(
        AnalyzersTest.run(new Freshness("at", CLOCK), List.of(Row.nullRow(SCHEMA))),
        equalTo(Map.of()));
  }

  @Test
  void checksPassAndFailInAPipeline(TestPipeline pipeline) {
    PCollection<Row> published = pipeline.apply(Create.of(rows()).withRowSchema(SCHEMA));
    ProductRecords records =
        ProductRecords.of(
                pipeline.apply("Input", Create.of(1001L)),
                published,
                pipeline.apply("NoFailures", Create.empty(org.apache.beam.sdk.values.TypeDescriptor.of(Failure.class))),
                pipeline.apply("NoDuplicates", Create.empty(SCHEMA)))
            .named("payments");
    PCollection<TableQuality> quality =
        records.apply(
            DatasetChecks.of(
                Check.quantile("amount", 0.5, Comparison.mustBeBetween(480, 520)),
                Check.quantile("amount", 0.99, Comparison.mustBeLessThan(900)).withId("p99"),
                Check.freshness("at", Duration.ofHours(2), CLOCK),
                Check.freshness("at", Duration.ofHours(1), CLOCK).withId("hourly").asWarning(),
                Check.freshness("day", Duration.ofDays(1), CLOCK)));
    PAssert.that(quality)
        .satisfies(
            found -> {
              List<String> results =
                  found.iterator().next().checks().stream()
                      .map(r -> r.id() + " " + (r.passed() ? "passed" : "failed") + " " + r.unit())
                      .toList();
              assertThat(
                  results,
                  contains(
                      "quantile(amount,0.5) passed ",
                      "p99 failed ",
                      "age(at) passed seconds",
                      "hourly failed seconds",
                      "age(day) failed seconds"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void freshnessNeedsATemporalColumnAndQuantilesANumericOne() {
    Schema text = Schema.builder().addStringField("name").build();
    IllegalArgumentException fresh =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Freshness("name", CLOCK).checkTypes(text));
    assertThat(fresh.getMessage(), containsString("freshness needs a timestamp or date column"));
    IllegalArgumentException quantile =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ApproxQuantile("name", 0.5).checkTypes(text));
    assertThat(quantile.getMessage(), containsString("a quantile needs a numeric column"));
    new ApproxQuantile("n", 0.5)
        .checkTypes(Schema.builder().addField("n", FieldType.INT64).build());
  }

  @Test
  void aContractDeclaresThemWithTheMetricEngine() throws Exception {
    ContractTable table =
        ContractLoader.parse(
                """
                apiVersion: v3.1.0
                kind: DataContract
                id: payments
                name: payments
                version: 1.0.0
                status: active
                schema:
                  - name: payments
                    quality:
                      - type: custom
                        engine: datamesh-metric
                        implementation: "quantile(amount, 0.5) between 10 and 500"
                      - {type: custom, engine: datamesh-metric, implementation: "freshness(at) < 3600"}
                    properties:
                      - name: amount
                        logicalType: number
                        quality:
                          - {type: custom, engine: datamesh-metric, implementation: "quantile(0.95) < 5000"}
                          - {type: custom, engine: datamesh-metric, implementation: "mean >= 1", name: mean_ok, severity: warning}
                          - {type: custom, engine: datamesh-metric, implementation: "median < 3"}
                      - name: at
                        logicalType: timestamp
                        quality:
                          - {type: custom, engine: datamesh-metric, implementation: "freshness <= PT36H"}
                          - {type: custom, engine: datamesh-metric, implementation: "freshness >= PT1H"}
                """,
                "payments.yaml")
            .tables()
            .get(0);

    ContractChecks checks = ContractChecks.of(table);

    assertThat(
        checks.checks().stream().map(c -> c.id() + " " + c.severity() + " " + c.comparison().expectation()).toList(),
        contains(
            "quantile(amount,0.5) ERROR " + Comparison.mustBeBetween(10, 500).expectation(),
            "age(at) ERROR " + Comparison.mustBeLessThan(3600).expectation(),
            "quantile(amount,0.95) ERROR " + Comparison.mustBeLessThan(5000).expectation(),
            "mean_ok WARN " + Comparison.mustBeGreaterOrEqualTo(1).expectation(),
            "age(at).schema[0].properties[1].quality[0] ERROR "
                + Comparison.mustBeLessOrEqualTo(129_600).expectation()));
    assertThat(checks.checks().get(3).severity(), is(Severity.WARN));
    assertThat(checks.notEnforced().size(), is(2));
    assertThat(
        checks.notEnforced().get(0),
        containsString("the metric median is not one of quantile, min, max"));
    assertThat(checks.notEnforced().get(1), containsString("freshness is checked with <= or <"));
  }

  @Test
  void aMetricEntryIsEnforcedWithoutANoticeAndABadDurationIsListedNotThrown() throws Exception {
    org.datamesh.core.contract.DataContract contract =
        ContractLoader.parse(
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: feed
            name: feed
            version: 1.0.0
            status: active
            schema:
              - name: feed
                properties:
                  - name: at
                    logicalType: timestamp
                    quality:
                      - {type: custom, engine: datamesh-metric, implementation: "freshness <= P200000D"}
                      - {type: custom, engine: datamesh-metric, implementation: "freshness <= -PT1H"}
            """,
            "feed.yaml");
    assertThat(
        contract.notices().stream().map(Object::toString).filter(n -> n.contains("not enforced")).toList(),
        equalTo(List.of()));
    ContractChecks checks = ContractChecks.of(contract.tables().get(0));
    assertThat(checks.checks().size(), is(1));
    assertThat(
        checks.checks().get(0).comparison().expectation(),
        equalTo(Comparison.mustBeLessOrEqualTo(200_000 * 86_400.0).expectation()));
    assertThat(checks.notEnforced().size(), is(1));
    assertThat(checks.notEnforced().get(0), containsString("maximum age is not negative"));
  }
}
