package org.datamesh.core.parse;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourceField;

/**
 * What every parsing step shares: its two outputs, the row schema (with the {@link SourceField}
 * when asked for), the counters a run's summary reads, and how the step is applied.
 */
abstract class RecordParsingFn<InputT> extends DoFn<InputT, Row> {

  static final String METRICS_NAMESPACE = "datamesh.parse";

  private final Schema schema;
  private final Schema outputSchema;
  private final boolean withSourcePositions;
  private final String product;
  private final TupleTag<Row> rows = new TupleTag<>() {};
  private final TupleTag<Failure> failures = new TupleTag<>() {};
  private final Counter parsed = Metrics.counter(METRICS_NAMESPACE, "rows");
  private final Counter failed = Metrics.counter(METRICS_NAMESPACE, "failures");

  RecordParsingFn(Schema schema, boolean withSourcePositions, String product) {
    this.schema = schema;
    this.withSourcePositions = withSourcePositions;
    this.outputSchema = withSourcePositions ? SourceField.addTo(schema) : schema;
    this.product = product;
  }

  /**
   * Parses {@code input} with {@code fn}, then spreads the rows over the workers: an input is read
   * by one worker, and later stages should not be stuck with that.
   */
  static <InputT> StageResult apply(PCollection<InputT> input, RecordParsingFn<InputT> fn) {
    PCollectionTuple parsed =
        input.apply(
            "ParseRecords",
            ParDo.of(fn).withOutputTags(fn.rows, TupleTagList.of(fn.failures)));
    PCollection<Row> spread =
        parsed
            .get(fn.rows)
            .setRowSchema(fn.outputSchema)
            .apply("Redistribute", Reshuffle.viaRandomKey())
            .setRowSchema(fn.outputSchema);
    return StageResult.in(
        PCollectionTuple.of(fn.rows, spread).and(fn.failures, parsed.get(fn.failures)),
        fn.rows,
        fn.failures);
  }

  Schema schema() {
    return schema;
  }

  String product() {
    return product;
  }

  void emit(ParseOutcome outcome, MultiOutputReceiver out) {
    if (outcome.values() != null) {
      parsed.inc();
      Row.Builder row = Row.withSchema(outputSchema).addValues(outcome.values());
      if (withSourcePositions) {
        row.addValue(SourceField.valueOf(outcome.position()));
      }
      out.get(rows).output(row.build());
    } else {
      failed.inc();
      out.get(failures).output(outcome.failure());
    }
  }
}
