package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
