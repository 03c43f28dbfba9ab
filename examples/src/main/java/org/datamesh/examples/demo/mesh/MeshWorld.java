package org.datamesh.examples.demo.mesh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The world the sample data describes, drawn from a seed: customers in hidden groups with
 * favourite families, products in families with bundles, and which customer records are broken
 * (such customers never order, so their quarantine orphans nothing). Customers are kept as a few
 * small arrays, so a world of a million customers takes a few megabytes; their profiles are
 * drawn when written ({@link CustomersWriter}).
 *
 * <pre>{@code
 * MeshWorld world = MeshWorld.of(MeshSize.defaults(), MeshDefects.defaults(), 42);
 * world.customerId(0);   // CUST-000001
 * }</pre>
 */
final class MeshWorld {

  /** Kinds of defects a customer record can have. */
  static final Set<DefectKind> CUSTOMER_DEFECTS =
      EnumSet.of(DefectKind.MISSING, DefectKind.MALFORMED, DefectKind.OUT_OF_RANGE, DefectKind.BAD_ENCODING);

  /** Customer ids from here on belong to nobody: orphans use them. */
  static final int FIRST_UNKNOWN_CUSTOMER = 900_000;

  private final MeshSize size;
  private final long seed;
  private final List<WorldProduct> products;
  private final List<List<WorldProduct>> byFamily;
  private final byte[] group;
  private final byte[] primary;
  private final byte[] secondary;
  private final byte[] defect;
  private final boolean[] resent;
  private final double[] cumulativeActivity;

  private MeshWorld(MeshSize size, MeshDefects defects, long seed) {
    this.size = size;
    this.seed = seed;
    SplittableRandom random = stream(seed, 1);
    this.products = products(size, random);
    this.byFamily = new ArrayList<>();
    for (ProductFamily family : ProductFamily.values()) {
      byFamily.add(products.stream().filter(p -> p.family() == family).toList());
    }
    int n = Math.min(size.customers(), FIRST_UNKNOWN_CUSTOMER - 1);
    group = new byte[n];
    primary = new byte[n];
    secondary = new byte[n];
    defect = new byte[n];
    resent = new boolean[n];
    cumulativeActivity = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      CustomerGroup g = drawGroup(random.nextDouble());
      group[i] = (byte) g.ordinal();
      int first = random.nextInt(g.families.size());
      int second = (first + 1 + random.nextInt(g.families.size() - 1)) % g.families.size();
      primary[i] = (byte) g.families.get(first).ordinal();
      secondary[i] = (byte) g.families.get(second).ordinal();
      DefectKind drawn = defects.draw(random, CUSTOMER_DEFECTS);
      // The first customer is always clean, so there is always someone to place the orders.
      DefectKind kind = i == 0 ? null : drawn;
      defect[i] = (byte) (kind == null ? -1 : kind.ordinal());
      resent[i] = defects.resend(random) && kind == null;
      // Activity varies a lot between customers (log-normal), and broken records never order.
      double activity = g.frequency * Math.exp(0.8 * random.nextGaussian());
      total += kind == null ? activity : 0;
      cumulativeActivity[i] = total;
    }
  }

  /** The world of {@code size} for {@code seed}, its customer records broken at {@code defects}' rates. */
  static MeshWorld of(MeshSize size, MeshDefects defects, long seed) {
    return new MeshWorld(size, defects, seed);
  }

  /** A random stream of its own for each part of the data, so parts do not shift each other. */
  static SplittableRandom stream(long seed, int part) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + part * 0xBF58476D1CE4E5B9L);
  }

  private static CustomerGroup drawGroup(double draw) {
    double cumulative = 0;
    for (CustomerGroup g : CustomerGroup.values()) {
      cumulative += g.share;
      if (draw < cumulative) {
        return g;
      }
    }
    return CustomerGroup.REGULAR;
  }

  private static List<WorldProduct> products(MeshSize size, SplittableRandom random) {
    List<WorldProduct> all = new ArrayList<>();
    for (ProductFamily family : ProductFamily.values()) {
      int first = all.size();
      int n = size.productsPerFamily();
      for (int k = 0; k < n; k++) {
        // Bundles: the family's first two products, and its next three when it has five or more.
        List<Integer> bundle = new ArrayList<>();
        if (k < 2) {
          bundle.add(first + 1 - k);
        } else if (k < 5 && n >= 5) {
          for (int j = 2; j < 5; j++) {
            if (j != k) {
              bundle.add(first + j);
            }
          }
        }
        double price = Math.round(family.price * (0.6 + 0.8 * random.nextDouble()) * 100) / 100.0;
        // Bundled products are also bought through their partners: the others are chosen more.
        double popularity = (0.8 + 0.6 * random.nextDouble()) * (bundle.isEmpty() ? 1.8 : 1.0);
        double trend = family.trend - 0.3 + 0.8 * random.nextDouble();
        all.add(
            new WorldProduct(
                all.size(), String.format(Locale.ROOT, "PRD-%04d", all.size() + 1), family,
                Math.max(0.5, price), popularity, trend, List.copyOf(bundle)));
      }
    }
    return List.copyOf(all);
  }

  MeshSize size() {
    return size;
  }

  long seed() {
    return seed;
  }

  List<WorldProduct> products() {
    return products;
  }

  List<WorldProduct> family(ProductFamily family) {
    return byFamily.get(family.ordinal());
  }

  int customers() {
    return group.length;
  }

  static String customerId(int index) {
    return String.format(Locale.ROOT, "CUST-%06d", index + 1);
  }

  /** An id no customer has, for the {@code n}th orphan. */
  static String unknownCustomerId(long n) {
    return String.format(Locale.ROOT, "CUST-%06d", FIRST_UNKNOWN_CUSTOMER + (n % 99_999));
  }

  CustomerGroup group(int customer) {
    return CustomerGroup.values()[group[customer]];
  }

  ProductFamily primary(int customer) {
    return ProductFamily.values()[primary[customer]];
  }

  ProductFamily secondary(int customer) {
    return ProductFamily.values()[secondary[customer]];
  }

  /** The defect of the customer's record, or null when it is clean. */
  DefectKind defect(int customer) {
    return defect[customer] < 0 ? null : DefectKind.values()[defect[customer]];
  }

  /** Whether the customer's record is sent twice (an older version too). */
  boolean resent(int customer) {
    return resent[customer];
  }

  /** A customer drawn by activity; never one whose record is broken. */
  int drawCustomer(SplittableRandom random) {
    double target = random.nextDouble() * cumulativeActivity[cumulativeActivity.length - 1];
    int at = Arrays.binarySearch(cumulativeActivity, target);
    int index = Math.min(at >= 0 ? at : -at - 1, cumulativeActivity.length - 1);
    while (defect[index] >= 0) {
      // A value on a broken customer's (empty) interval: the next clean customer owns it.
      index = (index + 1) % cumulativeActivity.length;
    }
    return index;
  }

  /** The expected units sold per day of {@code product}, over the whole shop (a rough mean). */
  double meanDailyUnits(WorldProduct product) {
    double familyWeight = 0;
    for (WorldProduct p : family(product.family())) {
      familyWeight += p.popularity();
    }
    double linesPerDay = size.orders() * 2.5 / MeshCalendar.DAYS;
    double familyShare = 1.0 / ProductFamily.values().length;
    double meanQuantity = (1 + product.family().maxQuantity) / 2.0;
    return linesPerDay * familyShare * product.popularity() / familyWeight * meanQuantity;
  }
}
