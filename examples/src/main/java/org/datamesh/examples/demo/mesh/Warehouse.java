package org.datamesh.examples.demo.mesh;

import java.util.List;

/**
 * The four warehouses: their region, how much stock they keep (days of demand), their share of
 * the demand, and the lanes that deliver to them. WH-01 and WH-04 are lean, WH-02 buffered.
 */
enum Warehouse {
  WH_01("WH-01", "north", 4, 0.35, List.of(Lane.SEA_ROTTERDAM, Lane.ROAD_PL)),
  WH_02("WH-02", "south", 28, 0.25, List.of(Lane.AIR_CN, Lane.ROAD_CZ)),
  WH_03("WH-03", "east", 12, 0.20, List.of(Lane.ROAD_PL, Lane.ROAD_CZ)),
  WH_04("WH-04", "west", 6, 0.20, List.of(Lane.SEA_ROTTERDAM, Lane.AIR_CN));

  final String id;
  final String region;

  /** Days of demand its policy keeps on hand. */
  final int coverDays;

  /** Its share of the shop's demand, and so of the shipments. */
  final double share;

  final List<Lane> lanes;

  Warehouse(String id, String region, int coverDays, double share, List<Lane> lanes) {
    this.id = id;
    this.region = region;
    this.coverDays = coverDays;
    this.share = share;
    this.lanes = lanes;
  }
}
