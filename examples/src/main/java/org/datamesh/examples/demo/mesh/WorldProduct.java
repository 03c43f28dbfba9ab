package org.datamesh.examples.demo.mesh;

import java.util.List;

/**
 * A product of the world.
 *
 * @param index its place in the world's list, from 0
 * @param id {@code PRD-0001}, ...
 * @param family its family
 * @param price its unit price in EUR, two decimals
 * @param popularity how often it is chosen within its family (0.8 to 1.4, times 1.8 for a product of no bundle)
 * @param trend its demand's growth over the history (with the family's)
 * @param bundle the other products of its bundle, bought with it most of the time; empty if none
 */
record WorldProduct(
    int index,
    String id,
    ProductFamily family,
    double price,
    double popularity,
    double trend,
    List<Integer> bundle) {

  /** Its weight on day {@code dayIndex} of the history: popularity times its trend. */
  double weight(int dayIndex) {
    return popularity * (1 + trend * dayIndex / (MeshCalendar.DAYS - 1.0));
  }
}
