package org.datamesh.rules.dataset;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.quality.FrequentValue;
import org.datamesh.core.quality.TableQuality;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A column's most common values (a frequent-items sketch): exact counts for few distinct values,
 * bounded under-counts for many, the checks on them in a pipeline, and in a contract.
 */
@ExtendWith(TestPipelineExtension.class)
class TopValuesChecksTest {

  private static final Schema SCHEMA =
      Schema.builder().addNullableStringField("status").addNullableInt64Field("code").build();

  /** 600 shipped, 300 pending, 90 cancelled, 10 error, 5 nulls; codes 1..1005 all distinct. */
  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    long code = 0;
    for (Object[] group :
        new Object[][] {{"shipped", 600}, {"pending", 300}, {"cancelled", 90}, {"error", 10}, {null, 5}}) {
      for (int i = 0; i < (int) group[1]; i++) {
        rows.add(Row.withSchema(SCHEMA).addValues(group[0], ++code).build());
      }
    }
    Collections.shuffle(rows, new Random(3));
    return rows;
  }

  private static <S extends java.io.Serializable> Map<String, List<FrequentValue>> top(
      Analyzer<S> analyzer, List<Row> rows) {
    return analyzer.topValues(AnalyzersTest.merged(analyzer, rows));
  }

  @Test
  void fewDistinctValuesAreCountedExactlyMostCommonFirst() {
    TopValues status = new TopValues("status", 3);
    assertThat(
        top(status, rows()).get("status"),
        contains(
            new FrequentValue("shipped", 600, 0),
            new FrequentValue("pending", 300, 0),
            new FrequentValue("cancelled", 90, 0)));
    assertThat(AnalyzersTest.run(status, rows()), is(Map.of("mostCommon(status)", 600.0)));
    // numbers compared as their text; a column of nulls has no common value: 0 rows
    assertThat(top(new TopValues("code", 1), rows()).get("code").get(0).count(), is(1L));
    assertThat(
        AnalyzersTest.run(status, List.of(Row.nullRow(SCHEMA))),
        is(Map.of("mostCommon(status)", 0.0)));
    assertThrows(IllegalArgumentException.class, () -> new TopValues("status", 0));
  }

  @Test
  void manyDistinctValuesUnderCountWithinTheSketchsErrorAndSurviveACoder() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (long i = 0; i < 50_000; i++) {
      rows.add(Row.withSchema(SCHEMA).addValues(i % 5 == 0 ? "hot" : "v" + i, i).build());
    }
    Collections.shuffle(rows, new Random(5));
    TopValues status = new TopValues("status", 1);
    FrequentItems first = status.create();
    FrequentItems second = status.create();
    for (int i = 0; i < rows.size(); i++) {
      status.add(i < 20_000 ? first : second, rows.get(i));
    }
    // as Beam moves an accumulator between workers
    SerializableCoder<FrequentItems> coder = SerializableCoder.of(FrequentItems.class);
    FrequentItems moved = CoderUtils.clone(coder, second);
    FrequentValue hot = status.topValues(status.merge(first, moved)).get("status").get(0);
    assertThat(hot.value(), is("hot"));
    assertThat(hot.maxError(), greaterThan(0L));
    assertThat(hot.count(), lessThanOrEqualTo(10_000L));
    assertThat(hot.count(), greaterThanOrEqualTo(10_000L - hot.maxError()));
    // the error is a small share of the rows
    assertThat(hot.maxError(), lessThanOrEqualTo(50_000L / 100));
  }

  @Test
  void checksOnTheMostCommonValuesPassAndFailInAPipeline(TestPipeline pipeline) {
    PCollection<Row> published = pipeline.apply(Create.of(rows()).withRowSchema(SCHEMA));
    ProductRecords records =
        ProductRecords.of(
                pipeline.apply("Input", Create.of(1005L)),
                published,
                pipeline.apply("NoFailures", Create.empty(TypeDescriptor.of(Failure.class))),
                pipeline.apply("NoDuplicates", Create.empty(SCHEMA)))
            .named("orders");
    PCollection<TableQuality> quality =
        records.apply(
            DatasetChecks.of(
                Check.mostCommonValue("status", Comparison.mustBeLessOrEqualTo(50))
                    .inPercent()
                    .withId("no_dominant_status"),
                Check.topValuesIn("status", 3, List.of("shipped", "pending", "cancelled")),
                Check.topValuesIn("status", 4, List.of("shipped", "pending", "cancelled"))
                    .withId("top4")));
    PAssert.thatSingleton(quality)
        .satisfies(
            found -> {
              assertThat(
                  found.checks().stream()
                      .map(r -> r.id() + " " + r.passed() + " " + String.format("%.2f", r.measured()))
                      .toList(),
                  contains(
                      "no_dominant_status false 59.70", // 600 of 1005 published rows
                      "topValuesOutside(status,3,[\"cancelled\",\"pending\",\"shipped\"]) true 0.00",
                      "top4 false 1.00")); // error is 4th
              // the report lists ten values: all four, most common first
              assertThat(
                  found.topValues().get("status").stream().map(FrequentValue::value).toList(),
                  contains("shipped", "pending", "cancelled", "error"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void allowedValuesAreBareOrQuotedWithCommasAndQuotesInside() {
    assertThat(
        ContractMetrics.values(" shipped , 'Smith, Jr' ,\"it's\", 'a''b', '' "),
        contains("shipped", "Smith, Jr", "it's", "a'b", ""));
    assertThat(ContractMetrics.values("a,,b"), contains("a", "b"));
    for (String broken : new String[] {"'open", "'a' b", "it's"}) {
      assertThrows(
          IllegalArgumentException.class, () -> ContractMetrics.values(broken), broken);
    }
  }

  @Test
  void aContractDeclaresThemWithTheMetricEngine() throws Exception {
    ContractTable table =
        ContractLoader.parse(
                """
                apiVersion: v3.1.0
                kind: DataContract
                id: orders
                name: orders
                version: 1.0.0
                status: active
                schema:
                  - name: orders
                    quality:
                      - {type: custom, engine: datamesh-metric, implementation: "topValues(status, 2) in ('shipped', \\"pending\\")"}
                    properties:
                      - name: status
                        logicalType: string
                        quality:
                          - {type: custom, engine: datamesh-metric, implementation: "mostCommon <= 70", unit: percent, name: spread}
                          - {type: custom, engine: datamesh-metric, implementation: "topValues(3) in [shipped, pending, cancelled]", severity: warning}
                          - {type: custom, engine: datamesh-metric, implementation: "topValues in (a)"}
                          - {type: custom, engine: datamesh-metric, implementation: "topValues(2) in (a, b]"}
                          - {type: custom, engine: datamesh-metric, implementation: "mean <= 3", unit: percent}
                """,
                "orders.yaml")
            .tables()
            .get(0);

    ContractChecks checks = ContractChecks.of(table);

    assertThat(
        checks.checks().stream()
            .map(c -> c.id() + " " + c.severity() + " " + c.unit().text() + " " + c.comparison().expectation())
            .toList(),
        contains(
            "topValuesOutside(status,2,[\"pending\",\"shipped\"]) ERROR  " + Comparison.mustBe(0).expectation(),
            "spread ERROR percent " + Comparison.mustBeLessOrEqualTo(70).expectation(),
            "topValuesOutside(status,3,[\"cancelled\",\"pending\",\"shipped\"]) WARN  "
                + Comparison.mustBe(0).expectation()));
    assertThat(checks.notEnforced().size(), is(3));
    assertThat(
        checks.notEnforced().get(0), containsString("topValues needs how many values"));
    assertThat(
        checks.notEnforced().get(1), containsString("implementation reads <metric> <op> <value>"));
    assertThat(
        checks.notEnforced().get(2), containsString("only mostCommon is measured in percent"));
  }
}
