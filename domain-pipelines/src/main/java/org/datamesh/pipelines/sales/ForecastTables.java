package org.datamesh.pipelines.sales;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTagList;
import org.datamesh.core.contract.DataContract;
import org.datamesh.pipelines.sales.FitForecasts.BacktestErrors;

/**
 * The order forecast's logic: published orders and order lines in, the {@code forecast}, {@code
 * backtest} and {@code accuracy} tables out, each with its contract table's published schema.
 *
 * <pre>{@code
 * PCollectionRowTuple tables =
 *     PCollectionRowTuple.of("sales/orders/orders", orders)
 *         .and("sales/orders/order_lines", lines)
 *         .apply(ForecastTables.of(OrderForecast.create().contract()));
 * }</pre>
 *
 * <p>The pooled {@code ALL} accuracy row sums the products' errors in product order, so its
 * floating-point value does not depend on the order a runner delivers them in.
 */
public final class ForecastTables extends PTransform<PCollectionRowTuple, PCollectionRowTuple> {

  /** The accuracy row that pools every product. */
  public static final String ALL = "ALL";

  private final DataContract contract;

  private ForecastTables(DataContract contract) {
    this.contract = contract;
  }

  /**
   * The tables of {@code contract}, which declares {@code forecast}, {@code backtest}, {@code
   * accuracy}.
   */
  public static ForecastTables of(DataContract contract) {
    return new ForecastTables(contract);
  }

  @Override
  public PCollectionRowTuple expand(PCollectionRowTuple inputs) {
    Schema forecast = contract.table(OrderForecast.FORECAST).publishedSchema();
    Schema backtest = contract.table(OrderForecast.BACKTEST).publishedSchema();
    Schema accuracy = contract.table(OrderForecast.ACCURACY).publishedSchema();
    PCollection<DemandSeries> demand =
        inputs
            .get(OrderForecast.LINES.tag())
            .apply("DailyDemand", DailyDemand.of(inputs.get(OrderForecast.ORDERS.tag())));
    PCollectionTuple fitted =
        demand.apply(
            "Fit",
            ParDo.of(new FitForecasts(forecast, backtest, accuracy))
                .withOutputTags(
                    FitForecasts.FORECAST,
                    TupleTagList.of(FitForecasts.BACKTEST)
                        .and(FitForecasts.ACCURACY)
                        .and(FitForecasts.ERRORS)));
    PCollection<Row> pooled =
        fitted
            .get(FitForecasts.ERRORS)
            .setCoder(SerializableCoder.of(BacktestErrors.class))
            .apply("KeyAll", WithKeys.of(ALL))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(BacktestErrors.class)))
            .apply("GatherAll", GroupByKey.create())
            .apply("PoolAll", ParDo.of(new PoolFn(accuracy)))
            .setRowSchema(accuracy);
    PCollection<Row> perProduct = fitted.get(FitForecasts.ACCURACY).setRowSchema(accuracy);
    return PCollectionRowTuple.of(
            OrderForecast.FORECAST, fitted.get(FitForecasts.FORECAST).setRowSchema(forecast))
        .and(OrderForecast.BACKTEST, fitted.get(FitForecasts.BACKTEST).setRowSchema(backtest))
        .and(
            OrderForecast.ACCURACY,
            PCollectionList.of(perProduct)
                .and(pooled)
                .apply("Accuracy", Flatten.pCollections())
                .setRowSchema(accuracy));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("product", contract.product().toString()).withLabel("Product"))
        .add(DisplayData.item("horizonDays", DemandModel.HORIZON).withLabel("Horizon (days)"))
        .add(DisplayData.item("model", "Holt-Winters, additive, weekly season").withLabel("Model"));
  }

  /** The ALL row: every product's backtest errors pooled, summed in product order. */
  private static final class PoolFn extends DoFn<KV<String, Iterable<BacktestErrors>>, Row> {
    private final Schema schema;

    PoolFn(Schema schema) {
      this.schema = schema;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<BacktestErrors>> all, OutputReceiver<Row> out) {
      List<BacktestErrors> errors = new ArrayList<>();
      all.getValue().forEach(errors::add);
      errors.sort(Comparator.comparing(BacktestErrors::productId));
      double model = 0;
      double naive = 0;
      double actual = 0;
      for (BacktestErrors e : errors) {
        model += e.modelError();
        naive += e.naiveError();
        actual += e.actual();
      }
      out.output(
          Row.withSchema(schema)
              .addValues(ALL, 100 * model / actual, 100 * naive / actual)
              .build());
    }
  }
}
