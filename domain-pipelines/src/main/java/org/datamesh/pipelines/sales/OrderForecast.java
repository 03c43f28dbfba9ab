package org.datamesh.pipelines.sales;

import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.datamesh.pipelines.mesh.ConsumerProduct;
import org.datamesh.pipelines.mesh.ProductInput;

/**
 * The {@code sales/order-forecast} product: daily demand per product forecast for the next 7 days,
 * with a backtest on the final week of history against the naive forecast. Declared by {@code
 * sales-order-forecast.odcs.yaml} beside this class; the logic is {@link ForecastTables}.
 *
 * <pre>{@code
 * OrderForecast product = OrderForecast.create();
 * PCollectionRowTuple tables =
 *     PCollectionRowTuple.of("sales/orders/orders", orders)
 *         .and("sales/orders/order_lines", lines)
 *         .apply(product.transform());
 * tables.get("forecast");   // product_id, day, forecast
 * tables.get("backtest");   // product_id, day, actual, forecast, naive
 * tables.get("accuracy");   // product_id (or ALL), model_mape, naive_mape
 * }</pre>
 *
 * <p>Demand is built by {@link DailyDemand}; each product's series is forecast by {@link
 * DemandModel} (additive {@link HoltWinters} with a weekly season, parameters by grid search) and
 * compared with the {@link NaiveForecast} by {@link Mape}.
 */
public final class OrderForecast implements ConsumerProduct {

  /** Where the contract is, on the class path. */
  public static final String CONTRACT_RESOURCE =
      "org/datamesh/pipelines/sales/sales-order-forecast.odcs.yaml";

  public static final String FORECAST = "forecast";
  public static final String BACKTEST = "backtest";
  public static final String ACCURACY = "accuracy";

  public static final ProductInput ORDERS = ProductInput.of("sales", "orders", "orders");
  public static final ProductInput LINES = ProductInput.of("sales", "orders", "order_lines");

  private static final DataContract CONTRACT = load();

  private OrderForecast() {}

  public static OrderForecast create() {
    return new OrderForecast();
  }

  @Override
  public DataContract contract() {
    return CONTRACT;
  }

  @Override
  public List<ProductInput> inputs() {
    return List.of(ORDERS, LINES);
  }

  @Override
  public PTransform<PCollectionRowTuple, PCollectionRowTuple> transform() {
    return ForecastTables.of(CONTRACT);
  }

  private static DataContract load() {
    try {
      return ContractLoader.fromClasspath(CONTRACT_RESOURCE);
    } catch (ContractException e) {
      throw new IllegalStateException(
          "the order-forecast contract is broken: " + e.getMessage(), e);
    }
  }
}
