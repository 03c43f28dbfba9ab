package org.datamesh.examples.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.datamesh.core.publish.Manifest;

/**
 * The demo's closing report: one line per product (owner, records in, published, quarantined,
 * deduplicated, quality score, seconds), then the two backtests the consumer products publish,
 * read back from their {@code accuracy} tables.
 */
final class MeshSummary {

  private static final String ROW = "%-26s %-18s %9s %9s %11s %7s %7s %7s%n";

  private MeshSummary() {}

  static void print(PrintStream out, List<MeshRun.Outcome> outcomes, Path output) {
    out.println();
    out.printf(Locale.ROOT, ROW, "product", "owner", "in", "published", "quarantined", "dedup",
        "quality", "seconds");
    for (MeshRun.Outcome outcome : outcomes) {
      Manifest m = outcome.manifest();
      String owner = outcome.product().contract().owner();
      if (m == null) {
        out.printf(Locale.ROOT, "%-26s %-18s NOT PUBLISHED: %s%n", outcome.product().path(),
            owner == null ? "-" : owner, outcome.problem());
        continue;
      }
      Manifest.Counts c = m.counts();
      out.printf(
          Locale.ROOT, ROW, outcome.product().path(), owner == null ? "-" : owner,
          number(c.input()), number(c.published()), number(c.quarantined()),
          number(c.deduplicated()),
          m.quality().score() == null ? "-" : String.format(Locale.ROOT, "%.2f", m.quality().score()),
          String.format(Locale.ROOT, "%.1f", outcome.seconds()));
    }
    out.println();
    forecast(output).ifPresent(out::println);
    recommendations(output).ifPresent(out::println);
  }

  /** The forecast's MAPE over the held-out final week, against the naive forecast's. */
  static Optional<String> forecast(Path output) {
    Optional<Map<String, Object>> all =
        row(output.resolve("sales/order-forecast"), "accuracy", "product_id", "ALL");
    return all.map(
        r -> {
          double model = ((Number) r.get("model_mape")).doubleValue();
          double naive = ((Number) r.get("naive_mape")).doubleValue();
          return String.format(
              Locale.ROOT,
              "Forecast backtest (final week held out): MAPE %.1f%% against %.1f%% for the same"
                  + " weekday a week earlier: %s",
              model, naive, model < naive ? "beats naive" : "DOES NOT beat naive");
        });
  }

  /** The recommendations' hit rate at 10 on each customer's last order, against popularity's. */
  static Optional<String> recommendations(Path output) {
    Optional<Map<String, Object>> all =
        row(output.resolve("sales/recommendations"), "accuracy", null, null);
    return all.map(
        r -> {
          double model = ((Number) r.get("model_hit_rate")).doubleValue();
          double popular = ((Number) r.get("popular_hit_rate")).doubleValue();
          return String.format(
              Locale.ROOT,
              "Recommendations backtest (each customer's last order held out, %s customers): hit"
                  + " rate at 10 %.3f against %.3f for the most popular products: %s",
              number(((Number) r.get("customers")).longValue()), model, popular,
              model > popular ? "beats popular" : "DOES NOT beat popular");
        });
  }

  private static Optional<Map<String, Object>> row(
      Path product, String table, String column, Object value) {
    try {
      for (Map<String, Object> row : PublishedTable.rows(product, table)) {
        if (column == null || value.equals(row.get(column))) {
          return Optional.of(row);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
