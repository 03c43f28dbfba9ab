package org.datamesh.core.pipeline;

import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MatchResult.Metadata;
import org.datamesh.core.dedup.DeduplicateRows;

/**
 * How many groups to deduplicate a run's input in, from the size of its files: about one group
 * per {@value #BYTES_PER_SHARD} bytes of input, at least 1 and at most {@value #MAX_SHARDS}.
 *
 * <p>Why size the groups: each group's latest rows are held in memory at once, so large inputs
 * need many groups; but the Direct runner (users' tests) pays a fixed cost for every group in every
 * later step, so 2,000 orders in 128 groups took 35 s where one group takes 9 s. Sizing by bytes
 * keeps a group to roughly 80,000 orders whatever the input.
 */
final class DeduplicationShards {

  static final long BYTES_PER_SHARD = 8L << 20;
  static final int MAX_SHARDS = 1024;

  /** Compressed files hold several times their size in records; a cautious factor. */
  private static final int COMPRESSION_FACTOR = 8;

  private DeduplicationShards() {}

  /** Groups for the files matching {@code pattern}; the default when they cannot be listed now. */
  static int forPattern(String pattern) {
    try {
      List<MatchResult> results =
          FileSystems.match(List.of(pattern), EmptyMatchTreatment.ALLOW);
      long bytes = 0;
      for (MatchResult result : results) {
        if (result.status() != MatchResult.Status.OK) {
          return DeduplicateRows.DEFAULT_SHARDS;
        }
        for (Metadata file : result.metadata()) {
          boolean compressed = file.resourceId().getFilename().matches(".*\\.(gz|bz2|zst|deflate|zip)$");
          bytes += compressed ? file.sizeBytes() * COMPRESSION_FACTOR : file.sizeBytes();
        }
      }
      return forBytes(bytes);
    } catch (IOException | RuntimeException e) {
      return DeduplicateRows.DEFAULT_SHARDS;
    }
  }

  static int forBytes(long bytes) {
    long shards = (bytes + BYTES_PER_SHARD - 1) / BYTES_PER_SHARD;
    return (int) Math.max(1, Math.min(MAX_SHARDS, shards));
  }
}
