package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitLockTest {

  @TempDir Path dir;

  @Test
  void aSecondCommitWaitsUntilTheFirstReleasesTheLock() throws Exception {
    ResourceId productDir =
        FileSystems.matchNewResource(dir.resolve("sales/orders").toString(), true);
    CountDownLatch secondTookIt = new CountDownLatch(1);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<?> second;
      try (CommitLock first = CommitLock.take(productDir)) {
        second =
            executor.submit(
                () -> {
                  try (CommitLock lock = CommitLock.take(productDir)) {
                    secondTookIt.countDown();
                  }
                  return null;
                });
        assertThat(
            "taken while the first holds it",
            secondTookIt.await(300, TimeUnit.MILLISECONDS),
            is(false));
      }
      assertThat("taken once released", secondTookIt.await(10, TimeUnit.SECONDS), is(true));
      second.get(10, TimeUnit.SECONDS);
    } finally {
      executor.shutdownNow();
    }
    assertThat(Files.isRegularFile(dir.resolve("sales/orders/_manifest.lock")), is(true));
  }

  @Test
  void aLockWhoseFileWasDeletedAndRecreatedWhileHeldRefusesToCommit() throws Exception {
    ResourceId productDir =
        FileSystems.matchNewResource(dir.resolve("sales/orders").toString(), true);
    Path lockFile = dir.resolve("sales/orders/_manifest.lock");
    try (CommitLock first = CommitLock.take(productDir)) {
      first.verify();
      // Someone deletes the file; another process creates it afresh and locks it: the first
      // lock no longer excludes that process. On main neither could tell.
      Files.delete(lockFile);
      try (FileChannel other =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock otherLock = other.lock()) {
        other.write(ByteBuffer.wrap("another run\n".getBytes(StandardCharsets.US_ASCII)));

        IOException refused = assertThrows(IOException.class, first::verify);

        assertThat(
            refused.getMessage(),
            equalTo(
                dir.toRealPath().resolve("sales/orders/_manifest.lock")
                    + " was deleted or replaced while this run held the commit lock on it, so"
                    + " another run may be committing at the same time; this run commits"
                    + " nothing. Never delete _manifest.lock; run again to publish."));
      }
    }
  }

  @Test
  void aLinkToTheProductFolderTakesTheSameLock() throws Exception {
    Path real = Files.createDirectories(dir.resolve("sales/orders"));
    Path link = Files.createSymbolicLink(dir.resolve("sales/orders_link"), real);
    CountDownLatch secondTookIt = new CountDownLatch(1);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (CommitLock first = CommitLock.take(FileSystems.matchNewResource(real.toString(), true))) {
      executor.submit(
          () -> {
            try (CommitLock lock =
                CommitLock.take(FileSystems.matchNewResource(link.toString(), true))) {
              secondTookIt.countDown();
            }
            return null;
          });
      assertThat(secondTookIt.await(300, TimeUnit.MILLISECONDS), is(false));
    } finally {
      assertThat(secondTookIt.await(10, TimeUnit.SECONDS), is(true));
      executor.shutdownNow();
    }
  }
}
