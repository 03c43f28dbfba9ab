package org.datamesh.examples.demo.mesh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The orders and lines of a mesh read back as a test needs them: per order its customer, UTC day
 * index and products with quantities. Defective rows are skipped roughly (those that do not
 * read), which is close enough to what a run publishes for measuring signal.
 */
final class MeshSales {

  record Order(String id, String customer, int day, String status, Map<String, Integer> products) {}

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  final List<Order> orders = new ArrayList<>();

  static MeshSales read(Path dir) throws IOException {
    MeshSales sales = new MeshSales();
    Map<String, Map<String, Integer>> lines = new HashMap<>();
    List<String> lineRows = rows(dir.resolve("order_lines.csv"));
    for (String row : lineRows.subList(1, lineRows.size())) {
      String[] f = row.split(",", -1);
      String product = f[2].trim().toUpperCase(java.util.Locale.ROOT);
      if (product.matches("PRD-[0-9]{4}") && f[3].matches("[1-9][0-9]*")) {
        lines.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(product, Integer.parseInt(f[3]));
      }
    }
    Set<String> seen = new HashSet<>();
    List<String> orderRows = rows(dir.resolve("orders.csv"));
    for (String row : orderRows.subList(1, orderRows.size())) {
      String[] f = row.split(",", -1);
      if (!f[1].startsWith("CUST-") || !f[2].startsWith("2026-") || lines.get(f[0]) == null || !seen.add(f[0])) {
        continue; // missing customer, unreadable time, no lines, re-sent
      }
      LocalDate day = utc(f[2]);
      sales.orders.add(
          new Order(f[0], f[1], (int) ChronoUnit.DAYS.between(MeshCalendar.FIRST_DAY, day),
              f[4].toUpperCase(java.util.Locale.ROOT), lines.get(f[0])));
    }
    return sales;
  }

  private static List<String> rows(Path file) throws IOException {
    return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
  }

  private static LocalDate utc(String ts) {
    if (ts.indexOf('T') < 0) {
      return java.time.LocalDateTime.parse(ts, LOCAL).toLocalDate();
    }
    return OffsetDateTime.parse(ts).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
  }

  /** Units per product per day index, over orders not cancelled. */
  Map<String, double[]> dailyDemand() {
    Map<String, double[]> demand = new HashMap<>();
    for (Order order : orders) {
      if (order.status().equals("CANCELLED")) {
        continue;
      }
      order.products().forEach(
          (p, q) -> demand.computeIfAbsent(p, k -> new double[MeshCalendar.DAYS])[order.day()] += q);
    }
    return demand;
  }
}
