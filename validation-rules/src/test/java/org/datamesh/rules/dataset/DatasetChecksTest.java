package org.datamesh.rules.dataset;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.core.quality.TableQuality;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Dataset checks run on a table's records in a pipeline: metrics and results, passing and failing. */
@ExtendWith(TestPipelineExtension.class)
class DatasetChecksTest {

  static Failure failure(String rule, String field) {
    return Failure.builder(Stage.VALIDATE, "shop.orders")
        .setViolations(List.of(Violation.error(rule, field, field + " breaks " + rule)))
        .build();
  }

  /** Five published rows (two sharing a status), two quarantined, one duplicate, 8 read. */
  static ProductRecords records(Pipeline p) {
    PCollection<Row> published =
        p.apply("Published", Create.of(AnalyzersTest.ROWS).withRowSchema(AnalyzersTest.SCHEMA));
    PCollection<Failure> failures =
        p.apply(
            "Failures",
            Create.of(failure("status.allowed_values", "status"), failure("status.not_null", "status")));
    PCollection<Row> duplicates =
        p.apply("Duplicates", Create.of(AnalyzersTest.row("LOST", "40")).withRowSchema(AnalyzersTest.SCHEMA));
    return ProductRecords.of(p.apply("Input", Create.of(8L)), published, failures, duplicates)
        .named("orders");
  }

  static PCollection<TableQuality> run(Pipeline p, Check... checks) {
    return records(p).apply(DatasetChecks.of(checks));
  }

  static SerializableFunction<Iterable<TableQuality>, Void> results(String... expected) {
    return found -> {
      TableQuality quality = found.iterator().next();
      assertThat(quality.checks().stream().map(DatasetChecksTest::brief).toList(), contains(expected));
      return null;
    };
  }

  static String brief(CheckResult r) {
    return r.id() + " " + (r.passed() ? "passed" : "failed") + " "
        + (r.measured() == null ? "-" : CheckResult.format(r.measured())) + " " + r.expectation();
  }

  @Test
  void countsPassAndFailEachInRowsAndPercent(TestPipeline pipeline) {
    PCollection<TableQuality> quality =
        run(
            pipeline,
            Check.rowCount(Comparison.mustBeGreaterThan(4)),
            Check.rowCount(Comparison.mustBeGreaterThan(1000)).withId("volume"),
            Check.nullValues("status", Comparison.mustBe(1)),
            Check.nullValues("status", Comparison.mustBeLessThan(10)).inPercent().withId("nulls%"),
            Check.missingValues("status", null, Comparison.mustBeLessOrEqualTo(1)),
            Check.invalidValues("status", null, null, Comparison.mustBe(0)),
            Check.invalidValues("status", List.of("PLACED", "LOST"), null, Comparison.mustBeBetween(0, 50))
                .inPercent()
                .withId("status.valid%"));
    PAssert.that(quality)
        .satisfies(
            results(
                "rowCount passed 5 > 4",
                "volume failed 5 > 1000",
                "nullValues(status) passed 1 1",
                "nulls% failed 20 < 10",
                "missingValues(status) failed 2 <= 1",
                // the record quarantined by status.allowed_values; not the not-null one
                "invalidValues(status) failed 1 0",
                // 1 quarantined + 2 published ("  ", N/A) of 5 published + 2 quarantined
                "status.valid% passed 42.8571 between 0 and 50"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void duplicatesAreCountedExactlyAndStatisticsCompared(TestPipeline pipeline) {
    PCollection<TableQuality> quality =
        run(
            pipeline,
            Check.duplicateValues(List.of("status"), Comparison.mustBe(0)),
            Check.duplicateValues(List.of("status", "amount"), Comparison.mustBe(0)),
            Check.approxDistinct("amount", Comparison.mustBe(4)),
            Check.min("amount", Comparison.mustBeGreaterOrEqualTo(0)),
            Check.max("amount", Comparison.mustBeLessThan(40)).asWarning(),
            Check.mean("amount", Comparison.mustNotBeBetween(20, 30)),
            Check.sum("amount", Comparison.mustNotBe(0)),
            Check.stddev("amount", Comparison.mustBeLessThan(100)));
    PAssert.that(quality)
        .satisfies(
            results(
                "duplicateValues(status) passed 0 0",
                "duplicateValues(status,amount) passed 0 0",
                "approxDistinct(amount) passed 4 4",
                "min(amount) passed 10 >= 0",
                "max(amount) failed 40 < 40",
                "mean(amount) failed 25 not between 20 and 30",
                "sum(amount) passed 100 not 0",
                "stddev(amount) passed 11.1803 < 100"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aSetHoldingTheKeyTheRowsWereDeduplicatedByHasNoDuplicatesAndIsNotCounted(
      TestPipeline pipeline) {
    PCollection<Row> rows =
        pipeline.apply(
            "Rows",
            Create.of(AnalyzersTest.row("A", "1"), AnalyzersTest.row("A", "2"), AnalyzersTest.row("A", "3"))
                .withRowSchema(AnalyzersTest.SCHEMA));
    ProductRecords records =
        ProductRecords.of(
                pipeline.apply("Read", Create.of(3L)),
                rows,
                pipeline.apply("NoFailures", Create.empty(TypeDescriptor.of(Failure.class))),
                pipeline.apply("NoDuplicates", Create.empty(AnalyzersTest.SCHEMA)))
            .named("orders")
            .withUniqueKey(List.of("amount"));
    PCollection<TableQuality> quality =
        records.apply(
            DatasetChecks.of(
                Check.duplicateValues(List.of("status", "amount"), Comparison.mustBe(0)),
                Check.duplicateValues(List.of("status"), Comparison.mustBe(0))));
    PAssert.that(quality)
        .satisfies(
            results("duplicateValues(status,amount) passed 0 0", "duplicateValues(status) failed 2 0"));
    pipeline.run().waitUntilFinish();
    assertThrows(
        IllegalArgumentException.class,
        () -> records.withUniqueKey(List.of("no_such_column")));
  }

  @Test
  void measuresTheRunsCountsAndNamesTheBlockingChecks(TestPipeline pipeline) {
    PCollection<Row> twice =
        pipeline.apply(
            "Twice",
            Create.of(AnalyzersTest.row("A", "1"), AnalyzersTest.row("A", "2"), AnalyzersTest.row("A", "3"))
                .withRowSchema(AnalyzersTest.SCHEMA));
    ProductRecords records =
        ProductRecords.of(
                pipeline.apply("In", Create.of(3L)),
                twice,
                pipeline.apply("NoFailures", Create.empty(org.apache.beam.sdk.coders.SerializableCoder.of(Failure.class))),
                pipeline.apply("NoDuplicates", Create.empty(twice.getCoder())).setRowSchema(AnalyzersTest.SCHEMA))
            .named("t");
    PCollection<TableQuality> quality =
        records.apply(
            DatasetChecks.of(
                Check.duplicateValues(List.of("status"), Comparison.mustBe(0)),
                Check.rowCount(Comparison.mustBe(3)).asWarning()));
    PAssert.that(quality)
        .satisfies(
            found -> {
              TableQuality q = found.iterator().next();
              assertThat(
                  q.metrics(),
                  is(
                      Map.of(
                          "rowCount", 3.0, "input", 3.0, "quarantined", 0.0, "deduplicated", 0.0,
                          "duplicateValues(status)", 2.0)));
              assertThat(q.blocking().stream().map(CheckResult::describe).toList(),
                  contains("t: check duplicateValues(status) (ERROR) failed: duplicateValues(status)"
                      + " measured 2 rows, must be 0 rows"));
              assertThat(q.score(), is(0.5));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aCheckOnAColumnTheRowsLackIsRefusedWhenBuilt(TestPipeline pipeline) {
    pipeline.enableAbandonedNodeEnforcement(false);
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> run(pipeline, Check.nullValues("email", Comparison.mustBe(0))));
    assertThat(
        e.getMessage().startsWith("the check nullValues(email) reads the column email"), is(true));
  }
}
