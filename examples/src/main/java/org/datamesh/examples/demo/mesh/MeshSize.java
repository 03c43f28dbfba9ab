package org.datamesh.examples.demo.mesh;

/**
 * How much sample data the mesh generator writes, all scaled from one number, the orders.
 *
 * <pre>{@code
 * MeshSize size = MeshSize.ofOrders(20_000);   // the default: 2,000 customers, 64 products, ...
 * }</pre>
 *
 * @param orders orders of the world (defective ones included, re-sent copies not)
 * @param customers customers of the world: one per ten orders, at least 30
 * @param productsPerFamily products in each of the {@link ProductFamily families}: 2 to 10
 * @param shipments inbound shipments: one per 40 orders, at least 40
 * @param logLines server log lines: three per four orders, at least 200
 */
public record MeshSize(
    int orders, int customers, int productsPerFamily, int shipments, int logLines) {

  /** The orders of the default size. */
  public static final int DEFAULT_ORDERS = 20_000;

  /** The fewest orders a mesh can be built from. */
  public static final int MIN_ORDERS = 50;

  public MeshSize {
    if (orders < MIN_ORDERS) {
      throw new IllegalArgumentException("the mesh needs at least " + MIN_ORDERS + " orders");
    }
  }

  /** The size for {@code orders} orders, everything else scaled from it. */
  public static MeshSize ofOrders(int orders) {
    return new MeshSize(
        orders,
        Math.max(30, orders / 10),
        Math.max(2, Math.min(10, orders / 2_400)),
        Math.max(40, orders / 40),
        Math.max(200, (int) Math.min(Integer.MAX_VALUE, orders * 3L / 4)));
  }

  /** The default size: {@value #DEFAULT_ORDERS} orders. */
  public static MeshSize defaults() {
    return ofOrders(DEFAULT_ORDERS);
  }

  /** All products of the world. */
  public int products() {
    return productsPerFamily * ProductFamily.values().length;
  }
}
