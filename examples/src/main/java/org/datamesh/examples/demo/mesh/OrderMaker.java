package org.datamesh.examples.demo.mesh;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws the world's orders day by day. This is where the signal is planted: the number of orders
 * per day has a level, a trend and a weekly season; a customer mostly buys from the favourite
 * families of its hidden group, more from some families on weekends; a product's share grows or
 * shrinks over the half year; and a product of a bundle brings the rest of its bundle into the
 * basket three times in five.
 */
final class OrderMaker {

  /** Orders per weekday relative to the mean, Monday first. */
  private static final double[] WEEKDAY = {0.90, 0.85, 0.90, 0.95, 1.05, 1.30, 1.15};

  private final MeshWorld world;
  private final SplittableRandom random;
  private final int[] ordersPerDay;
  private long number;
  private int cachedDay = -1;
  private double[][] familyWeights;

  OrderMaker(MeshWorld world) {
    this.world = world;
    this.random = MeshWorld.stream(world.seed(), 3);
    this.ordersPerDay = apportion(world.size().orders(), random);
  }

  /** Orders of each day: level, trend (+30% over the half year), weekly season, 6% noise. */
  private static int[] apportion(int orders, SplittableRandom random) {
    double[] weight = new double[MeshCalendar.DAYS];
    double total = 0;
    for (int t = 0; t < MeshCalendar.DAYS; t++) {
      int weekday = MeshCalendar.day(t).getDayOfWeek().getValue() - 1;
      weight[t] = (1 + 0.3 * t / (MeshCalendar.DAYS - 1.0)) * WEEKDAY[weekday]
          * Math.exp(0.06 * random.nextGaussian());
      total += weight[t];
    }
    int[] counts = new int[MeshCalendar.DAYS];
    double cumulative = 0;
    long given = 0;
    for (int t = 0; t < MeshCalendar.DAYS; t++) {
      cumulative += weight[t];
      long upTo = Math.round(orders * cumulative / total);
      counts[t] = (int) (upTo - given);
      given = upTo;
    }
    return counts;
  }

  int ordersOn(int day) {
    return ordersPerDay[day];
  }

  /** The next order, placed on day {@code day} of the history. */
  WorldOrder next(int day) {
    int customer = world.drawCustomer(random);
    CustomerGroup group = world.group(customer);
    int target = Math.min(8, 1 + poisson(group.meanLines - 1));
    Map<Integer, Integer> basket = new LinkedHashMap<>();
    for (int attempt = 0; basket.size() < target && attempt < 30; attempt++) {
      WorldProduct product = drawProduct(drawFamily(customer, day), day);
      if (add(basket, product) && !product.bundle().isEmpty() && random.nextDouble() < 0.6) {
        for (int partner : product.bundle()) {
          add(basket, world.products().get(partner));
        }
      }
    }
    List<WorldOrder.Line> lines = new ArrayList<>();
    basket.forEach((p, q) -> lines.add(new WorldOrder.Line(world.products().get(p), q)));
    Instant placed =
        MeshCalendar.day(day).atStartOfDay(ZoneOffset.UTC).toInstant()
            .plusSeconds(6 * 3600 + random.nextInt(18 * 3600));
    int age = MeshCalendar.DAYS - 1 - day;
    String status = status(age);
    Instant updated = placed.plusSeconds(updateDelay(status));
    Instant end = MeshCalendar.TODAY.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    if (updated.isAfter(end)) {
      updated = end.isAfter(placed.plusSeconds(300)) ? end : placed.plusSeconds(300);
    }
    double c = random.nextDouble();
    String channel = c < 0.5 ? "web" : c < 0.85 ? "mobile" : "store";
    return new WorldOrder(++number, customer, placed, updated, status, channel, lines);
  }

  private boolean add(Map<Integer, Integer> basket, WorldProduct product) {
    if (basket.containsKey(product.index())) {
      return false;
    }
    int max = product.family().maxQuantity;
    basket.put(product.index(), random.nextDouble() < 0.45 ? 1 : 1 + random.nextInt(max));
    return true;
  }

  private String status(int age) {
    double r = random.nextDouble();
    if (r < 0.05) {
      return "CANCELLED";
    }
    if (age >= 10) {
      return r < 0.08 ? "RETURNED" : "DELIVERED";
    }
    if (age >= 3) {
      return r < 0.5 ? "SHIPPED" : "DELIVERED";
    }
    return r < 0.5 ? "PLACED" : "PAID";
  }

  /** Seconds from placing to the status's last change; always at least five minutes. */
  private long updateDelay(String status) {
    return switch (status) {
      case "PLACED" -> 300 + random.nextInt(1500);
      case "PAID" -> 3600 + random.nextInt(3600);
      case "SHIPPED" -> 86_400 + random.nextInt(86_400);
      case "CANCELLED" -> 3600 + random.nextInt(9 * 3600);
      case "RETURNED" -> 10 * 86_400 + random.nextInt(10 * 86_400);
      default -> 2 * 86_400 + random.nextInt(3 * 86_400);
    };
  }

  private ProductFamily drawFamily(int customer, int day) {
    boolean weekend = MeshCalendar.weekend(MeshCalendar.day(day));
    ProductFamily[] families = ProductFamily.values();
    double[] weight = new double[families.length];
    double total = 0;
    for (ProductFamily f : families) {
      double w = 0.16 / families.length;
      if (f == world.primary(customer)) {
        w += 0.62;
      } else if (f == world.secondary(customer)) {
        w += 0.28;
      }
      weight[f.ordinal()] = w * (weekend ? f.weekendBoost : 1);
      total += weight[f.ordinal()];
    }
    double draw = random.nextDouble() * total;
    for (ProductFamily f : families) {
      draw -= weight[f.ordinal()];
      if (draw < 0) {
        return f;
      }
    }
    return families[families.length - 1];
  }

  private WorldProduct drawProduct(ProductFamily family, int day) {
    if (day != cachedDay) {
      familyWeights = new double[ProductFamily.values().length][];
      for (ProductFamily f : ProductFamily.values()) {
        List<WorldProduct> members = world.family(f);
        familyWeights[f.ordinal()] = new double[members.size()];
        for (int k = 0; k < members.size(); k++) {
          familyWeights[f.ordinal()][k] = members.get(k).weight(day);
        }
      }
      cachedDay = day;
    }
    double[] weights = familyWeights[family.ordinal()];
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double draw = random.nextDouble() * total;
    List<WorldProduct> members = world.family(family);
    for (int k = 0; k < weights.length; k++) {
      draw -= weights[k];
      if (draw < 0) {
        return members.get(k);
      }
    }
    return members.get(members.size() - 1);
  }

  private int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }
}
