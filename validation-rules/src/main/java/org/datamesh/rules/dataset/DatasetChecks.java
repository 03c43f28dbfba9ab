package org.datamesh.rules.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.publish.WrittenRowsChecks;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.core.quality.FrequentValue;
import org.datamesh.core.quality.HistoryCheck;
import org.datamesh.core.quality.TableQuality;

/**
 * Runs a table's dataset checks over one run's records and returns what they found, one {@link
 * TableQuality}: every metric and each check's result. Give it to a product with {@code
 * ProductSpec.checkedBy}; {@code PublishDataProduct} then writes the quality report and refuses
 * to commit a run in which an ERROR check failed.
 *
 * <pre>{@code
 * ProductSpec orders =
 *     spec.checkedBy(
 *         DatasetChecks.of(
 *             Check.rowCount(Comparison.mustBeGreaterThan(0)),
 *             Check.nullValues("email", Comparison.mustBeLessOrEqualTo(5)).inPercent().asWarning(),
 *             Check.duplicateValues(List.of("email"), Comparison.mustBe(0)),
 *             Check.min("amount", Comparison.mustBeGreaterOrEqualTo(0))));
 * }</pre>
 *
 * <p>Metrics are computed once however many checks read them: the published rows go through
 * one combiner holding every distinct analyzer ({@link AnalyzeRows}), and, when duplicates are
 * checked, through one grouping for every column set checked (none for a set holding the key the
 * rows were deduplicated by, {@link ProductRecords#uniqueKey}: 0 by construction); the
 * quarantined records through one counting step. Besides the checks' own metrics, every run
 * measures {@code rowCount}, {@code input}, {@code quarantined} and {@code deduplicated}.
 *
 * <p>Records {@linkplain ProductRecords#checkedBy checked by} these checks have the combiner
 * folded over each Parquet file by the writer as it writes the rows ({@link WrittenRowsChecks}):
 * no step of its own reads the published rows. Applied as a transform, a {@code Combine} does it.
 */
public final class DatasetChecks
    extends WrittenRowsChecks<AnalyzeRows.States, AnalyzeRows.Analysis> {

  static final String INPUT = "input";
  static final String DEDUPLICATED = "deduplicated";

  private static final KvCoder<String, Double> METRIC_CODER =
      KvCoder.of(StringUtf8Coder.of(), DoubleCoder.of());
  private static final SerializableCoder<AnalyzeRows.Analysis> ANALYSIS_CODER =
      SerializableCoder.of(AnalyzeRows.Analysis.class);

  private final List<Check> checks;

  private DatasetChecks(List<Check> checks) {
    this.checks = List.copyOf(checks);
    Set<String> ids = new LinkedHashSet<>();
    for (Check check : checks) {
      if (!ids.add(check.id())) {
        throw new IllegalArgumentException(
            "two checks have the id " + check.id() + "; tell them apart with withId(...)");
      }
    }
  }

  public static DatasetChecks of(Check... checks) {
    return of(Arrays.asList(checks));
  }

  public static DatasetChecks of(List<Check> checks) {
    return new DatasetChecks(checks);
  }

  /** Returns checks like these with {@code more} added. */
  public DatasetChecks and(Check... more) {
    List<Check> all = new ArrayList<>(checks);
    all.addAll(Arrays.asList(more));
    return new DatasetChecks(all);
  }

  public List<Check> checks() {
    return checks;
  }

  /** Every analyzer the checks need, and the row count every run measures, in one combiner. */
  @Override
  public AnalyzeRows rowMetrics() {
    List<Analyzer<?>> analyzers = new ArrayList<>();
    analyzers.add(new RowCount());
    checks.forEach(check -> analyzers.addAll(check.analyzers()));
    return AnalyzeRows.of(analyzers);
  }

  @Override
  public PCollection<TableQuality> judge(
      ProductRecords table, PCollection<AnalyzeRows.Analysis> analysis) {
    String name = table.tableName();
    PCollection<Row> rows = table.published();
    requireColumns(rows.getSchema());
    Set<List<String>> keys = new LinkedHashSet<>();
    Set<String> invalidFields = new LinkedHashSet<>();
    Map<String, Double> zeros = new LinkedHashMap<>();
    zeros.put(FailureMetrics.QUARANTINED, 0.0);
    zeros.put(DEDUPLICATED, 0.0);
    for (Check check : checks) {
      keys.addAll(check.duplicateKeys());
      invalidFields.addAll(check.invalidFields());
    }
    keys.forEach(key -> zeros.put(KeyDuplicates.metric(key), 0.0));
    invalidFields.forEach(field -> zeros.put(FailureMetrics.invalid(field), 0.0));

    // In windows (a stream), each window is judged on its own records: no default element for a
    // window without any; its metrics default to those of no rows when it is judged.
    boolean global = rows.getWindowingStrategy().getWindowFn() instanceof GlobalWindows;
    AnalyzeRows analyze = rowMetrics();
    zeros.putAll(analyze.extractOutput(analyze.createAccumulator()).metrics());
    List<PCollection<KV<String, Double>>> parts = new ArrayList<>();
    // Rows deduplicated by a key have no two alike in a set of columns holding it: 0, uncounted.
    List<String> unique = table.uniqueKey();
    List<List<String>> counted = new ArrayList<>();
    for (List<String> key : keys) {
      if (unique.isEmpty() || !key.containsAll(unique)) {
        counted.add(key);
      }
    }
    if (!counted.isEmpty()) {
      parts.add(rows.apply("Duplicates", new KeyDuplicates(counted)));
    }
    Map<String, Set<String>> queries = new LinkedHashMap<>();
    for (Check check : checks) {
      if (check.sqlQuery() != null) {
        Set<String> names = queries.computeIfAbsent(check.sqlQuery(), q -> new LinkedHashSet<>());
        names.add(name);
        if (check.sqlTable() != null) {
          names.add(check.sqlTable());
        }
      }
    }
    int query = 0;
    for (Map.Entry<String, Set<String>> sql : queries.entrySet()) {
      parts.add(
          rows.apply("Sql" + (++query), SqlMetric.of(sql.getKey(), List.copyOf(sql.getValue()))));
    }
    parts.add(
        table.failures()
            .apply("FailureMetrics", ParDo.of(new FailureMetrics(new ArrayList<>(invalidFields))))
            .setCoder(METRIC_CODER));
    parts.add(
        table.inputCount()
            .apply(
                "InputMetric",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.doubles()))
                    .via((Long n) -> KV.of(INPUT, n.doubleValue()))));
    parts.add(
        table.duplicates()
            .apply("CountDeduplicated", globally(Count.<Row>combineFn(), global))
            .apply(
                "DeduplicatedMetric",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.doubles()))
                    .via((Long n) -> KV.of(DEDUPLICATED, n.doubleValue()))));
    PCollection<AnalyzeRows.Analysis> summed =
        PCollectionList.of(parts)
            .apply("AllMetrics", Flatten.pCollections())
            .setCoder(METRIC_CODER)
            .apply("SumMetrics", globally(new SumByName(), global))
            .apply(
                "AsAnalysis",
                MapElements.into(TypeDescriptor.of(AnalyzeRows.Analysis.class))
                    .via((Map<String, Double> m) -> new AnalyzeRows.Analysis(m, Map.of())))
            .setCoder(ANALYSIS_CODER);
    // The analyzers' metrics and values join the other parts' sums here, summed by name too.
    return PCollectionList.of(summed)
        .and(analysis)
        .apply("MetricsAndValues", Flatten.pCollections())
        .apply("Together", globally(new SumAnalyses(), global))
        .apply(
            "Judge",
            MapElements.into(TypeDescriptor.of(TableQuality.class))
                .via(new JudgeFn(name, checks, zeros)))
        .setCoder(SerializableCoder.of(TableQuality.class));
  }

  /**
   * {@code fn} over the whole input; in windows (a stream) per window, without a default element
   * for a window without input (Beam has none to give there).
   */
  private static <InputT, OutputT> Combine.Globally<InputT, OutputT> globally(
      CombineFn<InputT, ?, OutputT> fn, boolean global) {
    return global ? Combine.globally(fn) : Combine.globally(fn).withoutDefaults();
  }

  /** Judges a table's metrics and values; what was not measured is what no record gives. */
  private static final class JudgeFn
      implements SerializableFunction<AnalyzeRows.Analysis, TableQuality> {
    private final String table;
    private final List<Check> checks;
    private final Map<String, Double> none;

    JudgeFn(String table, List<Check> checks, Map<String, Double> none) {
      this.table = table;
      this.checks = List.copyOf(checks);
      this.none = new LinkedHashMap<>(none);
    }

    @Override
    public TableQuality apply(AnalyzeRows.Analysis found) {
      Map<String, Double> all = new LinkedHashMap<>(none); // 0 quarantined, 0 rows, ...
      all.putAll(found.metrics());
      return judge(table, checks, all, found.topValues());
    }
  }

  /**
   * Every check's result on {@code metrics}, each check's measured count named as its metric;
   * anomaly checks are handed on unjudged ({@link TableQuality#history()}).
   */
  static TableQuality judge(String table, List<Check> checks, Map<String, Double> metrics) {
    return judge(table, checks, metrics, Map.of());
  }

  /**
   * Every check's result on {@code metrics} and on the columns' most common values {@code top}
   * (from which checks on them derive their metric).
   */
  static TableQuality judge(
      String table,
      List<Check> checks,
      Map<String, Double> metrics,
      Map<String, List<FrequentValue>> top) {
    Map<String, Double> all = new LinkedHashMap<>(metrics);
    for (Check check : checks) {
      if (check.topValuesIn() != null && top.containsKey(check.topValuesIn().column())) {
        all.put(check.metric(), check.topValuesIn().outside(top.get(check.topValuesIn().column())));
      }
    }
    for (Check check : checks) {
      if (!all.containsKey(check.metric())) {
        Double sum = 0.0;
        for (String part : check.counted()) {
          Double value = metrics.get(part);
          sum = value == null || sum == null ? null : sum + value;
        }
        if (sum != null) {
          all.put(check.metric(), sum);
        }
      }
    }
    List<CheckResult> results = new ArrayList<>();
    List<HistoryCheck> history = new ArrayList<>();
    for (Check check : checks) {
      if (check.anomaly() == null) {
        results.add(check.evaluate(table, all));
      } else {
        history.add(check.historyCheck()); // judged by the commit step, which has the history
      }
    }
    return new TableQuality(table, all, results, history, top);
  }

  private void requireColumns(Schema schema) {
    for (Check check : checks) {
      for (List<String> key : check.duplicateKeys()) {
        for (String column : key) {
          if (key.size() > 1 && !schema.hasField(column)) {
            throw new IllegalArgumentException(
                "the check " + check.id() + " compares the columns " + key + " together; "
                    + column + " is not a top-level column (a path is compared on its own)");
          }
        }
      }
      for (String column : check.columns()) {
        if (!ColumnValues.exists(schema, column)) {
          throw new IllegalArgumentException(
              "the check " + check.id() + " reads the column " + column
                  + ", which the published rows do not have (columns: " + schema.getFieldNames()
                  + ")");
        }
      }
      check.analyzers().forEach(analyzer -> analyzer.checkTypes(schema));
    }
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("checks", checks.size()).withLabel("Dataset checks"))
        .add(
            DisplayData.item(
                    "checkIds", String.join(",", checks.stream().map(Check::id).toList()))
                .withLabel("Check ids"));
  }
}
