package org.datamesh.examples.demo.mesh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.datamesh.core.failure.Stage;

/**
 * Writes {@code inventory.csv}: the snapshot of {@link MeshCalendar#LAST_DAY}, one row per
 * warehouse and product. On hand follows the warehouse's policy: about {@link
 * Warehouse#coverDays} days of its share of the product's demand (lean WH-01 and WH-04, buffered
 * WH-02). A defect is an extra, broken row before the good one of the same key, so every
 * warehouse and product is published; a re-sent row is an exact copy after it.
 */
final class InventoryWriter {

  static final String FILE = "inventory.csv";

  private static final Set<DefectKind> DEFECTS =
      EnumSet.of(DefectKind.MISSING, DefectKind.MALFORMED, DefectKind.OUT_OF_RANGE, DefectKind.BAD_ENCODING);

  private final MeshWorld world;
  private final MeshDefects defects;
  private final SplittableRandom random;
  private final TableTally tally = new TableTally("inventory", FILE);

  InventoryWriter(MeshWorld world, MeshDefects defects) {
    this.world = world;
    this.defects = defects;
    this.random = MeshWorld.stream(world.seed(), 6);
  }

  TableLedger write(Path dir) throws IOException {
    try (LineSink out = LineSink.create(dir.resolve(FILE))) {
      out.line("snapshot_date,warehouse_id,region,product_id,on_hand,reorder_point");
      String day = MeshCalendar.LAST_DAY.toString();
      for (Warehouse warehouse : Warehouse.values()) {
        for (WorldProduct product : world.products()) {
          double daily = world.meanDailyUnits(product) * warehouse.share;
          int onHand = (int) Math.round(daily * warehouse.coverDays * (0.5 + random.nextDouble()));
          int reorder = (int) Math.ceil(daily * 7);
          String region = random.nextInt(10) == 0 ? warehouse.region.toUpperCase(java.util.Locale.ROOT) : warehouse.region;
          String[] row = {day, warehouse.id, region, product.id(), Integer.toString(onHand), Integer.toString(reorder)};
          DefectKind defect = defects.draw(random, DEFECTS);
          if (defect != null) {
            out.line(Csv.line(broken(row, defect)));
          }
          out.line(Csv.line(row));
          tally.clean();
          if (defects.resend(random)) {
            out.line(Csv.line(row));
            tally.duplicate();
          }
        }
      }
    }
    return tally.ledger();
  }

  private String[] broken(String[] row, DefectKind defect) {
    String[] copy = row.clone();
    switch (defect) {
      case MISSING -> {
        copy[4] = "";
        tally.defect(defect, Outcome.quarantined(Stage.VALIDATE, "on_hand.not_null"));
      }
      case MALFORMED -> {
        copy[0] = "28.06.2026";
        tally.defect(defect, Outcome.quarantined(Stage.PARSE, "parse.date"));
      }
      case OUT_OF_RANGE -> {
        copy[4] = "-" + (1 + random.nextInt(20));
        tally.defect(defect, Outcome.quarantined(Stage.VALIDATE, "on_hand.range"));
      }
      case BAD_ENCODING -> {
        copy[2] = LineSink.badlyEncoded(copy[2]);
        tally.defect(defect, Outcome.quarantined(Stage.PARSE, "parse.encoding"));
      }
      default -> throw new IllegalStateException("inventory gets no " + defect);
    }
    return copy;
  }
}
