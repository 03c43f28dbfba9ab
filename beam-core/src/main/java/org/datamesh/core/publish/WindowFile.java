package org.datamesh.core.publish;

import java.io.Serializable;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Parquet file that {@link WriteWindowFiles} wrote for one pane of one event-time window of a
 * stream: where it is, how many rows it holds, and, for a quarantine file, how many of them
 * failed at each stage and broke each rule.
 *
 * @param start the window's start, epoch milliseconds
 * @param end the window's end (exclusive), epoch milliseconds
 * @param pane which of the shard's writes for the window this is: 0 once the watermark passed
 *     the window's end plus the allowed lateness, 1, 2, ... for rows later still
 * @param shard which of the writer's shards wrote it
 * @param quarantine whether it holds failures rather than published rows
 * @param file its full name
 * @param rows how many rows it holds
 * @param failuresByStage for a quarantine file, its rows per failing stage; else empty
 * @param failuresByRule for a quarantine file, its rows' violations per rule id; else empty
 */
public record WindowFile(
    long start,
    long end,
    int pane,
    int shard,
    boolean quarantine,
    String file,
    long rows,
    SortedMap<String, Long> failuresByStage,
    SortedMap<String, Long> failuresByRule)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public WindowFile {
    failuresByStage = Collections.unmodifiableSortedMap(new TreeMap<>(failuresByStage));
    failuresByRule = Collections.unmodifiableSortedMap(new TreeMap<>(failuresByRule));
  }
}
