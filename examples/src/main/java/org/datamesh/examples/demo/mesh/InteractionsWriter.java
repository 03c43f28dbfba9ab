package org.datamesh.examples.demo.mesh;

import java.io.Closeable;
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
 * Writes {@code interactions.jsonl}, about two events per order, as {@link SalesWriter} hands it
 * each order: views of the basket's products before the order, an add-to-cart, a search, and,
 * for some delivered orders, feedback with a rating days later. An order of an unknown customer
 * (an orphan order) has no events. Orphan events (an unknown customer) are published with a
 * warning, since the relationship to {@code crm/customers} is a warning.
 */
final class InteractionsWriter implements Closeable {

  static final String FILE = "interactions.jsonl";

  private static final Set<DefectKind> DEFECTS =
      EnumSet.of(DefectKind.MISSING, DefectKind.MALFORMED, DefectKind.OUT_OF_RANGE, DefectKind.ORPHAN, DefectKind.BAD_ENCODING);
  private static final String[] COMMENTS = {
    "Great quality", "Arrived late", "As described", "Would buy again", "Packaging was damaged", ""};

  private final MeshDefects defects;
  private final SplittableRandom random;
  private final LineSink out;
  private final TableTally tally = new TableTally("interactions", FILE);
  private final Instant end = MeshCalendar.TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();
  private long events;
  private long orphans;

  InteractionsWriter(MeshWorld world, MeshDefects defects, Path dir) throws IOException {
    this.defects = defects;
    this.random = MeshWorld.stream(world.seed(), 5);
    this.out = LineSink.create(dir.resolve(FILE));
  }

  /** Writes the events around {@code order}; none for an order of an unknown customer. */
  void forOrder(WorldOrder order, boolean unknownCustomer) throws IOException {
    if (unknownCustomer) {
      return;
    }
    String channel = order.channel().equals("store") ? (random.nextBoolean() ? "web" : "mobile") : order.channel();
    for (WorldOrder.Line line : order.lines()) {
      if (random.nextDouble() < 0.5) {
        event(order, channel, "view", line.product().id(), order.orderTs().minusSeconds(300 + random.nextInt(10_000)), null);
      }
    }
    if (random.nextDouble() < 0.3) {
      WorldProduct product = order.lines().get(0).product();
      event(order, channel, "add_to_cart", product.id(), order.orderTs().minusSeconds(60 + random.nextInt(1800)), null);
    }
    if (random.nextDouble() < 0.25) {
      event(order, channel, "search", null, order.orderTs().minusSeconds(600 + random.nextInt(18_000)), null);
    }
    Instant later = order.orderTs().plusSeconds(3 * 86_400 + random.nextInt(6 * 86_400));
    if (order.status().equals("DELIVERED") && random.nextDouble() < 0.12 && later.isBefore(end)) {
      int rating = Math.max(1, Math.min(5, 4 + (int) Math.round(random.nextGaussian())));
      String feedback =
          Json.object().integer("rating", rating).string("comment", COMMENTS[random.nextInt(COMMENTS.length)]).toString();
      event(order, channel, "feedback", order.lines().get(0).product().id(), later, feedback);
    }
  }

  private void event(WorldOrder order, String channel, String type, String product, Instant at, String feedback)
      throws IOException {
    String id = String.format(Locale.ROOT, "EVT-%09d", ++events);
    String customer = MeshWorld.customerId(order.customer());
    String written = random.nextInt(20) == 0 ? channel.toUpperCase(Locale.ROOT) : channel;
    String os = channel.equals("mobile") ? (random.nextBoolean() ? "ios" : "android") : (random.nextBoolean() ? "windows" : "macos");
    String version = channel.equals("mobile") ? "5." + random.nextInt(4) + "." + random.nextInt(10) : null;
    String ts = at.toString();
    DefectKind defect = defects.draw(random, DEFECTS);
    Outcome outcome = null;
    if (defect != null) {
      switch (defect) {
        case MISSING -> {
          customer = null;
          outcome = Outcome.quarantined(Stage.VALIDATE, "customer_id.not_null");
        }
        case MALFORMED -> {
          ts = "yesterday evening";
          outcome = Outcome.quarantined(Stage.STANDARDIZE, "standardize.timestamp");
        }
        case OUT_OF_RANGE -> {
          type = "feedback";
          feedback = Json.object().integer("rating", random.nextBoolean() ? 0 : 6).string("comment", "").toString();
          outcome = Outcome.quarantined(Stage.VALIDATE, "feedback.rating.range");
        }
        case ORPHAN -> {
          customer = MeshWorld.unknownCustomerId(orphans++);
          outcome = Outcome.warned("interactions.customer_id.relationship");
        }
        case BAD_ENCODING -> {
          os = LineSink.badlyEncoded(os);
          outcome = Outcome.quarantined(Stage.PARSE, "parse.encoding");
        }
        default -> throw new IllegalStateException("interactions get no " + defect);
      }
    }
    String line =
        Json.object()
            .string("event_id", id).string("customer_id", customer).string("event_ts", ts)
            .string("channel", written).string("event_type", type).string("product_id", product)
            .raw("device", Json.object().string("os", os).string("app_version", version).toString())
            .raw("feedback", feedback == null ? "null" : feedback)
            .toString();
    out.line(line);
    if (outcome != null) {
      tally.defect(defect, outcome);
    } else {
      tally.clean();
      if (defects.resend(random)) {
        out.line(line); // the tracker sent the event twice
        tally.duplicate();
      }
    }
  }

  TableLedger ledger() {
    return tally.ledger();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
