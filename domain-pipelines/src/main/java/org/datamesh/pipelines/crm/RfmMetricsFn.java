package org.datamesh.pipelines.crm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * A customer's order history as recency, frequency and monetary value: a row of the first four
 * columns of {@code segments}. Recency is in days from the UTC date of the customer's last order
 * to the reference day, the day after the UTC date of the latest order in the data.
 */
final class RfmMetricsFn extends DoFn<KV<String, OrderHistory>, Row> {

  static final String[] COLUMNS = {"customer_id", "recency_days", "frequency", "monetary"};

  private final Schema schema;
  private final PCollectionView<Long> latestOrder;

  RfmMetricsFn(Schema schema, PCollectionView<Long> latestOrder) {
    this.schema = schema;
    this.latestOrder = latestOrder;
  }

  /** The metrics' schema: {@link #COLUMNS}, typed as in {@code segments}' published schema. */
  static Schema schema(Schema segments) {
    Schema.Builder metrics = Schema.builder();
    for (String column : COLUMNS) {
      metrics.addField(segments.getField(column));
    }
    return metrics.build();
  }

  /** The UTC date of an instant given in epoch milliseconds. */
  static LocalDate utcDate(long millis) {
    return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
  }

  @ProcessElement
  public void process(
      @Element KV<String, OrderHistory> customer, ProcessContext context, OutputReceiver<Row> out) {
    LocalDate reference = utcDate(context.sideInput(latestOrder)).plusDays(1);
    OrderHistory history = customer.getValue();
    long recency = ChronoUnit.DAYS.between(utcDate(history.last().toEpochMilli()), reference);
    out.output(
        Row.withSchema(schema)
            .withFieldValue("customer_id", customer.getKey())
            .withFieldValue("recency_days", Math.toIntExact(recency))
            .withFieldValue("frequency", history.count())
            .withFieldValue("monetary", history.value())
            .build());
  }
}
