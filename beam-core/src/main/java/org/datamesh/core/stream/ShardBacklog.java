package org.datamesh.core.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.values.KV;

/**
 * What a shard of {@link WriteKafkaExactlyOnce} writes next: of the records it holds (each
 * numbered by the shard's sequence), those already written are dropped, the unbroken run from the
 * next number on is ready, and any after a gap waits for the numbers before it.
 *
 * <pre>{@code
 * ShardBacklog backlog = ShardBacklog.of(5, records);   // numbers 3, 5, 6, 8
 * backlog.ready();           // 5 and 6, in order
 * backlog.waiting();         // 8, until 7 comes
 * backlog.alreadyWritten();  // 1 (number 3)
 * backlog.next();            // 7
 * }</pre>
 *
 * @param <T> the records
 */
final class ShardBacklog<T> {

  private final List<KV<Long, T>> ready;
  private final List<KV<Long, T>> waiting;
  private final long alreadyWritten;
  private final long next;

  private ShardBacklog(List<KV<Long, T>> ready, List<KV<Long, T>> waiting, long alreadyWritten, long next) {
    this.ready = ready;
    this.waiting = waiting;
    this.alreadyWritten = alreadyWritten;
    this.next = next;
  }

  /**
   * Sorts {@code records} against {@code next}, the first number not yet written. A number seen
   * twice (a record delivered again before it was written) is kept once.
   */
  static <T> ShardBacklog<T> of(long next, Iterable<KV<Long, T>> records) {
    List<KV<Long, T>> sorted = new ArrayList<>();
    records.forEach(sorted::add);
    sorted.sort(Comparator.comparing(KV::getKey));
    List<KV<Long, T>> ready = new ArrayList<>();
    List<KV<Long, T>> waiting = new ArrayList<>();
    long alreadyWritten = 0;
    long expected = next;
    long lastWaiting = Long.MIN_VALUE;
    for (KV<Long, T> record : sorted) {
      long number = record.getKey();
      if (number < expected) {
        if (number < next) {
          alreadyWritten++;
        }
      } else if (number == expected && waiting.isEmpty()) {
        ready.add(record);
        expected++;
      } else if (number != lastWaiting) {
        waiting.add(record);
        lastWaiting = number;
      }
    }
    return new ShardBacklog<>(List.copyOf(ready), List.copyOf(waiting), alreadyWritten, expected);
  }

  /** The records to write now, in number order: an unbroken run from the next number. */
  List<KV<Long, T>> ready() {
    return ready;
  }

  /** Records after a gap, kept until the numbers before them come. */
  List<KV<Long, T>> waiting() {
    return waiting;
  }

  /** How many records had a number already written (delivered again after a restore). */
  long alreadyWritten() {
    return alreadyWritten;
  }

  /** The first number not written once the ready records are. */
  long next() {
    return next;
  }
}
