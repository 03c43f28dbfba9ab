package org.datamesh.examples.demo.mesh;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.datamesh.core.failure.Stage;

/**
 * Writes {@code shipments.csv}: inbound shipments over the history, each by one of its
 * warehouse's lanes. Delays follow the lane (sea late by 4 days on average and variable, air on
 * time); a shipment not delivered by {@link MeshCalendar#LAST_DAY} has no delivered date. Products
 * are chosen by popularity and warehouses by their share of the demand, so the delivered
 * quantities give each warehouse's share of a product. A broken shipment replaces the good one.
 */
final class ShipmentsWriter {

  static final String FILE = "shipments.csv";

  private static final Set<DefectKind> DEFECTS =
      EnumSet.of(DefectKind.MISSING, DefectKind.MALFORMED, DefectKind.OUT_OF_RANGE, DefectKind.BAD_ENCODING);

  private final MeshWorld world;
  private final MeshDefects defects;
  private final SplittableRandom random;
  private final TableTally tally = new TableTally("shipments", FILE);

  ShipmentsWriter(MeshWorld world, MeshDefects defects) {
    this.world = world;
    this.defects = defects;
    this.random = MeshWorld.stream(world.seed(), 7);
  }

  TableLedger write(Path dir) throws IOException {
    double totalPopularity = world.products().stream().mapToDouble(WorldProduct::popularity).sum();
    try (LineSink out = LineSink.create(dir.resolve(FILE))) {
      out.line("shipment_id,product_id,warehouse_id,lane,quantity,shipped_date,expected_date,delivered_date");
      int count = world.size().shipments();
      for (int i = 0; i < count; i++) {
        WorldProduct product = drawProduct(totalPopularity);
        Warehouse warehouse = drawWarehouse();
        Lane lane = warehouse.lanes.get(random.nextInt(warehouse.lanes.size()));
        // Spread over the history, the later ones still in transit.
        LocalDate shipped = MeshCalendar.FIRST_DAY.minusDays(lane.transitDays).plusDays(random.nextInt(MeshCalendar.DAYS));
        LocalDate expected = shipped.plusDays(lane.transitDays);
        long delay = Math.max(0, Math.round(lane.meanDelay + lane.delaySpread * random.nextGaussian()));
        LocalDate delivered = expected.plusDays(delay);
        int quantity = (int) Math.max(1, Math.round(world.meanDailyUnits(product) * warehouse.share * (14 + random.nextInt(14))));
        String[] row = {
          String.format(Locale.ROOT, "SHP-%06d", i + 1), product.id(), warehouse.id,
          random.nextInt(10) == 0 ? lane.code.toLowerCase(Locale.ROOT) : lane.code,
          Integer.toString(quantity), shipped.toString(), expected.toString(),
          delivered.isAfter(MeshCalendar.LAST_DAY) ? "" : delivered.toString()
        };
        DefectKind defect = defects.draw(random, DEFECTS);
        if (defect != null) {
          out.line(Csv.line(broken(row, defect)));
          continue;
        }
        out.line(Csv.line(row));
        tally.clean();
        if (defects.resend(random)) {
          out.line(Csv.line(row));
          tally.duplicate();
        }
      }
    }
    return tally.ledger();
  }

  private WorldProduct drawProduct(double totalPopularity) {
    double draw = random.nextDouble() * totalPopularity;
    for (WorldProduct p : world.products()) {
      draw -= p.popularity();
      if (draw < 0) {
        return p;
      }
    }
    return world.products().get(world.products().size() - 1);
  }

  private Warehouse drawWarehouse() {
    double draw = random.nextDouble();
    for (Warehouse w : Warehouse.values()) {
      draw -= w.share;
      if (draw < 0) {
        return w;
      }
    }
    return Warehouse.WH_04;
  }

  private String[] broken(String[] row, DefectKind defect) {
    String[] copy = row.clone();
    switch (defect) {
      case MISSING -> {
        copy[3] = "";
        tally.defect(defect, Outcome.quarantined(Stage.VALIDATE, "lane.not_null"));
      }
      case MALFORMED -> {
        copy[5] = "2026-02-30";
        tally.defect(defect, Outcome.quarantined(Stage.PARSE, "parse.date"));
      }
      case OUT_OF_RANGE -> {
        copy[4] = "0";
        tally.defect(defect, Outcome.quarantined(Stage.VALIDATE, "quantity.range"));
      }
      case BAD_ENCODING -> {
        copy[3] = LineSink.badlyEncoded(copy[3]);
        tally.defect(defect, Outcome.quarantined(Stage.PARSE, "parse.encoding"));
      }
      default -> throw new IllegalStateException("shipments get no " + defect);
    }
    return copy;
  }
}
