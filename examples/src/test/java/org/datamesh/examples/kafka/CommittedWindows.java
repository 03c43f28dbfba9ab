package org.datamesh.examples.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.datamesh.core.publish.Manifest;

/** Waits for a stream's manifest to account for a number of messages, as its windows commit. */
final class CommittedWindows {

  private CommittedWindows() {}

  /**
   * The product's manifest once its windows account for at least {@code input} messages; fails
   * with {@code logs} after two minutes.
   */
  static Manifest await(Path product, long input, Callable<String> logs) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    Manifest manifest = null;
    while (System.nanoTime() < deadline) {
      if (Files.exists(product.resolve(Manifest.FILE_NAME))) {
        manifest = Manifest.read(product);
        if (manifest.counts().input() >= input) {
          return manifest;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "the manifest did not account for " + input + " messages in time: "
            + (manifest == null ? "none" : manifest.counts()) + "\n" + logs.call());
  }
}
