package org.datamesh.examples.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Varied records for profiling round trips, the same records as CSV and as JSON lines: ids,
 * UUIDs, e-mail addresses, amounts with two decimals, negative and missing balances, ISO and
 * dd.MM.yyyy dates, timestamps with offsets, booleans, a small enumeration, codes with leading
 * zeros, country codes and nullable Unicode text.
 */
final class ProfiledData {

  static final String[] STATUSES = {"new", "paid", "shipped", "cancelled"};
  private static final String[] COUNTRIES = {"FR", "DE", "JP", "BR", "CA"};
  private static final String[] NOTES = {
    "Livraison à domicile", "東京都渋谷区", "gift 🎁 wrapped", "said \"hello\", then left", "naïve café"
  };

  private ProfiledData() {}

  record Order(
      int id,
      String ref,
      String email,
      String amount,
      String balance,
      String day,
      String euDay,
      String at,
      boolean active,
      String status,
      String zip,
      String country,
      String note,
      Integer score) {}

  static List<Order> orders(int count) {
    Random random = new Random(42);
    List<Order> orders = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      int day = 1 + random.nextInt(28);
      int month = 1 + random.nextInt(12);
      String offset = i % 3 == 0 ? "Z" : i % 3 == 1 ? "+01:00" : "-05:30";
      orders.add(
          new Order(
              i,
              new java.util.UUID(random.nextLong(), random.nextLong()).toString(),
              "user" + i + "@example" + (i % 4) + ".org",
              String.format(Locale.ROOT, "%d.%02d", random.nextInt(5000), random.nextInt(100)),
              i % 5 == 0 ? null : String.format(Locale.ROOT, "%.3f", random.nextInt(2000) / 7.0 - 140),
              String.format(Locale.ROOT, "2024-%02d-%02d", month, day),
              String.format(Locale.ROOT, "%02d.%02d.2023", day, month),
              String.format(
                  Locale.ROOT, "2024-%02d-%02dT%02d:%02d:%02d%s",
                  month, day, random.nextInt(24), random.nextInt(60), random.nextInt(60), offset),
              random.nextBoolean(),
              STATUSES[i % STATUSES.length],
              String.format(Locale.ROOT, "%05d", random.nextInt(20000)),
              COUNTRIES[random.nextInt(COUNTRIES.length)],
              i % 4 == 0 ? null : NOTES[i % NOTES.length],
              i % 6 == 0 ? null : random.nextInt(11)));
    }
    return orders;
  }

  static List<String> csv(List<Order> orders) {
    List<String> lines = new ArrayList<>();
    lines.add("id,ref,email,amount,balance,day,eu_day,at,active,status,zip,country,note,score");
    for (Order o : orders) {
      lines.add(
          String.join(
              ",",
              String.valueOf(o.id()),
              o.ref(),
              o.email(),
              o.amount(),
              o.balance() == null ? "" : o.balance(),
              o.day(),
              o.euDay(),
              o.at(),
              String.valueOf(o.active()),
              o.status(),
              o.zip(),
              o.country(),
              o.note() == null ? "" : "\"" + o.note().replace("\"", "\"\"") + "\"",
              o.score() == null ? "" : String.valueOf(o.score())));
    }
    return lines;
  }

  static List<String> jsonLines(List<Order> orders) {
    List<String> lines = new ArrayList<>();
    for (Order o : orders) {
      lines.add(
          "{\"id\":" + o.id()
              + ",\"ref\":\"" + o.ref() + "\""
              + ",\"email\":\"" + o.email() + "\""
              + ",\"amount\":" + o.amount()
              + ",\"balance\":" + (o.balance() == null ? "null" : o.balance())
              + ",\"day\":\"" + o.day() + "\""
              + ",\"at\":\"" + o.at() + "\""
              + ",\"active\":" + o.active()
              + ",\"status\":\"" + o.status() + "\""
              + ",\"zip\":\"" + o.zip() + "\""
              + (o.note() == null ? "" : ",\"note\":\"" + o.note().replace("\"", "\\\"") + "\"")
              + ",\"score\":" + (o.score() == null ? "null" : o.score())
              + ",\"address\":{\"country\":\"" + o.country() + "\",\"zip\":\"" + o.zip() + "\"}"
              + ",\"tags\":[\"" + o.status() + "\"]}");
    }
    return lines;
  }
}
