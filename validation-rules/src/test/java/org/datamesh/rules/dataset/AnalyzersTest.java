package org.datamesh.rules.dataset;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** Each analyzer on valid and offending values, and merged from partial states as Beam does. */
class AnalyzersTest {

  static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("status", FieldType.STRING)
          .addNullableField("amount", FieldType.DECIMAL)
          .build();

  static Row row(String status, String amount) {
    return Row.withSchema(SCHEMA)
        .addValues(status, amount == null ? null : new BigDecimal(amount))
        .build();
  }

  static final List<Row> ROWS =
      List.of(
          row("PLACED", "10"),
          row(null, "20"),
          row("  ", null),
          row("N/A", "30"),
          row("LOST", "40"));

  /** Runs {@code analyzer} over the rows in two partial states, then merges them. */
  static <S extends Serializable> Map<String, Double> run(Analyzer<S> analyzer, List<Row> rows) {
    return analyzer.metrics(merged(analyzer, rows));
  }

  /** {@code rows} added to two states in turn, then merged into a third, as Beam may. */
  static <S extends Serializable> S merged(Analyzer<S> analyzer, List<Row> rows) {
    S first = analyzer.create();
    S second = analyzer.create();
    for (int i = 0; i < rows.size(); i++) {
      if (i % 2 == 0) {
        first = analyzer.add(first, rows.get(i));
      } else {
        second = analyzer.add(second, rows.get(i));
      }
    }
    return analyzer.merge(analyzer.create(), analyzer.merge(first, second));
  }

  @Test
  void countsRowsNullsAndMissingValues() {
    assertThat(run(new RowCount(), ROWS), is(Map.of("rowCount", 5.0)));
    assertThat(run(ValueCount.nulls("status"), ROWS), is(Map.of("nullValues(status)", 1.0)));
    assertThat(
        run(ValueCount.missing("status", null), ROWS), is(Map.of("missingValues(status)", 2.0)));
    assertThat(
        run(ValueCount.missing("status", Arrays.asList("N/A", null)), ROWS),
        is(Map.of("missingValues(status)[N/A]", 2.0)));
  }

  @Test
  void countsPublishedValuesOutsideTheValidValuesOrPattern() {
    assertThat(
        run(ValueCount.invalid("status", List.of("PLACED", "N/A"), null), ROWS).values(),
        org.hamcrest.Matchers.contains(2.0)); // "  " and LOST; null is not invalid
    assertThat(
        run(ValueCount.invalid("status", null, "[A-Z]+"), ROWS).values(),
        org.hamcrest.Matchers.contains(2.0)); // "  " and N/A
  }

  @Test
  void computesStatisticsOfNonNullNumbersAcrossMergedStates() {
    Map<String, Double> stats = run(new Statistics("amount"), ROWS);
    assertThat(stats.get("min(amount)"), is(10.0));
    assertThat(stats.get("max(amount)"), is(40.0));
    assertThat(stats.get("mean(amount)"), is(25.0));
    assertThat(stats.get("sum(amount)"), is(100.0));
    assertThat(stats.get("stddev(amount)"), closeTo(Math.sqrt(125), 1e-9));
  }

  @Test
  void aColumnWithoutValuesHasNoStatistics() {
    assertThat(run(new Statistics("amount"), List.of(row("A", null))), aMapWithSize(0));
  }

  @Test
  void estimatesDistinctValuesClosely() {
    assertThat(run(new DistinctCount("status"), ROWS), is(Map.of("approxDistinct(status)", 4.0)));
    List<Row> many = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      many.add(row("customer-" + (i % 20_000), "1"));
    }
    double estimate = run(new DistinctCount("status"), many).get("approxDistinct(status)");
    assertThat(estimate, closeTo(20_000, 20_000 * 0.05));
  }

  @Test
  void oneCombinerRunsEqualAnalyzersOnce() {
    AnalyzeRows combine =
        AnalyzeRows.of(
            List.of(new RowCount(), ValueCount.nulls("status"), new RowCount(), new Statistics("amount"), new Statistics("amount")));
    assertThat(combine.analyzers().size(), is(3));
    AnalyzeRows.States a = combine.createAccumulator();
    AnalyzeRows.States b = combine.createAccumulator();
    combine.addInput(a, ROWS.get(0));
    combine.addInput(b, ROWS.get(1));
    combine.addInput(b, ROWS.get(2));
    Map<String, Double> metrics =
        combine.extractOutput(combine.mergeAccumulators(List.of(a, b))).metrics();
    assertThat(metrics.get("rowCount"), is(3.0));
    assertThat(metrics.get("nullValues(status)"), is(1.0));
    assertThat(metrics.get("max(amount)"), is(20.0));
  }
}
