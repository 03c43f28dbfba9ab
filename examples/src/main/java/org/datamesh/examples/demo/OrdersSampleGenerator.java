package org.datamesh.examples.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a CSV export of sales orders with defects injected at known rates ({@link Defect}),
 * deterministically for a seed, and returns the {@link SampleLedger} of what a correct pipeline
 * must make of it.
 *
 * <p>Clean orders vary the way real exports do: timestamps with offsets, in UTC, or without a
 * zone; lower-case codes; amounts with more decimals than their currency has. About 2% of clean
 * orders are re-sent later with a newer status (duplicates), about 1% have a bulk quantity.
 */
public final class OrdersSampleGenerator {

  static final double DUPLICATE_RATE = 0.02;
  static final double BULK_RATE = 0.01;

  private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "USD", "USD", "GBP", "JPY", "CHF"};
  private static final String[] STATUSES = {"PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"};
  private static final String[] OFFSETS = {"Z", "+01:00", "+02:00", "-05:00", "+05:30"};
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final long YEAR_START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

  private final Random random;
  private final int orders;

  private OrdersSampleGenerator(int orders, long seed) {
    this.orders = orders;
    this.random = new Random(seed);
  }

  /** Writes {@code orders} orders (plus their re-sent duplicates) to {@code file}. */
  public static SampleLedger write(Path file, int orders, long seed) throws IOException {
    if (orders < 1) {
      throw new IllegalArgumentException("generate at least one order");
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      return new OrdersSampleGenerator(orders, seed).writeTo(out);
    }
  }

  private SampleLedger writeTo(OutputStream out) throws IOException {
    line(out, "order_id,customer_id,order_ts,updated_at,amount,currency,status,quantity");
    Map<Defect, Long> defects = new EnumMap<>(Defect.class);
    List<PendingDuplicate> pending = new ArrayList<>();
    long records = 0;
    long clean = 0;
    long duplicates = 0;
    long bulk = 0;
    for (int i = 1; i <= orders; i++) {
      Defect defect = drawDefect();
      Order order = newOrder(i);
      if (defect == null) {
        clean++;
        if (random.nextDouble() < BULK_RATE) {
          order = order.withQuantity(String.valueOf(101 + random.nextInt(400)));
          bulk++;
        }
        if (random.nextDouble() < DUPLICATE_RATE) {
          pending.add(new PendingDuplicate(i + 1 + random.nextInt(50), order.resent()));
          duplicates++;
          if (Integer.parseInt(order.quantity()) > 100) {
            bulk++; // the re-sent copy is validated too, before deduplication
          }
        }
        out.write(order.csv());
      } else {
        defects.merge(defect, 1L, Long::sum);
        out.write(withDefect(order, defect));
      }
      line(out, "");
      records++;
      for (Iterator<PendingDuplicate> it = pending.iterator(); it.hasNext(); ) {
        PendingDuplicate duplicate = it.next();
        if (duplicate.afterOrder() <= i) {
          out.write(duplicate.order().csv());
          line(out, "");
          records++;
          it.remove();
        }
      }
    }
    for (PendingDuplicate duplicate : pending) {
      out.write(duplicate.order().csv());
      line(out, "");
      records++;
    }
    Map<String, Long> byStage = new TreeMap<>();
    long quarantined = 0;
    for (Map.Entry<Defect, Long> e : defects.entrySet()) {
      byStage.merge(e.getKey().stage.name(), e.getValue(), Long::sum);
      quarantined += e.getValue();
    }
    return new SampleLedger(records, clean, quarantined, duplicates, byStage, bulk);
  }

  private Defect drawDefect() {
    double draw = random.nextDouble();
    double cumulative = 0;
    for (Defect defect : Defect.values()) {
      cumulative += defect.rate;
      if (draw < cumulative) {
        return defect;
      }
    }
    return null;
  }

  private Order newOrder(int number) {
    long seconds = YEAR_START + (long) (random.nextDouble() * 365 * 24 * 3600);
    Instant at = Instant.ofEpochSecond(seconds);
    String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
    String amount =
        currency.equals("JPY")
            ? String.valueOf(100 + random.nextInt(50_000))
            : String.format(
                Locale.ROOT, random.nextInt(10) == 0 ? "%.3f" : "%.2f", 1 + random.nextDouble() * 999);
    String status = STATUSES[random.nextInt(STATUSES.length)];
    return new Order(
        String.format(Locale.ROOT, "ORD-%07d", number),
        "C-" + (1 + random.nextInt(Math.max(1, orders / 5))),
        timestamp(at),
        at.plusSeconds(60L * random.nextInt(600)).toString(),
        amount,
        random.nextInt(10) == 0 ? currency.toLowerCase(Locale.ROOT) : currency,
        random.nextInt(10) == 0 ? status.toLowerCase(Locale.ROOT) : status,
        String.valueOf(1 + random.nextInt(10)));
  }

  /** The same instant in one of the forms exports use. */
  private String timestamp(Instant at) {
    int form = random.nextInt(20);
    if (form < 12) {
      String offset = OFFSETS[random.nextInt(OFFSETS.length)];
      ZoneOffset zone = offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(zone));
    }
    return form < 17 ? LOCAL.format(at) : at.toString();
  }

  private static byte[] withDefect(Order order, Defect defect) {
    switch (defect) {
      case WRONG_COLUMN_COUNT:
        String text = new String(order.csv(), StandardCharsets.UTF_8);
        return text.substring(0, text.lastIndexOf(',')).getBytes(StandardCharsets.UTF_8);
      case UNPARSEABLE_AMOUNT:
        return order.withAmount("\"1,000.00\"").csv();
      case INVALID_UTF8:
        byte[] bytes = order.csv();
        int at = order.orderId().length() + 3; // inside the customer id
        bytes[at] = (byte) 0xFF;
        return bytes;
      case EMPTY_LINE:
        return new byte[0];
      case NEGATIVE_AMOUNT:
        return order.withAmount("-" + order.amount()).csv();
      case MISSING_CUSTOMER:
        return order.withCustomer("").csv();
      case UNKNOWN_STATUS:
        return order.withStatus("MISPLACED").csv();
      case UNREADABLE_TIMESTAMP:
        return order.withOrderTs("31/31/2024 25:00").csv();
      case UNKNOWN_CURRENCY:
        return order.withCurrency("ZZZ").csv();
      default:
        throw new IllegalStateException("unknown defect " + defect);
    }
  }

  private static void line(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.write('\r');
    out.write('\n');
  }

  private record PendingDuplicate(int afterOrder, Order order) {}

  private record Order(
      String orderId,
      String customerId,
      String orderTs,
      String updatedAt,
      String amount,
      String currency,
      String status,
      String quantity) {

    byte[] csv() {
      return String.join(
              ",", orderId, customerId, orderTs, updatedAt, amount, currency, status, quantity)
          .getBytes(StandardCharsets.UTF_8);
    }

    /** The order sent again a day later with a newer status: a duplicate to deduplicate. */
    Order resent() {
      Instant updated = Instant.parse(updatedAt).plusSeconds(24 * 3600);
      return new Order(
          orderId, customerId, orderTs, updated.toString(), amount, currency, "DELIVERED", quantity);
    }

    Order withQuantity(String q) {
      return new Order(orderId, customerId, orderTs, updatedAt, amount, currency, status, q);
    }

    Order withAmount(String a) {
      return new Order(orderId, customerId, orderTs, updatedAt, a, currency, status, quantity);
    }

    Order withCustomer(String c) {
      return new Order(orderId, c, orderTs, updatedAt, amount, currency, status, quantity);
    }

    Order withStatus(String s) {
      return new Order(orderId, customerId, orderTs, updatedAt, amount, currency, s, quantity);
    }

    Order withOrderTs(String t) {
      return new Order(orderId, customerId, t, updatedAt, amount, currency, status, quantity);
    }

    Order withCurrency(String c) {
      return new Order(orderId, customerId, orderTs, updatedAt, amount, c, status, quantity);
    }
  }
}
