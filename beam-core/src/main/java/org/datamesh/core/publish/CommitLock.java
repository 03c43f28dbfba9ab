package org.datamesh.core.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The right to commit a product: held while a run re-reads the manifest in force, writes its own
 * and applies retention, so two runs never commit over each other unseen.
 *
 * <pre>{@code
 * try (CommitLock lock = CommitLock.take(productDir)) {
 *   // read the manifest in force, write the new one
 * }
 * }</pre>
 *
 * <p>On a local file system this is an exclusive operating-system lock on {@code
 * <product>/_manifest.lock}. The operating system releases it when its process ends, even by
 * SIGKILL, so a killed run leaves no stale lock; the empty file stays, and is no data. The JVM
 * allows one such lock per file, so commits inside one JVM also queue on a lock of their own.
 *
 * <p>Object stores have no locks: there {@link #take} holds nothing, and the check that the
 * manifest in force has not changed is made without one, so two commits at the same moment can
 * still both pass it (best effort).
 */
final class CommitLock implements AutoCloseable {

  /** The lock file's name inside a product's folder. */
  static final String FILE_NAME = "_manifest.lock";

  /** One lock per product folder for the commits of this JVM (and class loader). */
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM =
      new ConcurrentHashMap<>();

  private static final long RETRY_MILLIS = 50;

  private final @Nullable ReentrantLock local;
  private final @Nullable FileChannel channel;

  private CommitLock(@Nullable ReentrantLock local, @Nullable FileChannel channel) {
    this.local = local;
    this.channel = channel;
  }

  /** Waits for the product's lock and takes it; holds nothing on non-local file systems. */
  static CommitLock take(ResourceId productDirectory) throws IOException {
    if (!"file".equals(productDirectory.getScheme())) {
      return new CommitLock(null, null);
    }
    Path folder = Paths.get(productDirectory.toString()).toAbsolutePath().normalize();
    Files.createDirectories(folder);
    ReentrantLock local = IN_THIS_JVM.computeIfAbsent(folder, f -> new ReentrantLock());
    local.lock();
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              folder.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lockFile(channel);
      return new CommitLock(local, channel);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      local.unlock();
      throw e;
    }
  }

  /**
   * Blocks until the file lock is granted. Another class loader of this JVM (two jobs on one
   * worker) has its own {@link #IN_THIS_JVM}; the JVM then refuses the overlapping lock instead
   * of blocking, so that case waits and retries.
   */
  private static FileLock lockFile(FileChannel channel) throws IOException {
    while (true) {
      try {
        return channel.lock();
      } catch (OverlappingFileLockException e) {
        try {
          Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for the commit lock", interrupted);
        }
      }
    }
  }

  /** Releases the lock; closing the channel releases the file lock. */
  @Override
  public void close() throws IOException {
    try {
      if (channel != null) {
        channel.close();
      }
    } finally {
      if (local != null) {
        local.unlock();
      }
    }
  }
}
