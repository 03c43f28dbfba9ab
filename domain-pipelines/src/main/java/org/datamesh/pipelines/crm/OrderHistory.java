package org.datamesh.pipelines.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.BigDecimalCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

/**
 * What one customer's orders add up to: how many count, their value, the first and last order
 * time and the orders per channel. Only orders whose status is not {@code CANCELLED} count.
 *
 * <pre>{@code
 * PCollection<KV<String, OrderHistory>> histories =
 *     ordersByCustomer.apply(Combine.perKey(OrderHistory.combine()));
 * }</pre>
 *
 * <p>Money stays exact: amounts are summed as {@link BigDecimal} at scale {@value #SCALE}; the
 * average is rounded half-even to that scale.
 */
final class OrderHistory {

  /** The scale of every amount the crm products publish. */
  static final int SCALE = 4;

  static final String CANCELLED = "CANCELLED";

  private long count;
  private BigDecimal value = BigDecimal.ZERO.setScale(SCALE);
  private long firstMicros = Long.MAX_VALUE;
  private long lastMicros = Long.MIN_VALUE;
  // Sorted, so ties and merges never depend on hash order.
  private final TreeMap<String, Long> channels = new TreeMap<>();

  /** Encodes a history field by field (Java serialization would be slower and larger). */
  static final Coder<OrderHistory> CODER = new HistoryCoder();

  /** Whether {@code order} counts towards a customer's history: it was not cancelled. */
  static boolean counts(Row order) {
    return !CANCELLED.equals(order.getString("status"));
  }

  /** Adds one order that counts. */
  OrderHistory add(Row order) {
    count++;
    value = value.add(order.getDecimal("amount")).setScale(SCALE, RoundingMode.HALF_EVEN);
    long at = DataTypes.epochMicros(order.getValue("order_ts"));
    firstMicros = Math.min(firstMicros, at);
    lastMicros = Math.max(lastMicros, at);
    channels.merge(order.getString("channel"), 1L, Long::sum);
    return this;
  }

  OrderHistory merge(OrderHistory other) {
    count += other.count;
    value = value.add(other.value);
    firstMicros = Math.min(firstMicros, other.firstMicros);
    lastMicros = Math.max(lastMicros, other.lastMicros);
    other.channels.forEach((channel, n) -> channels.merge(channel, n, Long::sum));
    return this;
  }

  long count() {
    return count;
  }

  BigDecimal value() {
    return value;
  }

  /** The mean order value, rounded half-even to {@value #SCALE} decimals; null without orders. */
  @Nullable BigDecimal averageValue() {
    return count == 0
        ? null
        : value.divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_EVEN);
  }

  java.time.@Nullable Instant first() {
    return count == 0 ? null : DataTypes.ofEpochMicros(firstMicros);
  }

  java.time.@Nullable Instant last() {
    return count == 0 ? null : DataTypes.ofEpochMicros(lastMicros);
  }

  /** The channel with most orders, the alphabetically first among equals; null without orders. */
  @Nullable String preferredChannel() {
    String best = null;
    long most = 0;
    for (Map.Entry<String, Long> channel : channels.entrySet()) {
      // Strictly more: an equal count later in the sorted map never replaces the earlier name.
      if (channel.getValue() > most) {
        best = channel.getKey();
        most = channel.getValue();
      }
    }
    return best;
  }

  /** Combines a customer's orders that count (filter with {@link #counts} first). */
  static Combine.CombineFn<Row, OrderHistory, OrderHistory> combine() {
    return new CombineOrders();
  }

  private static final class CombineOrders
      extends Combine.CombineFn<Row, OrderHistory, OrderHistory> {
    @Override
    public OrderHistory createAccumulator() {
      return new OrderHistory();
    }

    @Override
    public OrderHistory addInput(OrderHistory history, Row order) {
      return history.add(order);
    }

    @Override
    public OrderHistory mergeAccumulators(Iterable<OrderHistory> histories) {
      OrderHistory merged = new OrderHistory();
      for (OrderHistory history : histories) {
        merged.merge(history);
      }
      return merged;
    }

    @Override
    public OrderHistory extractOutput(OrderHistory history) {
      return history;
    }

    @Override
    public Coder<OrderHistory> getAccumulatorCoder(CoderRegistry registry, Coder<Row> input) {
      return CODER;
    }

    @Override
    public Coder<OrderHistory> getDefaultOutputCoder(CoderRegistry registry, Coder<Row> input) {
      return CODER;
    }
  }

  private static final class HistoryCoder extends CustomCoder<OrderHistory> {
    private static final Coder<Long> LONG = VarLongCoder.of();
    private static final Coder<Map<String, Long>> CHANNELS =
        MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());

    @Override
    public void encode(OrderHistory history, OutputStream out) throws IOException {
      LONG.encode(history.count, out);
      BigDecimalCoder.of().encode(history.value, out);
      LONG.encode(history.firstMicros, out);
      LONG.encode(history.lastMicros, out);
      CHANNELS.encode(history.channels, out);
    }

    @Override
    public OrderHistory decode(InputStream in) throws IOException {
      OrderHistory history = new OrderHistory();
      history.count = LONG.decode(in);
      history.value = BigDecimalCoder.of().decode(in);
      history.firstMicros = LONG.decode(in);
      history.lastMicros = LONG.decode(in);
      history.channels.putAll(CHANNELS.decode(in));
      return history;
    }

    @Override
    public void verifyDeterministic() {}
  }
}
