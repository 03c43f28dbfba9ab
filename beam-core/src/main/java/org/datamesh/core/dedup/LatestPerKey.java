package org.datamesh.core.dedup;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The streaming reduction behind {@link DeduplicateRows}: rows are offered one at a time and only
 * the current latest row of each key is held, so a key with millions of copies costs one row of
 * memory, not millions; every other row is handed back at once, to leave as a duplicate.
 *
 * <pre>{@code
 * LatestPerKey latest = new LatestPerKey(new LatestFirst("updated_at"));
 * for (Row row : group) {
 *   Row setAside = latest.offer(keyOf(row), row);
 *   if (setAside != null) duplicates.output(setAside);
 * }
 * latest.rows().forEach(unique::output);
 * }</pre>
 */
final class LatestPerKey {

  private final Comparator<Row> latestFirst;
  private final Map<Object, Row> latest = new HashMap<>();

  LatestPerKey(Comparator<Row> latestFirst) {
    this.latestFirst = latestFirst;
  }

  /**
   * Offers {@code row} of {@code key}; returns the row set aside by it (the key's former latest,
   * or {@code row} itself), or null when it is the key's first row.
   */
  @Nullable
  Row offer(Object key, Row row) {
    Row kept = latest.putIfAbsent(key, row);
    if (kept == null) {
      return null;
    }
    if (latestFirst.compare(row, kept) < 0) {
      latest.put(key, row);
      return kept;
    }
    return row;
  }

  /** How many rows are held: one per key seen. */
  int held() {
    return latest.size();
  }

  /** The latest row of each key seen. */
  Collection<Row> rows() {
    return latest.values();
  }
}
