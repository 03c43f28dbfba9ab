package org.datamesh.core.parse;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
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
   * Parses {@code input} with {@code fn}.
   *
   * <p>The rows are not redistributed after parsing. Measured on the orders demo (2 cores), a
   * random-key reshuffle here brought embedded Flink nothing (the deduplication's grouping
   * redistributes anyway) and nearly doubled the Direct runner's time, which pays per bundle and
   * gets one bundle per random key. A pipeline that reads one huge file on many workers can add
   * {@code Reshuffle.viaRandomKey()} to {@code rows()} itself.
   */
  static <InputT> StageResult apply(PCollection<InputT> input, RecordParsingFn<InputT> fn) {
    PCollectionTuple parsed =
        input.apply(
            "ParseRecords",
            ParDo.of(fn).withOutputTags(fn.rows, TupleTagList.of(fn.failures)));
    parsed.get(fn.rows).setRowSchema(fn.outputSchema);
    return StageResult.in(parsed, fn.rows, fn.failures);
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
