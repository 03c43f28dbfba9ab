package org.datamesh.pipelines.crm;

import java.math.BigDecimal;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/** A customer's RFM metrics scored against the quintile cut points, with its segment. */
final class RfmScoreFn extends DoFn<Row, Row> {

  private final Schema schema;
  private final PCollectionView<List<BigDecimal>> recencyCuts;
  private final PCollectionView<List<BigDecimal>> frequencyCuts;
  private final PCollectionView<List<BigDecimal>> monetaryCuts;

  RfmScoreFn(
      Schema schema,
      PCollectionView<List<BigDecimal>> recencyCuts,
      PCollectionView<List<BigDecimal>> frequencyCuts,
      PCollectionView<List<BigDecimal>> monetaryCuts) {
    this.schema = schema;
    this.recencyCuts = recencyCuts;
    this.frequencyCuts = frequencyCuts;
    this.monetaryCuts = monetaryCuts;
  }

  @ProcessElement
  public void process(@Element Row metrics, ProcessContext context, OutputReceiver<Row> out) {
    int recency = metrics.getInt32("recency_days");
    long frequency = metrics.getInt64("frequency");
    BigDecimal monetary = metrics.getDecimal("monetary");
    int r = QuintileCuts.score(context.sideInput(recencyCuts), BigDecimal.valueOf(-(long) recency));
    int f = QuintileCuts.score(context.sideInput(frequencyCuts), BigDecimal.valueOf(frequency));
    int m = QuintileCuts.score(context.sideInput(monetaryCuts), monetary);
    out.output(
        Row.withSchema(schema)
            .withFieldValue("customer_id", metrics.getString("customer_id"))
            .withFieldValue("recency_days", recency)
            .withFieldValue("frequency", frequency)
            .withFieldValue("monetary", monetary)
            .withFieldValue("r_score", r)
            .withFieldValue("f_score", f)
            .withFieldValue("m_score", m)
            .withFieldValue("rfm", "" + r + f + m)
            .withFieldValue("segment", RfmSegment.of(r, f, m))
            .build());
  }
}
