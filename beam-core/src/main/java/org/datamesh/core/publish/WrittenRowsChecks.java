package org.datamesh.core.publish;

import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.quality.TableQuality;

/**
 * Dataset checks whose metrics of the published rows can be computed by the Parquet writer as it
 * writes them. Given to records with {@link ProductRecords#checkedBy}, {@link PublishDataProduct}
 * folds {@link #rowMetrics()} over each file's rows while writing it, keeps the accumulator in the
 * file's footer, merges the files' accumulators and hands the result to {@link #judge}. Applied as
 * a transform (a stream's windows, a test), the rows are folded by a {@code Combine} instead:
 * the same metrics either way.
 *
 * <pre>{@code
 * ProductRecords checked = records.checkedBy("DatasetChecks", DatasetChecks.of(checks));
 * checked.apply(PublishDataProduct.of(product).to("/data/products"));
 * }</pre>
 *
 * <p>Why: a step of its own reading the published rows gives them a second consumer, and a runner
 * such as Flink then encodes and decodes every published row once more for it.
 *
 * @param <AccumT> the row metrics' accumulator, with a coder ({@code getAccumulatorCoder})
 * @param <OutputT> the row metrics, with a coder ({@code getDefaultOutputCoder})
 */
public abstract class WrittenRowsChecks<AccumT, OutputT>
    extends PTransform<ProductRecords, PCollection<TableQuality>> {

  /** The metrics of the published rows the checks need, as one combiner. */
  public abstract CombineFn<Row, AccumT, OutputT> rowMetrics();

  /**
   * What the checks find in {@code table}, {@code measured} holding {@link #rowMetrics()} of its
   * published rows (one element; per window on a stream): a single {@link TableQuality}.
   */
  public abstract PCollection<TableQuality> judge(
      ProductRecords table, PCollection<OutputT> measured);

  @Override
  public PCollection<TableQuality> expand(ProductRecords table) {
    PCollection<Row> rows = table.published();
    Combine.Globally<Row, OutputT> measure = Combine.globally(rowMetrics());
    // In windows (a stream) each window is measured on its own, with no element for a window
    // without rows: Beam has no default to give there.
    boolean global = rows.getWindowingStrategy().getWindowFn() instanceof GlobalWindows;
    return judge(table, rows.apply("Analyze", global ? measure : measure.withoutDefaults()));
  }

  /** {@link #rowMetrics()} as the Parquet writer folds it over each file of {@code rows}. */
  FooterFold<AccumT, OutputT> footerFold(PCollection<Row> rows) {
    return FooterFold.of(rowMetrics(), rows.getPipeline().getCoderRegistry(), rows.getCoder());
  }

  /**
   * What the checks find in {@code table}, the row metrics merged from the footers of {@code
   * dataFiles}, written from {@code rows} with {@link #footerFold}; steps named from {@code prefix}.
   */
  PCollection<TableQuality> judgeFooters(
      ProductRecords table, PCollection<String> dataFiles, PCollection<Row> rows, String prefix) {
    return dataFiles
        .apply(prefix + "WrittenRowMetrics", footerFold(rows).merged())
        .apply(
            prefix + "DatasetChecks",
            new PTransform<PCollection<OutputT>, PCollection<TableQuality>>() {
              @Override
              public PCollection<TableQuality> expand(PCollection<OutputT> measured) {
                return judge(table, measured);
              }
            });
  }
}
