package org.datamesh.core.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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
 * SIGKILL, so a killed run leaves no stale lock; the small file stays, and is no data. The JVM
 * allows one such lock per file, so commits inside one JVM also queue on a lock of their own,
 * keyed by the folder's real path (a link to the folder names the same lock).
 *
 * <p>Never delete {@code _manifest.lock}: a run that opens the name afresh gets a new file, and
 * the lock held on the old one no longer excludes it. The holder therefore {@link #verify checks}
 * before committing that the name still leads to the file it locked (same device and inode); a
 * lock taken on a file that was replaced meanwhile is taken again, and a commit whose lock file was
 * replaced while it held it fails instead of committing.
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
  private final @Nullable Path file;
  private final @Nullable Object key;

  private CommitLock(
      @Nullable ReentrantLock local,
      @Nullable FileChannel channel,
      @Nullable Path file,
      @Nullable Object key) {
    this.local = local;
    this.channel = channel;
    this.file = file;
    this.key = key;
  }

  /** Waits for the product's lock and takes it; holds nothing on non-local file systems. */
  static CommitLock take(ResourceId productDirectory) throws IOException {
    if (!"file".equals(productDirectory.getScheme())) {
      return new CommitLock(null, null, null, null);
    }
    Path given = Paths.get(productDirectory.toString()).toAbsolutePath().normalize();
    Files.createDirectories(given);
    Path folder = given.toRealPath();
    ReentrantLock local = IN_THIS_JVM.computeIfAbsent(folder, f -> new ReentrantLock());
    local.lock();
    try {
      Path file = folder.resolve(FILE_NAME);
      while (true) {
        // The file the name leads to before opening, and after locking: the same one unless the
        // name was removed or replaced in between, and then the lock is taken again.
        boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        Object before = fileKey(file);
        FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
          if (!existed) {
            channel.close(); // created now: go round once more to know it before opening it
            continue;
          }
          lockFile(channel);
          CommitLock lock = new CommitLock(local, channel, file, before);
          if (before == null || lock.stillNamed()) {
            return lock; // (a null key: a file system without file keys, nothing to compare)
          }
          channel.close();
        } catch (IOException | RuntimeException e) {
          channel.close();
          throw e;
        }
      }
    } catch (IOException | RuntimeException e) {
      local.unlock();
      throw e;
    }
  }

  /**
   * Checks that {@code _manifest.lock} is still the file this lock holds; call it just before
   * committing.
   *
   * @throws IOException when the file was deleted or replaced while held: another run may then
   *     hold a lock of its own on the new file, so committing now could overwrite its commit
   */
  void verify() throws IOException {
    if (file != null && key != null && !stillNamed()) {
      throw new IOException(
          file
              + " was deleted or replaced while this run held the commit lock on it, so another"
              + " run may be committing at the same time; this run commits nothing. Never delete"
              + " "
              + FILE_NAME
              + "; run again to publish.");
    }
  }

  /**
   * Whether the lock file's name still leads to the file locked. Compared by file key (device
   * and inode) from the file's attributes: opening the file to read it would be wrong, because
   * closing any descriptor of a file releases every POSIX lock this process holds on it.
   */
  private boolean stillNamed() throws IOException {
    return key.equals(fileKey(file));
  }

  private static @Nullable Object fileKey(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (NoSuchFileException e) {
      return null;
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
