package org.datamesh.pipelines.sales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.transforms.Min;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.datamesh.core.DataTypes;

/**
 * Daily demand per product from published orders and order lines: the sum of the lines' {@code
 * quantity} per {@code product_id} and UTC day of the order's {@code order_ts}, over orders whose
 * {@code status} is not {@code CANCELLED}. Every product's series runs from the first to the last
 * UTC day of any order (whatever its status), days without sales being 0; a line without its order
 * is left out.
 *
 * <pre>{@code
 * PCollection<DemandSeries> demand = DailyDemand.of(orders).apply(lines);
 * }</pre>
 */
public final class DailyDemand extends PTransform<PCollection<Row>, PCollection<DemandSeries>> {

  /** The status whose lines are not demand. */
  public static final String CANCELLED = "CANCELLED";

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final PCollection<Row> orders;

  private DailyDemand(PCollection<Row> orders) {
    this.orders = orders;
  }

  /** Demand from {@code orders} (the published {@code orders} table), applied to its lines. */
  public static DailyDemand of(PCollection<Row> orders) {
    return new DailyDemand(orders);
  }

  @Override
  public PCollection<DemandSeries> expand(PCollection<Row> lines) {
    PCollection<KV<String, Long>> orderDays =
        orders.apply(
            "OrderDay",
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via(o -> KV.of(o.getString("order_id"), epochDay(o))));
    PCollection<KV<String, Long>> placedDays =
        orders
            .apply("NotCancelled", Filter.by(o -> !CANCELLED.equals(o.getString("status"))))
            .apply(
                "PlacedDay",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                    .via(o -> KV.of(o.getString("order_id"), epochDay(o))));
    PCollection<Long> days = orderDays.apply("Days", Values.create());
    PCollectionView<Long> firstDay =
        days.apply("First", Min.longsGlobally()).apply("FirstView", View.asSingleton());
    PCollectionView<Long> lastDay =
        days.apply("Last", Max.longsGlobally()).apply("LastView", View.asSingleton());

    TupleTag<Long> dayTag = new TupleTag<>();
    TupleTag<KV<String, Long>> lineTag = new TupleTag<>();
    PCollection<KV<String, KV<String, Long>>> keyedLines =
        lines
            .apply(
                "LineByOrder",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(),
                            TypeDescriptors.kvs(
                                TypeDescriptors.strings(), TypeDescriptors.longs())))
                    .via(
                        l ->
                            KV.of(
                                l.getString("order_id"),
                                KV.of(l.getString("product_id"), quantity(l)))))
            .setCoder(
                KvCoder.of(
                    StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
    // Straight to the product: its group sums the days (ZeroFillFn). A sum per (product, day)
    // first made a group, and on the Direct runner a bundle, of every product and day.
    return KeyedPCollectionTuple.of(dayTag, placedDays)
        .and(lineTag, keyedLines)
        .apply("JoinLinesToOrders", CoGroupByKey.create())
        .apply("ProductDay", ParDo.of(new ProductDayFn(dayTag, lineTag)))
        .setCoder(
            KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of())))
        .apply("GroupByProduct", GroupByKey.create())
        .apply(
            "ZeroFill",
            ParDo.of(new ZeroFillFn(firstDay, lastDay)).withSideInputs(firstDay, lastDay))
        .setCoder(SerializableCoder.of(DemandSeries.class));
  }

  static long epochDay(Row order) {
    return Math.floorDiv(
        DataTypes.instant(order.getValue("order_ts")).toEpochMilli(), MILLIS_PER_DAY);
  }

  private static long quantity(Row line) {
    Number quantity = line.getValue("quantity");
    return quantity.longValue();
  }

  /** A line of a kept order becomes (product, (day, quantity)). */
  private static final class ProductDayFn
      extends DoFn<KV<String, CoGbkResult>, KV<String, KV<Long, Long>>> {
    private final TupleTag<Long> dayTag;
    private final TupleTag<KV<String, Long>> lineTag;

    ProductDayFn(TupleTag<Long> dayTag, TupleTag<KV<String, Long>> lineTag) {
      this.dayTag = dayTag;
      this.lineTag = lineTag;
    }

    @ProcessElement
    public void process(
        @Element KV<String, CoGbkResult> joined, OutputReceiver<KV<String, KV<Long, Long>>> out) {
      // Order ids are the published orders' key, so there is one day at most; should a
      // duplicate slip through, the earliest day wins rather than the join failing.
      Long day = null;
      for (Long d : joined.getValue().getAll(dayTag)) {
        day = day == null ? d : Math.min(day, d);
      }
      if (day == null) {
        return; // cancelled, or a line without its order
      }
      for (KV<String, Long> line : joined.getValue().getAll(lineTag)) {
        out.output(KV.of(line.getKey(), KV.of(day, line.getValue())));
      }
    }
  }

  /** A product's (day, quantity) pairs become its series over the whole range of days. */
  private static final class ZeroFillFn
      extends DoFn<KV<String, Iterable<KV<Long, Long>>>, DemandSeries> {
    private final PCollectionView<Long> firstDay;
    private final PCollectionView<Long> lastDay;

    ZeroFillFn(PCollectionView<Long> firstDay, PCollectionView<Long> lastDay) {
      this.firstDay = firstDay;
      this.lastDay = lastDay;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      long first = c.sideInput(firstDay);
      long last = c.sideInput(lastDay);
      Map<Long, Long> byDay = new TreeMap<>();
      for (KV<Long, Long> sale : c.element().getValue()) {
        byDay.merge(sale.getKey(), sale.getValue(), Long::sum);
      }
      List<Long> demand = new ArrayList<>();
      for (long day = first; day <= last; day++) {
        demand.add(byDay.getOrDefault(day, 0L));
      }
      c.output(new DemandSeries(c.element().getKey(), LocalDate.ofEpochDay(first), demand));
    }
  }
}
