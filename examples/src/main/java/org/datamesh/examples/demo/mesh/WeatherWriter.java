package org.datamesh.examples.demo.mesh;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.datamesh.core.failure.Stage;

/**
 * Writes {@code weather.jsonl}: per day and region, the observed weather of the history and the
 * forecast of the seven days from {@link MeshCalendar#TODAY}. Regions differ in how often a day
 * is severe (east and north most); the forecast always holds severe days in the north (the 2nd
 * and 3rd forecast days) and the east (the 5th), so the stock-out risk has weather to weigh. A
 * defect is an extra, broken row before the good one of the same day and region.
 */
final class WeatherWriter {

  static final String FILE = "weather.jsonl";

  static final String[] REGIONS = {"north", "south", "east", "west"};
  private static final double[] SEVERE = {0.08, 0.03, 0.10, 0.05};
  private static final double[] WARMER = {-2, 4, -1, 1};
  private static final Set<DefectKind> DEFECTS =
      EnumSet.of(DefectKind.MISSING, DefectKind.MALFORMED, DefectKind.OUT_OF_RANGE, DefectKind.BAD_ENCODING);

  private final MeshDefects defects;
  private final SplittableRandom random;
  private final TableTally tally = new TableTally("weather", FILE);

  WeatherWriter(MeshWorld world, MeshDefects defects) {
    this.defects = defects;
    this.random = MeshWorld.stream(world.seed(), 8);
  }

  TableLedger write(Path dir) throws IOException {
    try (LineSink out = LineSink.create(dir.resolve(FILE))) {
      int days = MeshCalendar.DAYS + MeshCalendar.FORECAST_DAYS;
      for (int t = 0; t < days; t++) {
        LocalDate day = MeshCalendar.day(t);
        boolean forecast = t >= MeshCalendar.DAYS;
        for (int r = 0; r < REGIONS.length; r++) {
          int ahead = t - MeshCalendar.DAYS;
          boolean planted = forecast && ((r == 0 && (ahead == 1 || ahead == 2)) || (r == 2 && ahead == 4));
          boolean severe = planted || random.nextDouble() < SEVERE[r];
          double temperature = -1 + 21.0 * t / days + WARMER[r] + 3 * random.nextGaussian();
          double rain = severe ? 25 + 20 * random.nextDouble() : Math.max(0, 6 * random.nextGaussian());
          String region = random.nextInt(15) == 0 ? REGIONS[r].toUpperCase(java.util.Locale.ROOT) : REGIONS[r];
          DefectKind defect = defects.draw(random, DEFECTS);
          if (defect != null) {
            out.line(broken(day, region, forecast, temperature, rain, severe, defect));
          }
          String line = row(day, region, forecast, Double.toString(round(temperature)), round(rain), Boolean.toString(severe));
          out.line(line);
          tally.clean();
          if (defects.resend(random)) {
            out.line(line);
            tally.duplicate();
          }
        }
      }
    }
    return tally.ledger();
  }

  private String broken(LocalDate day, String region, boolean forecast, double temperature, double rain,
      boolean severe, DefectKind defect) {
    String t = Double.toString(round(temperature));
    switch (defect) {
      case MISSING -> {
        tally.defect(defect, Outcome.quarantined(Stage.VALIDATE, "severe.not_null"));
        return row(day, region, forecast, t, round(rain), "null");
      }
      case MALFORMED -> {
        tally.defect(defect, Outcome.quarantined(Stage.PARSE, "parse.number"));
        return row(day, region, forecast, "\"warm\"", round(rain), Boolean.toString(severe));
      }
      case OUT_OF_RANGE -> {
        tally.defect(defect, Outcome.quarantined(Stage.VALIDATE, "precipitation_mm.range"));
        return row(day, region, forecast, t, -1.5, Boolean.toString(severe));
      }
      case BAD_ENCODING -> {
        tally.defect(defect, Outcome.quarantined(Stage.PARSE, "parse.encoding"));
        return row(day, LineSink.badlyEncoded(region), forecast, t, round(rain), Boolean.toString(severe));
      }
      default -> throw new IllegalStateException("weather gets no " + defect);
    }
  }

  private static String row(LocalDate day, String region, boolean forecast, String temperature, double rain, String severe) {
    return Json.object()
        .string("day", day.toString()).string("region", region)
        .string("kind", forecast ? "forecast" : "observed")
        .raw("temperature_c", temperature).raw("precipitation_mm", Double.toString(rain))
        .raw("severe", severe)
        .toString();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
