package org.datamesh.core.stream;

import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.parse.Message;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.quality.TableQuality;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * A stream's dataset checks per event-time window: the spec's checks (a {@code DatasetChecks} in
 * practice) applied to each window's messages, published rows, failures and duplicates, judged
 * once when the watermark passes the window's end plus the allowed lateness.
 *
 * <p>How "end plus lateness" is had with Beam's plain event-time trigger: every element's
 * timestamp is moved {@code lateness} later and the windows are offset by as much, so a window
 * {@code [s, e)} of event time is judged as {@code [s + lateness, e + lateness)} and fires when
 * the watermark passes {@code e + lateness}; its bounds are moved back when it is reported. A
 * message later than that is published and counted in a late tally pane, but is in no window's
 * checks (a judged window is not judged again).
 */
final class CheckWindows {

  private CheckWindows() {}

  static PCollection<WindowQuality> of(
      PTransform<ProductRecords, PCollection<TableQuality>> checks,
      String table,
      PCollection<Message> messages,
      PCollection<Row> published,
      PCollection<Failure> failures,
      PCollection<Row> duplicates,
      Duration size,
      Duration lateness) {
    ProductRecords windowed =
        ProductRecords.of(
                window("Input", messages, size, lateness)
                    .apply("CountInput", Combine.globally(Count.<Message>combineFn()).withoutDefaults()),
                window("Published", published, size, lateness),
                window("Failures", failures, size, lateness),
                window("Duplicates", duplicates, size, lateness))
            .named(table);
    return windowed
        .apply("Checks", checks)
        .apply("InEventTime", ParDo.of(new ReportFn(lateness)))
        .setCoder(SerializableCoder.of(WindowQuality.class))
        .apply("BackToGlobal", Window.<WindowQuality>into(new GlobalWindows()));
  }

  private static <T> PCollection<T> window(
      String name, PCollection<T> elements, Duration size, Duration lateness) {
    return elements
        .apply(name + "Later", ParDo.of(new LaterFn<T>(lateness)))
        .setCoder(elements.getCoder())
        .apply(
            name + "Windows",
            Window.<T>into(
                    FixedWindows.of(size)
                        .withOffset(Duration.millis(lateness.getMillis() % size.getMillis())))
                .withAllowedLateness(Duration.ZERO));
  }

  /** Moves each element {@code lateness} later in event time (later is always allowed). */
  private static final class LaterFn<T> extends DoFn<T, T> {
    private final Duration lateness;

    LaterFn(Duration lateness) {
      this.lateness = lateness;
    }

    @ProcessElement
    public void process(@Element T element, @Timestamp Instant at, OutputReceiver<T> out) {
      out.outputWithTimestamp(element, at.plus(lateness));
    }
  }

  /** The window's quality with its bounds in the messages' own event time. */
  private static final class ReportFn extends DoFn<TableQuality, WindowQuality> {
    private final Duration lateness;

    ReportFn(Duration lateness) {
      this.lateness = lateness;
    }

    @ProcessElement
    public void process(
        @Element TableQuality quality, BoundedWindow window, OutputReceiver<WindowQuality> out) {
      IntervalWindow interval = (IntervalWindow) window;
      out.output(
          new WindowQuality(
              interval.start().minus(lateness), interval.end().minus(lateness), quality));
    }
  }
}
