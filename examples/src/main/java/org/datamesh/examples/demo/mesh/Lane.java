package org.datamesh.examples.demo.mesh;

/**
 * A shipping lane: its planned transit and its delay, in days. Sea is slow and late by a
 * variable margin, air fast and on time, road in between.
 */
enum Lane {
  SEA_ROTTERDAM("SEA-ROTTERDAM", 30, 4.0, 3.0),
  ROAD_PL("ROAD-PL", 4, 1.0, 1.0),
  ROAD_CZ("ROAD-CZ", 3, 0.5, 0.7),
  AIR_CN("AIR-CN", 6, 0.2, 0.4);

  final String code;
  final int transitDays;
  final double meanDelay;
  final double delaySpread;

  Lane(String code, int transitDays, double meanDelay, double delaySpread) {
    this.code = code;
    this.transitDays = transitDays;
    this.meanDelay = meanDelay;
    this.delaySpread = delaySpread;
  }
}
