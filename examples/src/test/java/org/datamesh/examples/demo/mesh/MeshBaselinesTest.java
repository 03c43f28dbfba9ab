package org.datamesh.examples.demo.mesh;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signal is strong enough for the consumer products' promises, checked with the plainest
 * methods: item-to-item co-occurrence beats the most popular products on hit rate at 10 over each
 * customer's last order, and a weekday-seasonal mean beats the naive same-weekday-last-week
 * forecast on MAPE over the final week. Better methods (Holt-Winters) only widen the margins.
 */
class MeshBaselinesTest {

  @org.junit.jupiter.api.io.TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {42, 7})
  void coPurchasesBeatPopularityAndSeasonBeatsNaive(long seed) throws Exception {
    MeshSampleGenerator.write(dir, MeshSize.defaults(), seed);
    MeshSales sales = MeshSales.read(dir);

    double[] hitRates = hitRates(sales);
    assertThat("model " + hitRates[0] + " vs popular " + hitRates[1], hitRates[0], greaterThan(hitRates[1] * 1.3));
    double[] mape = mape(sales);
    assertThat("model " + mape[0] + " vs naive " + mape[1], mape[0], lessThan(mape[1] * 0.9));
  }

  /** Hit rates at 10 of co-occurrence and of popularity, over held-out last orders. */
  private static double[] hitRates(MeshSales sales) {
    Map<String, List<MeshSales.Order>> byCustomer = new TreeMap<>();
    for (MeshSales.Order o : sales.orders) {
      if (o.products() != null && o.customer().matches("CUST-[0-9]{6}")) {
        byCustomer.computeIfAbsent(o.customer(), k -> new ArrayList<>()).add(o);
      }
    }
    Set<String> heldOut = new HashSet<>();
    for (List<MeshSales.Order> orders : byCustomer.values()) {
      orders.sort(Comparator.comparingInt(MeshSales.Order::day).thenComparing(MeshSales.Order::id));
      if (orders.size() >= 2) {
        heldOut.add(orders.get(orders.size() - 1).id());
      }
    }
    Map<String, Integer> count = new HashMap<>();
    Map<String, Map<String, Integer>> together = new HashMap<>();
    for (MeshSales.Order o : sales.orders) {
      if (o.products() == null || heldOut.contains(o.id())) {
        continue;
      }
      for (String a : o.products().keySet()) {
        count.merge(a, 1, Integer::sum);
        for (String b : o.products().keySet()) {
          if (!a.equals(b)) {
            together.computeIfAbsent(a, k -> new HashMap<>()).merge(b, 1, Integer::sum);
          }
        }
      }
    }
    List<String> popular = new ArrayList<>(count.keySet());
    popular.sort(Comparator.comparing((String p) -> -count.get(p)).thenComparing(p -> p));
    long rows = 0;
    long modelHits = 0;
    long popularHits = 0;
    for (List<MeshSales.Order> orders : byCustomer.values()) {
      if (orders.size() < 2) {
        continue;
      }
      Set<String> bought = new HashSet<>();
      orders.subList(0, orders.size() - 1).forEach(o -> bought.addAll(o.products().keySet()));
      Map<String, Double> score = new HashMap<>();
      for (String b : bought) {
        together.getOrDefault(b, Map.of()).forEach((c, n) -> {
          if (!bought.contains(c)) {
            score.merge(c, n / Math.sqrt((double) count.get(b) * count.get(c)), Double::sum);
          }
        });
      }
      List<String> model = score.keySet().stream()
          .sorted(Comparator.comparing((String c) -> -score.get(c)).thenComparing(c -> c)).limit(10).toList();
      List<String> top = popular.stream().filter(p -> !bought.contains(p)).limit(10).toList();
      for (String h : orders.get(orders.size() - 1).products().keySet()) {
        if (!bought.contains(h)) {
          rows++;
          modelHits += model.contains(h) ? 1 : 0;
          popularHits += top.contains(h) ? 1 : 0;
        }
      }
    }
    return new double[] {(double) modelHits / rows, (double) popularHits / rows};
  }

  /** MAPE of a weekday-seasonal mean and of the naive forecast over the final week. */
  private static double[] mape(MeshSales sales) {
    int test = MeshCalendar.DAYS - 7;
    double model = 0;
    double naive = 0;
    int n = 0;
    for (double[] d : sales.dailyDemand().values()) {
      double[] weekday = new double[7];
      double total = 0;
      for (int t = 0; t < test; t++) {
        weekday[t % 7] += d[t];
        total += d[t];
      }
      double level = 0;
      for (int t = test - 28; t < test; t++) {
        level += d[t] / 28;
      }
      for (int t = test; t < MeshCalendar.DAYS; t++) {
        if (d[t] > 0) {
          double season = weekday[t % 7] / (total / 7);
          model += Math.abs(d[t] - level * season) / d[t];
          naive += Math.abs(d[t] - d[t - 7]) / d[t];
          n++;
        }
      }
    }
    return new double[] {model / n, naive / n};
  }
}
