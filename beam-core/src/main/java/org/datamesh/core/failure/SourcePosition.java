package org.datamesh.core.failure;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a record came from, precisely enough to find it again: a file and record number (with the
 * line it starts on), or a Kafka topic, partition and offset.
 */
@AutoValue
public abstract class SourcePosition implements Serializable {

  /** A file path or URI, or a Kafka topic name. */
  public abstract String source();

  /** The Kafka partition; null for files. */
  public abstract @Nullable Integer partition();

  /** The 1-based record number in a file (header excluded), or the Kafka offset. */
  public abstract long offset();

  /** The 1-based line a file record starts on; null for Kafka. */
  public abstract @Nullable Long line();

  /** A record of a file: its 1-based record number (header excluded) and first line. */
  public static SourcePosition fileRecord(String file, long recordNumber, long line) {
    return new AutoValue_SourcePosition(file, null, recordNumber, line);
  }

  /** A Kafka record: topic, partition and offset. */
  public static SourcePosition kafka(String topic, int partition, long offset) {
    return new AutoValue_SourcePosition(topic, partition, offset, null);
  }

  /** Rebuilds a position from its stored parts. */
  public static SourcePosition of(
      String source, @Nullable Integer partition, long offset, @Nullable Long line) {
    return new AutoValue_SourcePosition(source, partition, offset, line);
  }

  @Override
  public final String toString() {
    if (partition() != null) {
      return source() + "[" + partition() + "]@" + offset();
    }
    return source() + " record " + offset() + (line() == null ? "" : " (line " + line() + ")");
  }
}
