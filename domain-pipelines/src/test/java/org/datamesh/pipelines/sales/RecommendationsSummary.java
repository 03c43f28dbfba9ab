package org.datamesh.pipelines.sales;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.values.Row;

/** Rows of the three tables as short strings, so tests compare them whole. */
final class RecommendationsSummary {

  private RecommendationsSummary() {}

  /** A score as the summaries print it: six decimals, enough to tell hand-computed sums apart. */
  static String score(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }

  /** {@code customer|rank|product|score}. */
  static List<String> recommendations(Iterable<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(r.getString("customer_id") + "|" + r.getInt32("rank") + "|"
          + r.getString("product_id") + "|" + score(r.getDouble("score")));
    }
    return out;
  }

  /** {@code customer|held-out product|model list|popular list}. */
  static List<String> backtest(Iterable<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(r.getString("customer_id") + "|" + r.getString("held_out_product_id") + "|"
          + r.getArray("model_top10") + "|" + r.getArray("popular_top10"));
    }
    return out;
  }

  /** {@code model rate|popular rate|customers}. */
  static List<String> accuracy(Iterable<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(score(r.getDouble("model_hit_rate")) + "|" + score(r.getDouble("popular_hit_rate"))
          + "|" + r.getInt64("customers"));
    }
    return out;
  }
}
