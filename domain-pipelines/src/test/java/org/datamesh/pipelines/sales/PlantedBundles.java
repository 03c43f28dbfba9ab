package org.datamesh.pipelines.sales;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small seeded shop with co-purchase signal to find: six families of ten products, each family
 * with bundles (products bought together in one order), three hidden customer groups that each
 * prefer two families, and two staples everybody buys now and then (what makes "most popular" a
 * fair baseline). About 5% of orders are cancelled.
 *
 * <pre>{@code
 * PlantedBundles shop = PlantedBundles.generate(900, 42L);
 * shop.inputs();   // orders and lines as RecommendationsInputs
 * shop.bought();   // customer -> products of their non-cancelled orders
 * }</pre>
 */
final class PlantedBundles {

  private static final int FAMILIES = 6;
  private static final int PER_FAMILY = 10;
  private static final int[][] BUNDLES = {{0, 1, 2}, {3, 4}, {5, 6}, {7, 8}};
  /** Within a family, earlier products sell more (weights of products 0..9). */
  private static final int[] WEIGHTS = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};

  private final RecommendationsInputs inputs = new RecommendationsInputs();
  private final Map<String, Set<String>> bought = new TreeMap<>();

  private PlantedBundles() {}

  static PlantedBundles generate(int customers, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    PlantedBundles shop = new PlantedBundles();
    int order = 0;
    for (int c = 1; c <= customers; c++) {
      String customer = String.format("CUST-%06d", c);
      int group = c % 3;
      int orders = 1 + random.nextInt(6);
      for (int o = 0; o < orders; o++) {
        order++;
        int family =
            random.nextInt(100) < 85 ? 2 * group + random.nextInt(2) : random.nextInt(FAMILIES);
        List<String> products = basket(family, random);
        String status = random.nextInt(100) < 5 ? "CANCELLED" : "PAID";
        shop.inputs.order(
            String.format("ORD-%06d", order), customer, random.nextInt(182), status,
            products.toArray(String[]::new));
        if (!status.equals("CANCELLED")) {
          shop.bought.computeIfAbsent(customer, k -> new TreeSet<>()).addAll(products);
        }
      }
    }
    return shop;
  }

  private static List<String> basket(int family, SplittableRandom random) {
    List<String> products = new ArrayList<>();
    if (random.nextInt(100) < 60) {
      for (int k : BUNDLES[random.nextInt(BUNDLES.length)]) {
        products.add(product(family, k));
      }
    } else {
      int items = 1 + random.nextInt(2);
      for (int i = 0; i < items; i++) {
        products.add(product(family, weighted(random)));
      }
    }
    if (random.nextInt(100) < 30) {
      products.add(String.format("PRD-%04d", FAMILIES * PER_FAMILY + 1 + random.nextInt(2)));
    }
    return products;
  }

  private static int weighted(SplittableRandom random) {
    int total = 0;
    for (int w : WEIGHTS) {
      total += w;
    }
    int pick = random.nextInt(total);
    for (int k = 0; k < WEIGHTS.length; k++) {
      pick -= WEIGHTS[k];
      if (pick < 0) {
        return k;
      }
    }
    throw new AssertionError("weights sum to total");
  }

  private static String product(int family, int k) {
    return String.format("PRD-%04d", family * PER_FAMILY + k + 1);
  }

  RecommendationsInputs inputs() {
    return inputs;
  }

  /** Each customer's products over their non-cancelled orders. */
  Map<String, Set<String>> bought() {
    return bought;
  }
}
