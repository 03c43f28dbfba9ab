package org.datamesh.core.stream;

import java.util.Optional;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.TimestampPolicy;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Event time for one Kafka partition: each record's time from a function of the record (a field
 * of the row it becomes), and a watermark trailing the newest time seen by the allowed
 * out-of-orderness. A record the function gives no time (one that fails to parse, say) takes the
 * newest time this policy has seen, so it is counted in the window of the records around it, or
 * the broker's timestamp when it has seen none (a reader may make a new policy each time it
 * resumes a partition, with the watermark it had reached).
 *
 * <p>Unlike Beam's {@code CustomTimestampPolicyWithLimitedDelay}, a partition that has nothing
 * left to read, or never had anything, does not hold the watermark back: once it is read to its
 * end its watermark follows the clock (less the out-of-orderness), so the windows of a replayed
 * history close when the history is read, and one idle partition does not stop every window.
 * The price: a reader may ask for the watermark after taking the last record of a backlog and
 * before asking its time, so that record (and, live, any record further behind the clock than
 * the out-of-orderness) is late: published and counted as any other, in a late pane. The
 * watermark never goes back, and never passes the clock.
 */
final class EventTimePolicy extends TimestampPolicy<byte[], byte[]> {

  /** The latest event time kept: a year before the end of the global window. */
  static final Instant LATEST =
      org.apache.beam.sdk.transforms.windowing.GlobalWindow.INSTANCE
          .maxTimestamp()
          .minus(Duration.standardDays(365));

  private final SerializableFunction<KafkaRecord<byte[], byte[]>, @Nullable Instant> eventTime;
  private final Duration maxOutOfOrderness;
  private Instant newest = BoundedWindow.TIMESTAMP_MIN_VALUE;
  private Instant watermark;

  EventTimePolicy(
      SerializableFunction<KafkaRecord<byte[], byte[]>, @Nullable Instant> eventTime,
      Duration maxOutOfOrderness,
      Optional<Instant> previousWatermark) {
    this.eventTime = eventTime;
    this.maxOutOfOrderness = maxOutOfOrderness;
    this.watermark = previousWatermark.orElse(BoundedWindow.TIMESTAMP_MIN_VALUE);
  }

  @Override
  public Instant getTimestampForRecord(PartitionContext context, KafkaRecord<byte[], byte[]> record) {
    Instant time = eventTime.apply(record);
    if (time == null) {
      time =
          newest.equals(BoundedWindow.TIMESTAMP_MIN_VALUE) ? new Instant(record.getTimestamp()) : newest;
    }
    if (time.isBefore(BoundedWindow.TIMESTAMP_MIN_VALUE)) {
      time = BoundedWindow.TIMESTAMP_MIN_VALUE;
    } else if (time.isAfter(LATEST)) {
      // A window's report is timed at its end plus the lateness, which must stay inside the
      // global window: a time beyond that (a broken producer clock) would stop the stream.
      time = LATEST;
    }
    if (time.isAfter(newest)) {
      newest = time;
    }
    return time;
  }

  @Override
  public Instant getWatermark(PartitionContext context) {
    Instant now = Instant.now();
    Instant candidate;
    if (context.getMessageBacklog() == 0) {
      candidate = now.minus(maxOutOfOrderness);
    } else if (newest.equals(BoundedWindow.TIMESTAMP_MIN_VALUE)) {
      candidate = newest;
    } else {
      candidate = (newest.isAfter(now) ? now : newest).minus(maxOutOfOrderness);
    }
    if (candidate.isAfter(watermark)) {
      watermark = candidate;
    }
    return watermark;
  }
}
