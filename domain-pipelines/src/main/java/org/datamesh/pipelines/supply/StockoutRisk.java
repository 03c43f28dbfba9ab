package org.datamesh.pipelines.supply;

import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.datamesh.pipelines.mesh.ConsumerProduct;
import org.datamesh.pipelines.mesh.ProductInput;

/**
 * The {@code supply/stockout-risk} product: per warehouse and product, the days the stock and this
 * week's inbound shipments cover the forecast demand, and a risk level raised by late lanes and
 * severe weather. Declared by {@code supply-stockout-risk.odcs.yaml} beside this class; the logic
 * is {@link StockoutTables}, the rule {@link RiskRule}.
 *
 * <pre>{@code
 * PCollectionRowTuple inputs =
 *     PCollectionRowTuple.of("supply/inventory/inventory", inventory)
 *         .and("sales/order-forecast/forecast", forecast)
 *         .and("supply/shipments/shipments", shipments)
 *         .and("supply/weather/weather", weather);
 * PCollection<Row> risk = inputs.apply(StockoutRisk.create().transform()).get("stockout_risk");
 * }</pre>
 *
 * <p>For each inventory row, with the week being the 7 days after its {@code snapshot_date}:
 *
 * <ul>
 *   <li>{@code daily_demand}: the product's forecast over the week / 7, times the warehouse's share
 *       of the product's delivered shipment quantity (equal shares among the warehouses stocking it
 *       when nothing was delivered);
 *   <li>{@code lane_delay_days}: the mean over the lanes serving the warehouse of each lane's mean
 *       {@code max(0, delivered_date - expected_date)};
 *   <li>{@code inbound}: in-transit quantity whose {@code expected_date} plus its lane's delay
 *       (rounded up) falls within the week;
 *   <li>{@code severe_weather_days}: forecast severe days in the warehouse's region in the week;
 *   <li>{@code days_of_cover} and {@code risk}: see {@link RiskRule}.
 * </ul>
 */
public final class StockoutRisk implements ConsumerProduct {

  /** Where the contract is, on the class path. */
  public static final String CONTRACT_RESOURCE =
      "org/datamesh/pipelines/supply/supply-stockout-risk.odcs.yaml";

  public static final String TABLE = "stockout_risk";

  public static final ProductInput INVENTORY = ProductInput.of("supply", "inventory", "inventory");
  public static final ProductInput FORECAST =
      ProductInput.of("sales", "order-forecast", "forecast");
  public static final ProductInput SHIPMENTS = ProductInput.of("supply", "shipments", "shipments");
  public static final ProductInput WEATHER = ProductInput.of("supply", "weather", "weather");

  private static final DataContract CONTRACT = load();

  private StockoutRisk() {}

  public static StockoutRisk create() {
    return new StockoutRisk();
  }

  @Override
  public DataContract contract() {
    return CONTRACT;
  }

  @Override
  public List<ProductInput> inputs() {
    return List.of(INVENTORY, FORECAST, SHIPMENTS, WEATHER);
  }

  @Override
  public PTransform<PCollectionRowTuple, PCollectionRowTuple> transform() {
    return StockoutTables.of(CONTRACT.table(TABLE).publishedSchema());
  }

  private static DataContract load() {
    try {
      return ContractLoader.fromClasspath(CONTRACT_RESOURCE);
    } catch (ContractException e) {
      throw new IllegalStateException("the stockout-risk contract is broken: " + e.getMessage(), e);
    }
  }
}
