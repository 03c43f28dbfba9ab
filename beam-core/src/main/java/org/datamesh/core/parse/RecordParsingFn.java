package org.datamesh.core.parse;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.datamesh.core.failure.Failure;

/** What every parsing step shares: its outputs and the counters a run's summary reads. */
abstract class RecordParsingFn<InputT> extends DoFn<InputT, Row> {

  static final String METRICS_NAMESPACE = "datamesh.parse";

  private final Schema schema;
  private final String product;
  private final TupleTag<Row> rows;
  private final TupleTag<Failure> failures;
  private final Counter parsed = Metrics.counter(METRICS_NAMESPACE, "rows");
  private final Counter failed = Metrics.counter(METRICS_NAMESPACE, "failures");

  RecordParsingFn(Schema schema, String product, TupleTag<Row> rows, TupleTag<Failure> failures) {
    this.schema = schema;
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
    if (outcome.row() != null) {
      parsed.inc();
      out.get(rows).output(outcome.row());
    } else {
      failed.inc();
      out.get(failures).output(outcome.failure());
    }
  }
}
