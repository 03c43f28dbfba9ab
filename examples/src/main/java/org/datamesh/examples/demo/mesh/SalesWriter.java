package org.datamesh.examples.demo.mesh;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.datamesh.core.failure.Stage;

/**
 * Writes {@code orders.csv} and {@code order_lines.csv} in one pass over the history, handing
 * each order to the {@link InteractionsWriter} too; only the current order and a few re-sent ones
 * are held.
 *
 * <p>How lines are counted: a quarantined order (any defect, the orphan of an unknown customer
 * included) keeps its lines, all clean, and each of them is quarantined by the relationship
 * {@code order_lines.order_id.relationship}: {@link TableLedger#orphanedByParent()} counts them,
 * not {@link TableLedger#injected}. Line defects and re-sent lines are drawn for lines of clean
 * orders only, so each quarantined line breaks exactly one rule. A re-sent order (an older
 * version, status PLACED and {@code updated_at} at its placing) is written some orders later;
 * its lines are not repeated.
 */
final class SalesWriter {

  static final String ORDERS = "orders.csv";
  static final String LINES = "order_lines.csv";

  private static final Set<DefectKind> ORDER_DEFECTS =
      EnumSet.of(DefectKind.MISSING, DefectKind.MALFORMED, DefectKind.OUT_OF_RANGE, DefectKind.ORPHAN, DefectKind.BAD_ENCODING);
  private static final Outcome ORPHANED_LINE =
      Outcome.quarantined(Stage.VALIDATE, "order_lines.order_id.relationship");
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int RESEND_DELAY = 40;

  private final MeshWorld world;
  private final MeshDefects defects;
  private final SplittableRandom random;
  private final TableTally orders = new TableTally("orders", ORDERS);
  private final TableTally lines = new TableTally("order_lines", LINES);
  private long orphans;
  private long lostOrders;

  SalesWriter(MeshWorld world, MeshDefects defects) {
    this.world = world;
    this.defects = defects;
    this.random = MeshWorld.stream(world.seed(), 4);
  }

  /** Writes both files and the interactions; returns the orders' and the lines' ledgers. */
  List<TableLedger> write(Path dir, InteractionsWriter interactions) throws IOException {
    OrderMaker maker = new OrderMaker(world);
    Deque<Object[]> pending = new ArrayDeque<>();
    try (LineSink orderOut = LineSink.create(dir.resolve(ORDERS));
        LineSink lineOut = LineSink.create(dir.resolve(LINES))) {
      orderOut.line("order_id,customer_id,order_ts,updated_at,status,channel,currency,amount");
      lineOut.line("order_id,line_no,product_id,quantity,unit_price");
      for (int day = 0; day < MeshCalendar.DAYS; day++) {
        for (int k = 0; k < maker.ordersOn(day); k++) {
          WorldOrder order = maker.next(day);
          DefectKind defect = defects.draw(random, ORDER_DEFECTS);
          String[] row = row(order);
          if (defect == null) {
            orderOut.line(Csv.line(row));
            orders.clean();
            if (defects.resend(random)) {
              String[] older = row.clone();
              older[3] = order.orderTs().toString();
              older[4] = "PLACED";
              pending.add(new Object[] {order.number() + RESEND_DELAY, Csv.line(older)});
            }
          } else {
            orderOut.line(Csv.line(broken(row, defect)));
          }
          writeLines(lineOut, order, defect != null);
          interactions.forOrder(order, defect == DefectKind.ORPHAN);
          while (!pending.isEmpty() && (long) pending.peek()[0] <= order.number()) {
            orderOut.line((String) pending.poll()[1]);
            orders.duplicate();
          }
        }
      }
      for (Object[] late : pending) {
        orderOut.line((String) late[1]);
        orders.duplicate();
      }
    }
    return List.of(orders.ledger(), lines.ledger());
  }

  private String[] row(WorldOrder order) {
    double c = random.nextDouble();
    String currency = c < 0.85 ? "EUR" : c < 0.95 ? "eur" : "Eur";
    String channel = random.nextInt(20) == 0 ? order.channel().toUpperCase(Locale.ROOT) : order.channel();
    String status = random.nextInt(20) == 0 ? order.status().toLowerCase(Locale.ROOT) : order.status();
    return new String[] {
      order.id(), MeshWorld.customerId(order.customer()), timestamp(order.orderTs()),
      order.updatedAt().toString(), status, channel, currency, order.amount().toPlainString()
    };
  }

  /** The same instant in one of the forms exports use: UTC, with an offset, or without a zone (UTC). */
  private String timestamp(Instant at) {
    int form = random.nextInt(10);
    if (form < 5) {
      return at.toString();
    }
    if (form < 8) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.ofHours(form - 4)));
    }
    return LOCAL.format(at);
  }

  private String[] broken(String[] row, DefectKind defect) {
    String[] copy = row.clone();
    switch (defect) {
      case MISSING -> {
        copy[1] = "";
        orders.defect(defect, Outcome.quarantined(Stage.VALIDATE, "customer_id.not_null"));
      }
      case MALFORMED -> {
        copy[2] = "31/06/2026 25:61";
        orders.defect(defect, Outcome.quarantined(Stage.STANDARDIZE, "standardize.timestamp"));
      }
      case OUT_OF_RANGE -> {
        copy[7] = "-" + copy[7];
        orders.defect(defect, Outcome.quarantined(Stage.VALIDATE, "amount.range"));
      }
      case ORPHAN -> {
        copy[1] = MeshWorld.unknownCustomerId(orphans++);
        orders.defect(defect, Outcome.quarantined(Stage.VALIDATE, "orders.customer_id.relationship"));
      }
      case BAD_ENCODING -> {
        copy[5] = LineSink.badlyEncoded(copy[5]);
        orders.defect(defect, Outcome.quarantined(Stage.PARSE, "parse.encoding"));
      }
      default -> throw new IllegalStateException("orders get no " + defect);
    }
    return copy;
  }

  private void writeLines(LineSink out, WorldOrder order, boolean orderQuarantined) throws IOException {
    int lineNo = 0;
    for (WorldOrder.Line line : order.lines()) {
      String[] row = {
        order.id(), Integer.toString(++lineNo),
        random.nextInt(25) == 0 ? " " + line.product().id().toLowerCase(Locale.ROOT) : line.product().id(),
        Integer.toString(line.quantity()), WorldOrder.unitPrice(line.product()).toPlainString()
      };
      if (orderQuarantined) {
        out.line(Csv.line(row));
        lines.orphanedByParent(ORPHANED_LINE);
        continue;
      }
      DefectKind defect = defects.draw(random, ORDER_DEFECTS);
      if (defect != null) {
        out.line(Csv.line(brokenLine(row, defect)));
        continue;
      }
      out.line(Csv.line(row));
      lines.clean();
      if (defects.resend(random)) {
        out.line(Csv.line(row));
        lines.duplicate();
      }
    }
  }

  private String[] brokenLine(String[] row, DefectKind defect) {
    String[] copy = row.clone();
    switch (defect) {
      case MISSING -> {
        copy[2] = "";
        lines.defect(defect, Outcome.quarantined(Stage.VALIDATE, "product_id.not_null"));
      }
      case MALFORMED -> {
        copy[3] = "two";
        lines.defect(defect, Outcome.quarantined(Stage.PARSE, "parse.number"));
      }
      case OUT_OF_RANGE -> {
        copy[3] = "0";
        lines.defect(defect, Outcome.quarantined(Stage.VALIDATE, "quantity.range"));
      }
      case ORPHAN -> {
        copy[0] = "ORD-LOST-" + (++lostOrders);
        lines.defect(defect, ORPHANED_LINE);
      }
      case BAD_ENCODING -> {
        copy[2] = LineSink.badlyEncoded(copy[2]);
        lines.defect(defect, Outcome.quarantined(Stage.PARSE, "parse.encoding"));
      }
      default -> throw new IllegalStateException("lines get no " + defect);
    }
    return copy;
  }
}
