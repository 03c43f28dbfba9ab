package org.datamesh.core.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.datamesh.core.dedup.DeduplicateRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeduplicationShardsTest {

  private static final long MIB = 1L << 20;

  @TempDir Path dir;

  @Test
  void oneShardPerEightMebibytesBetweenOneAndTheCap() {
    assertThat(DeduplicationShards.forBytes(0), is(1));
    assertThat(DeduplicationShards.forBytes(8 * MIB), is(1));
    assertThat(DeduplicationShards.forBytes(8 * MIB + 1), is(2));
    assertThat(DeduplicationShards.forBytes(940 * MIB), is(118));
    assertThat(DeduplicationShards.forBytes(1L << 50), is(DeduplicationShards.MAX_SHARDS));
  }

  @Test
  void sizesFromTheMatchingFilesCountingCompressedOnesEightfold() throws IOException {
    sized("a.csv", 10 * MIB);
    sized("b.csv", 7 * MIB);
    sized("c.csv.gz", 2 * MIB);
    // 10 + 7 + 8 x 2 = 33 MiB: five shards.
    assertThat(DeduplicationShards.forPattern(dir.resolve("*").toString()), is(5));
    assertThat(DeduplicationShards.forPattern(dir.resolve("a.csv").toString()), is(2));
  }

  @Test
  void aPatternMatchingNothingGetsOneShardAndAnUnlistableOneTheDefault() {
    assertThat(DeduplicationShards.forPattern(dir.resolve("none-*.csv").toString()), is(1));
    assertThat(
        DeduplicationShards.forPattern("nosuchscheme://bucket/x.csv"),
        is(DeduplicateRows.DEFAULT_SHARDS));
  }

  private void sized(String name, long bytes) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(dir.resolve(name).toFile(), "rw")) {
      file.setLength(bytes);
    }
  }
}
