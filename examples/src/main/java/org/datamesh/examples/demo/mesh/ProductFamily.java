package org.datamesh.examples.demo.mesh;

/**
 * A family of products: its price level, how much more it sells on weekends, and how its
 * demand grows over the half year. Customers prefer families ({@link CustomerGroup}), and bundles
 * are always within one family, so families are what recommendations can learn.
 */
enum ProductFamily {
  PANTRY(4.0, 1.0, 0.0, 4),
  SNACKS(3.0, 1.5, 0.1, 4),
  HOME(18.0, 1.1, 0.0, 3),
  KIDS(15.0, 1.6, 0.1, 3),
  GARDEN(25.0, 1.7, 0.6, 3),
  SPORTS(35.0, 1.4, 0.2, 3),
  ELECTRONICS(120.0, 1.0, 0.1, 3),
  BEAUTY(30.0, 1.1, 0.0, 3);

  /** Typical unit price in EUR. */
  final double price;

  /** How much more likely a customer is to buy from this family on a Saturday or Sunday. */
  final double weekendBoost;

  /** Growth of the family's demand over the history, added to each product's own trend. */
  final double trend;

  /** The largest quantity of one line. */
  final int maxQuantity;

  ProductFamily(double price, double weekendBoost, double trend, int maxQuantity) {
    this.price = price;
    this.weekendBoost = weekendBoost;
    this.trend = trend;
    this.maxQuantity = maxQuantity;
  }
}
