package org.datamesh.core.parse;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourceField;

/** What every parsing step shares: its outputs and the counters a run's summary reads. */
abstract class RecordParsingFn<InputT> extends DoFn<InputT, Row> {

  static final String METRICS_NAMESPACE = "datamesh.parse";

  private final Schema schema;
  private final Schema outputSchema;
  private final boolean withSourcePositions;
  private final String product;
  private final TupleTag<Row> rows;
  private final TupleTag<Failure> failures;
  private final Counter parsed = Metrics.counter(METRICS_NAMESPACE, "rows");
  private final Counter failed = Metrics.counter(METRICS_NAMESPACE, "failures");

  RecordParsingFn(
      Schema schema,
      boolean withSourcePositions,
      String product,
      TupleTag<Row> rows,
      TupleTag<Failure> failures) {
    this.schema = schema;
    this.withSourcePositions = withSourcePositions;
    this.outputSchema = withSourcePositions ? SourceField.addTo(schema) : schema;
    this.product = product;
    this.rows = rows;
    this.failures = failures;
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
