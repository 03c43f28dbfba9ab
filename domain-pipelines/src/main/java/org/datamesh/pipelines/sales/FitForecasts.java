package org.datamesh.pipelines.sales;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Fits one product's series and emits its rows of the three tables, plus its backtest errors for
 * the pooled {@code ALL} accuracy row.
 */
final class FitForecasts extends DoFn<DemandSeries, Row> {

  /** A product's backtest, summed over the held-out days with actual > 0. */
  record BacktestErrors(String productId, double modelError, double naiveError, double actual)
      implements Serializable {}

  static final TupleTag<Row> FORECAST = new TupleTag<>() {};
  static final TupleTag<Row> BACKTEST = new TupleTag<>() {};
  static final TupleTag<Row> ACCURACY = new TupleTag<>() {};
  static final TupleTag<BacktestErrors> ERRORS = new TupleTag<>() {};

  private final Schema forecastSchema;
  private final Schema backtestSchema;
  private final Schema accuracySchema;

  FitForecasts(Schema forecastSchema, Schema backtestSchema, Schema accuracySchema) {
    this.forecastSchema = forecastSchema;
    this.backtestSchema = backtestSchema;
    this.accuracySchema = accuracySchema;
  }

  @ProcessElement
  public void process(@Element DemandSeries series, MultiOutputReceiver out) {
    double[] history = series.values();
    String product = series.productId();
    int horizon = DemandModel.HORIZON;
    double[] ahead = DemandModel.forecast(history, horizon);
    for (int h = 0; h < horizon; h++) {
      LocalDate day = series.lastDay().plusDays(h + 1L);
      out.get(FORECAST)
          .output(Row.withSchema(forecastSchema).addValues(product, day, ahead[h]).build());
    }
    if (!DemandModel.canBacktest(history.length)) {
      return;
    }
    int split = history.length - horizon;
    double[] training = Arrays.copyOfRange(history, 0, split);
    double[] actual = Arrays.copyOfRange(history, split, history.length);
    double[] model = DemandModel.forecast(training, horizon);
    double[] naive = NaiveForecast.weekly(training, horizon);
    for (int h = 0; h < horizon; h++) {
      LocalDate day = series.firstDay().plusDays(split + (long) h);
      out.get(BACKTEST)
          .output(
              Row.withSchema(backtestSchema)
                  .addValues(product, day, actual[h], model[h], naive[h])
                  .build());
    }
    if (Mape.of(actual, model).isPresent()) {
      out.get(ACCURACY)
          .output(
              Row.withSchema(accuracySchema)
                  .addValues(
                      product,
                      Mape.of(actual, model).getAsDouble(),
                      Mape.of(actual, naive).getAsDouble())
                  .build());
      out.get(ERRORS).output(errors(product, actual, model, naive));
    }
  }

  private static BacktestErrors errors(
      String product, double[] actual, double[] model, double[] naive) {
    double modelError = 0;
    double naiveError = 0;
    double total = 0;
    for (int h = 0; h < actual.length; h++) {
      if (actual[h] > 0) {
        modelError += Math.abs(actual[h] - model[h]);
        naiveError += Math.abs(actual[h] - naive[h]);
        total += actual[h];
      }
    }
    return new BacktestErrors(product, modelError, naiveError, total);
  }
}
