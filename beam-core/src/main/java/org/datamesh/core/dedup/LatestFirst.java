package org.datamesh.core.dedup;

import java.io.Serializable;
import java.util.Comparator;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.RowPayload;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.failure.SourcePosition;

/**
 * Orders rows of one key so the one to keep comes first: greatest ordering value (nulls last), then
 * the later source record of the same file or topic partition, then the greater content, so the
 * choice is the same on every runner whatever order the rows arrive in.
 */
final class LatestFirst implements Comparator<Row>, Serializable {

  private final @Nullable String orderingField;

  LatestFirst(@Nullable String orderingField) {
    this.orderingField = orderingField;
  }

  @Override
  public int compare(Row a, Row b) {
    if (orderingField != null) {
      int byValue = compareNullsLow(a.getValue(orderingField), b.getValue(orderingField));
      if (byValue != 0) {
        return -byValue;
      }
    }
    SourcePosition pa = SourceField.positionOf(a);
    SourcePosition pb = SourceField.positionOf(b);
    // Offsets order records of one file, or of one partition of a topic, never across them.
    if (pa != null
        && pb != null
        && pa.source().equals(pb.source())
        && java.util.Objects.equals(pa.partition(), pb.partition())) {
      int byPosition = Long.compare(pa.offset(), pb.offset());
      if (byPosition != 0) {
        return -byPosition;
      }
    }
    return -RowPayload.of(a).compareTo(RowPayload.of(b));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareNullsLow(@Nullable Object a, @Nullable Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return ((Comparable) a).compareTo(b);
  }
}
