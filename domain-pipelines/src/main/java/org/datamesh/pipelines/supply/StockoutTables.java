package org.datamesh.pipelines.supply;

import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The stock-out risk's logic: inventory, forecast, shipments and weather in, the {@code
 * stockout_risk} table out. Each inventory row meets its own shipments (joined on warehouse and
 * product) and, as side inputs, the per-product, per-lane and per-region facts of {@link
 * RiskInputs}; {@link AssessRisk} computes its row.
 *
 * <pre>{@code
 * PCollection<Row> risk =
 *     inputs.apply(StockoutTables.of(schema)).get("stockout_risk");
 * }</pre>
 */
public final class StockoutTables extends PTransform<PCollectionRowTuple, PCollectionRowTuple> {

  private final Schema schema;

  private StockoutTables(Schema schema) {
    this.schema = schema;
  }

  /** Rows of {@code schema}, the contract table's published schema. */
  public static StockoutTables of(Schema schema) {
    return new StockoutTables(schema);
  }

  @Override
  public PCollectionRowTuple expand(PCollectionRowTuple inputs) {
    PCollection<Row> inventory = inputs.get(StockoutRisk.INVENTORY.tag());
    PCollection<Row> shipments = inputs.get(StockoutRisk.SHIPMENTS.tag());
    PCollectionView<Map<String, Double>> demand =
        RiskInputs.dailyForecast(inputs.get(StockoutRisk.FORECAST.tag()));
    PCollectionView<Map<String, Long>> delivered = RiskInputs.deliveredByProduct(shipments);
    PCollectionView<Map<String, Long>> stocking = RiskInputs.stockingWarehouses(inventory);
    PCollectionView<Map<String, Double>> lanes = RiskInputs.laneDelays(shipments);
    PCollectionView<Map<String, Iterable<String>>> warehouseLanes =
        RiskInputs.warehouseLanes(shipments);
    PCollectionView<Map<String, Iterable<Long>>> severe =
        RiskInputs.severeDays(inputs.get(StockoutRisk.WEATHER.tag()));

    TupleTag<Row> stock = new TupleTag<>();
    TupleTag<Row> shipped = new TupleTag<>();
    AssessRisk assess =
        new AssessRisk(
            schema, stock, shipped, demand, delivered, stocking, lanes, warehouseLanes, severe);
    PCollection<Row> risk =
        KeyedPCollectionTuple.of(stock, byPair("InventoryByPair", inventory))
            .and(shipped, byPair("ShipmentsByPair", shipments))
            .apply("JoinShipments", CoGroupByKey.create())
            .apply(
                "AssessRisk",
                ParDo.of(assess)
                    .withSideInputs(demand, delivered, stocking, lanes, warehouseLanes, severe))
            .setRowSchema(schema);
    return PCollectionRowTuple.of(StockoutRisk.TABLE, risk);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("horizonDays", RiskRule.WEEK).withLabel("Horizon (days)"))
        .add(DisplayData.item("maxCover", RiskRule.MAX_COVER).withLabel("Days of cover cap"));
  }

  private static PCollection<KV<KV<String, String>, Row>> byPair(
      String name, PCollection<Row> rows) {
    return rows.apply(
            name,
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()),
                        TypeDescriptor.of(Row.class)))
                .via(r -> KV.of(KV.of(r.getString("warehouse_id"), r.getString("product_id")), r)))
        .setCoder(
            KvCoder.of(
                KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()),
                RowCoder.of(rows.getSchema())));
  }
}
