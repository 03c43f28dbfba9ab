package org.datamesh.examples.demo.mesh;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planted signal is there to be found at the default size: weekly season and trend in
 * demand, bundles, customers loyal to families, slow sea lanes, buffered and lean warehouses,
 * severe weather in the forecast.
 */
class MeshSignalTest {

  @TempDir static Path dir;
  private static MeshSales sales;

  @BeforeAll
  static void write() throws Exception {
    MeshSampleGenerator.write(dir, MeshSize.defaults(), MeshDefects.none(), 42);
    sales = MeshSales.read(dir);
  }

  @Test
  void weekendsSellMoreThanWeekdays() {
    double[] perWeekday = new double[7];
    for (double[] days : sales.dailyDemand().values()) {
      for (int t = 0; t < days.length; t++) {
        perWeekday[MeshCalendar.day(t).getDayOfWeek().getValue() - 1] += days[t];
      }
    }
    double weekend = (perWeekday[5] + perWeekday[6]) / 2;
    double midweek = (perWeekday[0] + perWeekday[1] + perWeekday[2] + perWeekday[3]) / 4;
    assertThat(weekend / midweek, greaterThan(1.3));
  }

  @Test
  void ordersGrowOverTheHalfYear() {
    long first = sales.orders.stream().filter(o -> o.day() < 28).count();
    long last = sales.orders.stream().filter(o -> o.day() >= MeshCalendar.DAYS - 28).count();
    assertThat((double) last / first, greaterThan(1.15));
  }

  @Test
  void mostProductsSellAtLeastThreeUnitsOnATypicalDay() {
    long enough = sales.dailyDemand().values().stream()
        .filter(days -> java.util.Arrays.stream(days).sorted().toArray()[days.length / 2] >= 3)
        .count();
    assertThat((double) enough / sales.dailyDemand().size(), greaterThan(0.8));
  }

  @Test
  void bundlesAreBoughtTogetherFarMoreOftenThanByChance() {
    for (List<String> pair : List.of(List.of("PRD-0001", "PRD-0002"), List.of("PRD-0003", "PRD-0004"))) {
      double a = 0;
      double b = 0;
      double both = 0;
      for (MeshSales.Order o : sales.orders) {
        boolean hasA = o.products().containsKey(pair.get(0));
        boolean hasB = o.products().containsKey(pair.get(1));
        a += hasA ? 1 : 0;
        b += hasB ? 1 : 0;
        both += hasA && hasB ? 1 : 0;
      }
      double n = sales.orders.size();
      assertThat(pair.toString(), (both / n) / ((a / n) * (b / n)), greaterThan(5.0));
    }
  }

  @Test
  void customersBuyMostlyFromTheirFavouriteFamily() {
    int perFamily = MeshSize.defaults().productsPerFamily();
    Map<String, int[]> families = new HashMap<>();
    for (MeshSales.Order o : sales.orders) {
      int[] counts = families.computeIfAbsent(o.customer(), k -> new int[ProductFamily.values().length]);
      for (String p : o.products().keySet()) {
        counts[(Integer.parseInt(p.substring(4)) - 1) / perFamily]++;
      }
    }
    double share = 0;
    int customers = 0;
    for (int[] counts : families.values()) {
      int total = java.util.Arrays.stream(counts).sum();
      if (total >= 6) {
        share += (double) java.util.Arrays.stream(counts).max().getAsInt() / total;
        customers++;
      }
    }
    assertThat(customers, greaterThan(500));
    assertThat(share / customers, greaterThan(0.5)); // one family in eight: 0.125 by chance
  }

  @Test
  void seaLanesAreLateAndAirLanesOnTime() throws Exception {
    Map<String, double[]> delays = new HashMap<>();
    List<String> rows = Files.readAllLines(dir.resolve("shipments.csv"), StandardCharsets.UTF_8);
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",", -1);
      if (!f[7].isEmpty()) {
        double[] sum = delays.computeIfAbsent(f[3].toUpperCase(java.util.Locale.ROOT), k -> new double[2]);
        sum[0] += ChronoUnit.DAYS.between(LocalDate.parse(f[6]), LocalDate.parse(f[7]));
        sum[1]++;
      }
    }
    assertThat(delays.get("SEA-ROTTERDAM")[0] / delays.get("SEA-ROTTERDAM")[1], greaterThan(3.0));
    assertThat(delays.get("AIR-CN")[0] / delays.get("AIR-CN")[1], lessThan(1.0));
  }

  @Test
  void theBufferedWarehouseHoldsFarMoreCoverThanTheLeanOne() throws Exception {
    Map<String, double[]> cover = new HashMap<>();
    List<String> rows = Files.readAllLines(dir.resolve("inventory.csv"), StandardCharsets.UTF_8);
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      double[] sum = cover.computeIfAbsent(f[1], k -> new double[2]);
      sum[0] += Double.parseDouble(f[4]);
      sum[1] += Double.parseDouble(f[5]);
    }
    double buffered = cover.get("WH-02")[0] / cover.get("WH-02")[1];
    double lean = cover.get("WH-01")[0] / cover.get("WH-01")[1];
    assertThat(buffered / lean, greaterThan(4.0));
  }

  @Test
  void theForecastHoldsSevereDaysInTheNorthAndTheEast() throws Exception {
    long north = Files.readAllLines(dir.resolve("weather.jsonl"), StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains("\"kind\":\"forecast\"") && l.toLowerCase(java.util.Locale.ROOT).contains("\"region\":\"north\"")
            && l.contains("\"severe\":true"))
        .count();
    assertThat(north, greaterThanOrEqualTo(2L));
  }
}
