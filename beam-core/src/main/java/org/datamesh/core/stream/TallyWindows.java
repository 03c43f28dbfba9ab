package org.datamesh.core.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Counts a stream's messages and their outcomes per fixed event-time window, and reports each
 * window once the watermark has passed its end plus the allowed lateness, then once more for
 * each batch of messages arriving later still ({@link WindowTally}).
 *
 * <p>Beam's own windowing would drop a message later than the allowed lateness from a count; this
 * never does. Each element is counted by its timestamp in the global window, per bundle, and the
 * counts are summed per window by a timer, so a late message is reported in a late pane of its
 * window instead of vanishing. The number of panes a window has reported is kept for the life of
 * the job: a few bytes per window.
 */
final class TallyWindows {

  static final int IN = 0;
  static final int PUBLISHED = 1;
  static final int QUARANTINED = 2;
  static final int DEDUPLICATED = 3;
  /** Not a count of elements: each element is a rule's hits, {@code KV(ruleId, hits)}. */
  static final int WARNINGS = 4;

  /** The last time a report may be timed at: inside the global window. */
  private static final Instant LAST_REPORT = GlobalWindow.INSTANCE.maxTimestamp();

  private TallyWindows() {}

  /**
   * The tallies of the windows of {@code size}, from the four counted collections and the WARN
   * hits ({@code KV(ruleId, hits)}, timestamped like their records).
   */
  static PCollection<WindowTally> of(
      PCollection<?> in,
      PCollection<?> published,
      PCollection<?> quarantined,
      PCollection<?> deduplicated,
      PCollection<KV<String, Long>> warnings,
      Duration size,
      Duration allowedLateness) {
    KvCoder<Long, WindowTally> coder = KvCoder.of(VarLongCoder.of(), WindowTally.Coder.of());
    return PCollectionList.of(count(in, "CountIn", IN, size, coder))
        .and(count(published, "CountPublished", PUBLISHED, size, coder))
        .and(count(quarantined, "CountQuarantined", QUARANTINED, size, coder))
        .and(count(deduplicated, "CountDuplicates", DEDUPLICATED, size, coder))
        .and(count(warnings, "CountWarnings", WARNINGS, size, coder))
        .apply("AllCounts", Flatten.pCollections())
        .apply("SumPerWindow", ParDo.of(new SumFn(allowedLateness)))
        .setCoder(WindowTally.Coder.of());
  }

  private static <T> PCollection<KV<Long, WindowTally>> count(
      PCollection<T> elements, String name, int kind, Duration size, KvCoder<Long, WindowTally> coder) {
    return elements
        .apply(name, ParDo.of(new CountFn<T>(kind, size.getMillis())))
        .setCoder(coder);
  }

  static WindowTally delta(long start, long size, Counts counts) {
    long[] n = counts.elements;
    return new WindowTally(
        new Instant(start),
        new Instant(start + size),
        -1,
        n[IN],
        n[PUBLISHED],
        n[QUARANTINED],
        n[DEDUPLICATED],
        counts.warnings);
  }

  static WindowTally plus(WindowTally a, WindowTally b) {
    TreeMap<String, Long> warnings = new TreeMap<>(a.warnings());
    b.warnings().forEach((rule, hits) -> warnings.merge(rule, hits, Long::sum));
    return new WindowTally(
        a.start(),
        a.end(),
        a.pane(),
        a.in() + b.in(),
        a.published() + b.published(),
        a.quarantined() + b.quarantined(),
        a.deduplicated() + b.deduplicated(),
        warnings);
  }

  /** One window's counts in one bundle. */
  private static final class Counts {
    final long[] elements = new long[4];
    final TreeMap<String, Long> warnings = new TreeMap<>();
  }

  /**
   * Counts one bundle's elements per window start and sends one count per window when the bundle
   * ends, rather than one per element.
   */
  private static final class CountFn<T> extends DoFn<T, KV<Long, WindowTally>> {
    private final int kind;
    private final long size;
    private transient Map<Long, Counts> counts;

    CountFn(int kind, long size) {
      this.kind = kind;
      this.size = size;
    }

    @StartBundle
    public void start() {
      counts = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element T element, @Timestamp Instant timestamp) {
      long start = timestamp.getMillis() - Math.floorMod(timestamp.getMillis(), size);
      Counts window = counts.computeIfAbsent(start, s -> new Counts());
      if (kind == WARNINGS) {
        KV<?, ?> hits = (KV<?, ?>) element;
        window.warnings.merge((String) hits.getKey(), (Long) hits.getValue(), Long::sum);
      } else {
        window.elements[kind]++;
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext context) {
      // Stamped with the window's start: never after an element it counts, so the count is not
      // later than they were, and in the global window nothing is dropped for being late.
      for (Map.Entry<Long, Counts> count : counts.entrySet()) {
        long start = count.getKey();
        context.output(
            KV.of(start, delta(start, size, count.getValue())), new Instant(start), GlobalWindow.INSTANCE);
      }
    }
  }

  /** Sums the counts of each window until its timer reports them as a pane. */
  private static final class SumFn extends DoFn<KV<Long, WindowTally>, WindowTally> {
    private final Duration allowedLateness;

    @StateId("pending")
    private final StateSpec<ValueState<WindowTally>> pending = StateSpecs.value(WindowTally.Coder.of());

    @StateId("panes")
    private final StateSpec<ValueState<Integer>> panes = StateSpecs.value(VarIntCoder.of());

    @TimerId("report")
    private final TimerSpec report = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    SumFn(Duration allowedLateness) {
      this.allowedLateness = allowedLateness;
    }

    @ProcessElement
    public void process(
        @Element KV<Long, WindowTally> count,
        @StateId("pending") ValueState<WindowTally> pendingCounts,
        @TimerId("report") Timer reportTimer) {
      WindowTally sum = pendingCounts.read();
      if (sum == null) {
        // The first count since the last pane: the window reports once the watermark is past its
        // end plus the lateness (at once, for a window reported already).
        Instant report = count.getValue().end().plus(allowedLateness);
        reportTimer.set(report.isAfter(LAST_REPORT) ? LAST_REPORT : report);
        pendingCounts.write(count.getValue());
      } else {
        pendingCounts.write(plus(sum, count.getValue()));
      }
    }

    @OnTimer("report")
    public void report(
        @StateId("pending") ValueState<WindowTally> pendingCounts,
        @StateId("panes") ValueState<Integer> paneCount,
        OutputReceiver<WindowTally> out) {
      WindowTally sum = pendingCounts.read();
      if (sum == null) {
        return;
      }
      Integer reported = paneCount.read();
      int pane = reported == null ? 0 : reported;
      out.output(
          new WindowTally(
              sum.start(),
              sum.end(),
              pane,
              sum.in(),
              sum.published(),
              sum.quarantined(),
              sum.deduplicated(),
              sum.warnings()));
      paneCount.write(pane + 1);
      pendingCounts.clear();
    }
  }
}
