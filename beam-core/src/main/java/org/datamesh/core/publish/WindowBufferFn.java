package org.datamesh.core.publish;

import java.io.IOException;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Keeps the rows of one shard of one window until the watermark passes the window's end plus the
 * allowed lateness, then writes them as one file and forgets them; rows arriving later start the
 * next pane, written at once (the watermark is past its time already).
 */
final class WindowBufferFn extends DoFn<KV<KV<Long, Integer>, Row>, WindowFile> {

  /** The last time a write may be timed at: inside the global window. */
  private static final Instant LAST_WRITE = GlobalWindow.INSTANCE.maxTimestamp();

  private final WindowParquet parquet;
  private final long size;
  private final Duration allowedLateness;

  @StateId("rows")
  private final StateSpec<BagState<Row>> rows;

  @StateId("key")
  private final StateSpec<ValueState<KV<Long, Integer>>> key =
      StateSpecs.value(KvCoder.of(VarLongCoder.of(), VarIntCoder.of()));

  @StateId("waiting")
  private final StateSpec<ValueState<Boolean>> waiting = StateSpecs.value(BooleanCoder.of());

  @StateId("panes")
  private final StateSpec<ValueState<Integer>> panes = StateSpecs.value(VarIntCoder.of());

  @TimerId("write")
  private final TimerSpec write = TimerSpecs.timer(TimeDomain.EVENT_TIME);

  WindowBufferFn(
      Coder<Row> rowCoder, WindowParquet parquet, Duration window, Duration allowedLateness) {
    this.rows = StateSpecs.bag(rowCoder);
    this.parquet = parquet;
    this.size = window.getMillis();
    this.allowedLateness = allowedLateness;
  }

  @ProcessElement
  public void process(
      @Element KV<KV<Long, Integer>, Row> element,
      @StateId("rows") BagState<Row> buffered,
      @StateId("key") ValueState<KV<Long, Integer>> windowAndShard,
      @StateId("waiting") ValueState<Boolean> waitingForTimer,
      @TimerId("write") Timer writeTimer) {
    buffered.add(element.getValue());
    if (!Boolean.TRUE.equals(waitingForTimer.read())) {
      Instant due = new Instant(element.getKey().getKey() + size).plus(allowedLateness);
      writeTimer.set(due.isAfter(LAST_WRITE) ? LAST_WRITE : due);
      waitingForTimer.write(true);
      windowAndShard.write(element.getKey());
    }
  }

  @OnTimer("write")
  public void onWrite(
      @StateId("rows") BagState<Row> buffered,
      @StateId("key") ValueState<KV<Long, Integer>> windowAndShard,
      @StateId("waiting") ValueState<Boolean> waitingForTimer,
      @StateId("panes") ValueState<Integer> paneCount,
      OutputReceiver<WindowFile> out)
      throws IOException {
    KV<Long, Integer> at = windowAndShard.read();
    Iterable<Row> pending = buffered.read();
    waitingForTimer.clear();
    if (at == null || !pending.iterator().hasNext()) {
      return;
    }
    Integer written = paneCount.read();
    int pane = written == null ? 0 : written;
    long start = at.getKey();
    out.output(parquet.write(start, start + size, pane, at.getValue(), pending));
    paneCount.write(pane + 1);
    buffered.clear();
  }
}
