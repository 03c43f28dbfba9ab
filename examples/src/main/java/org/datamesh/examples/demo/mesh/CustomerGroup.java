package org.datamesh.examples.demo.mesh;

import java.util.List;

/**
 * A hidden group of customers (never a column): how large it is, how often its customers order,
 * how many lines their baskets have, and the families they prefer. Segments and recommendations
 * should find these groups again.
 */
enum CustomerGroup {
  BARGAIN(0.35, 1.2, 1.8, List.of(ProductFamily.PANTRY, ProductFamily.SNACKS, ProductFamily.KIDS)),
  REGULAR(0.35, 1.0, 2.1, List.of(ProductFamily.HOME, ProductFamily.KIDS, ProductFamily.GARDEN, ProductFamily.SNACKS)),
  PREMIUM(0.30, 1.3, 2.6, List.of(ProductFamily.ELECTRONICS, ProductFamily.BEAUTY, ProductFamily.SPORTS, ProductFamily.GARDEN));

  /** The share of customers in the group. */
  final double share;

  /** How often its customers order, relative to the others. */
  final double frequency;

  /** Mean lines of an order. */
  final double meanLines;

  /** The families its customers choose their favourites from. */
  final List<ProductFamily> families;

  CustomerGroup(double share, double frequency, double meanLines, List<ProductFamily> families) {
    this.share = share;
    this.frequency = frequency;
    this.meanLines = meanLines;
    this.families = families;
  }
}
