package org.datamesh.examples.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The latency phase of a {@code kafka-stream} run: once the backlog is drained, fresh valid orders
 * (each of a new id) go to the input topic at half the drain's rate, paced by the clock; each
 * one's latency runs from just before its send to the receipt of its output record.
 *
 * <pre>{@code
 * StreamFigures figures =
 *     LatencyProbe.measure(outputs, topics, backlog, drainSeconds, crashed);
 * }</pre>
 */
final class LatencyProbe {

  /**
   * How long fresh orders are sent at half the sustained rate: 10 s ({@code
   * -Ddatamesh.bench.latencySeconds}, as above).
   */
  static final Duration PHASE =
      Duration.ofSeconds(Integer.getInteger("datamesh.bench.latencySeconds", 10));

  /** The most the latency phase sends, however fast the drain was. */
  private static final long MOST_LATENCY_RECORDS = 100_000;

  /** Fresh order ids of the latency phase: longer than the generator's, so never one of its. */
  private static final String FRESH_ID = "ORD-9%09d";

  private LatencyProbe() {}

  /**
   * Sends fresh orders at half the drain's rate for {@link #PHASE} and reads their outputs from
   * {@code outputs}, which is past the backlog's: the figures of the whole measurement. Every
   * fresh order must come out once, and nothing else may.
   */
  static StreamFigures measure(
      KafkaConsumer<String, String> outputs,
      StreamTopics topics,
      long backlog,
      double drainSeconds,
      AtomicReference<Throwable> crashed)
      throws IOException, InterruptedException {
    double rate = backlog / drainSeconds / 2;
    int count =
        (int) Math.max(100, Math.min(MOST_LATENCY_RECORDS, rate * PHASE.toSeconds()));
    AtomicLongArray sentNanos = new AtomicLongArray(count);
    AtomicReference<Throwable> sendFailed = new AtomicReference<>();
    Thread sender =
        new Thread(() -> send(topics, rate, sentNanos, sendFailed), "latency-sender");
    sender.setDaemon(true);
    sender.start();

    double[] latencies = new double[count];
    boolean[] seen = new boolean[count];
    int received = 0;
    long giveUp = Long.MAX_VALUE;
    while (received < count) {
      KafkaStreamMeasurement.failIfCrashed(crashed);
      KafkaStreamMeasurement.failIfCrashed(sendFailed);
      if (!sender.isAlive() && giveUp == Long.MAX_VALUE) {
        giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      }
      if (System.nanoTime() > giveUp) {
        throw new IOException(
            String.format(
                Locale.ROOT,
                "%,d of the %,d orders sent after the backlog came out within 60 s of the last"
                    + " send",
                received, count));
      }
      for (ConsumerRecord<String, String> record : outputs.poll(Duration.ofMillis(20))) {
        long now = System.nanoTime();
        int fresh = freshIndex(record.key());
        if (!record.topic().equals(topics.out()) || fresh < 0 || fresh >= count) {
          // an output of the backlog after the quiet time, or a fresh order quarantined
          throw new IOException(
              "after the backlog was drained, " + record.topic() + " received " + record.key()
                  + ", which is not a fresh order's output");
        }
        if (!seen[fresh]) {
          seen[fresh] = true;
          latencies[received++] = (now - sentNanos.get(fresh)) / 1e6;
        }
      }
    }
    return new StreamFigures(
        backlog,
        drainSeconds,
        rate,
        count,
        StreamFigures.quantile(latencies.clone(), 0.5),
        StreamFigures.quantile(latencies.clone(), 0.99));
  }

  /** Sends the fresh orders at {@code rate} per second, paced by the clock, not in bursts. */
  private static void send(
      StreamTopics topics, double rate, AtomicLongArray sentNanos, AtomicReference<Throwable> failed) {
    // No linger: a record is sent as soon as it is handed over, as a live source would.
    Properties settings = topics.producer(0);
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
      long start = System.nanoTime();
      double interval = 1e9 / rate;
      for (int i = 0; i < sentNanos.length(); i++) {
        long due = start + (long) (i * interval);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        String id = String.format(Locale.ROOT, FRESH_ID, i);
        sentNanos.set(i, System.nanoTime());
        producer.send(
            new ProducerRecord<>(topics.in(), id, freshOrder(id)),
            (metadata, error) -> {
              if (error != null) {
                failed.compareAndSet(null, error);
              }
            });
      }
      producer.flush();
    } catch (RuntimeException e) {
      failed.compareAndSet(null, e);
    }
  }

  /** A valid order in the export's columns, which every rule of the orders contract passes. */
  static String freshOrder(String id) {
    return id + ",C-1,2024-09-06T11:02:15+02:00,2024-09-06T13:38:15Z,10.00,EUR,SHIPPED,1";
  }

  /** The index of a fresh order's id, or -1 for any other key. */
  private static int freshIndex(String key) {
    if (key == null || key.length() != 14 || !key.startsWith("ORD-9")) {
      return -1;
    }
    try {
      return Integer.parseInt(key.substring(5));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
