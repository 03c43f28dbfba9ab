package org.datamesh.examples.demo.mesh;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.datamesh.core.failure.Stage;

/**
 * Writes {@code server.log}: request lines of the shop's services in time order,
 * {@code 2026-06-28T10:15:30.123Z INFO checkout GET /api/cart 200 35ms req=9e3779b97f4a7c15},
 * with a request id unique to each request (so an exact re-sent line is a duplicate). An
 * unparseable line is a line of a stack trace, in place of a request.
 */
final class ServerLogWriter {

  static final String FILE = "server.log";

  private static final Set<DefectKind> DEFECTS =
      EnumSet.of(DefectKind.MISSING, DefectKind.MALFORMED, DefectKind.OUT_OF_RANGE, DefectKind.BAD_ENCODING,
          DefectKind.UNPARSEABLE_LOG);
  private static final String[] SERVICES = {"catalog", "search", "cart", "checkout", "accounts"};
  private static final String[] PATHS = {"/api/products/", "/api/search?q=", "/api/cart", "/api/checkout/pay", "/api/account"};
  private static final String[] METHODS = {"GET", "GET", "POST", "POST", "GET"};
  private static final int[] LATENCY = {25, 60, 30, 180, 40};
  private static final String[] TRACE = {
    "java.net.SocketTimeoutException: Read timed out",
    "\tat org.shop.checkout.PaymentClient.charge(PaymentClient.java:88)",
    "Caused by: java.io.IOException: Connection reset by peer"};

  private final MeshWorld world;
  private final MeshDefects defects;
  private final SplittableRandom random;
  private final TableTally tally = new TableTally("requests", FILE);

  ServerLogWriter(MeshWorld world, MeshDefects defects) {
    this.world = world;
    this.defects = defects;
    this.random = MeshWorld.stream(world.seed(), 9);
  }

  TableLedger write(Path dir) throws IOException {
    long start = MeshCalendar.FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    int lines = world.size().logLines();
    long step = MeshCalendar.DAYS * 86_400_000L / lines;
    try (LineSink out = LineSink.create(dir.resolve(FILE))) {
      for (int i = 0; i < lines; i++) {
        Instant at = Instant.ofEpochMilli(start + i * step + random.nextLong(Math.max(1, step)));
        int s = random.nextInt(SERVICES.length);
        double r = random.nextDouble();
        int status = r < 0.02 ? 500 : r < 0.03 ? 503 : r < 0.08 ? 404 : r < 0.12 ? 304 : METHODS[s].equals("POST") ? 201 : 200;
        String level = status >= 500 ? "ERROR" : status >= 400 ? "WARN" : "INFO";
        long latency = Math.max(1, Math.round(LATENCY[s] * Math.exp(0.5 * random.nextGaussian())));
        String path = PATHS[s] + (s == 0 ? world.products().get(random.nextInt(world.products().size())).id() : s == 1 ? "lamp" : "");
        String id = String.format(Locale.ROOT, "%016x", (i + 1L) * 0x9E3779B97F4A7C15L);
        String[] parts = {at.toString(), level, SERVICES[s], METHODS[s], path, Integer.toString(status), latency + "ms", "req=" + id};
        DefectKind defect = defects.draw(random, DEFECTS);
        if (defect != null) {
          out.line(broken(parts, defect));
          continue;
        }
        String line = String.join(" ", parts);
        out.line(line);
        tally.clean();
        if (defects.resend(random)) {
          out.line(line); // the shipper sent the line twice
          tally.duplicate();
        }
      }
    }
    return tally.ledger();
  }

  private String broken(String[] parts, DefectKind defect) {
    String[] copy = parts.clone();
    switch (defect) {
      case UNPARSEABLE_LOG -> {
        tally.defect(defect, Outcome.quarantined(Stage.PARSE, "parse.log_pattern"));
        return TRACE[random.nextInt(TRACE.length)];
      }
      case MISSING -> {
        copy[7] = "req=";
        tally.defect(defect, Outcome.quarantined(Stage.VALIDATE, "request_id.not_null"));
      }
      case MALFORMED -> {
        copy[0] = "2026-06-31T25:00:00Z";
        tally.defect(defect, Outcome.quarantined(Stage.STANDARDIZE, "standardize.timestamp"));
      }
      case OUT_OF_RANGE -> {
        copy[5] = "999";
        tally.defect(defect, Outcome.quarantined(Stage.VALIDATE, "status_code.range"));
      }
      case BAD_ENCODING -> {
        copy[4] = LineSink.badlyEncoded(copy[4]);
        tally.defect(defect, Outcome.quarantined(Stage.PARSE, "parse.encoding"));
      }
      default -> throw new IllegalStateException("server logs get no " + defect);
    }
    return String.join(" ", copy);
  }
}
