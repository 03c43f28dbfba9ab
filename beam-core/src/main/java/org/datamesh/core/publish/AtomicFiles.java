package org.datamesh.core.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Writes a small file so that readers see either the old content or the new, never a mix.
 *
 * <p>On a local file system the content goes to a hidden temporary file in the same folder
 * ({@code .<name><random>.tmp}), which is then renamed over the target in one atomic step. A
 * process killed in between leaves the temporary file behind; readers never open it, since they
 * open the target by its name. Object stores (S3, GCS) already make a new object visible only once
 * it is complete, so there the file is written in place.
 */
final class AtomicFiles {

  private static final String TEMPORARY_SUFFIX = ".tmp";

  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  /** What a commit does between writing the temporary file and renaming it into place. */
  @FunctionalInterface
  interface BeforeRename {
    void run() throws IOException;
  }

  /**
   * Writes {@code content} to {@code target}; on a local file system, runs {@code beforeRename}
   * once the temporary file is complete and durable, and syncs the folder after the rename.
   *
   * <p>The temporary file is created with the permissions a new file gets (the process's umask,
   * as the Parquet files), then given the target's own permissions when the target exists, so a
   * mode an operator set on it survives the commit.
   */
  static void write(ResourceId target, byte[] content, BeforeRename beforeRename)
      throws IOException {
    if ("file".equals(target.getScheme())) {
      Path path = Paths.get(target.toString());
      Files.createDirectories(path.getParent());
      Path temporary = path.resolveSibling(temporaryName(path));
      try {
        try (FileChannel out =
            FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(content);
          while (buffer.hasRemaining()) {
            out.write(buffer);
          }
          keepPermissions(path, temporary);
          Durability.sync(out, temporary);
        }
        beforeRename.run();
        Files.move(
            temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Durability.sync(path.getParent());
      } finally {
        Files.deleteIfExists(temporary);
      }
      return;
    }
    beforeRename.run();
    try (WritableByteChannel channel = FileSystems.create(target, MimeTypes.TEXT)) {
      channel.write(ByteBuffer.wrap(content));
    }
  }

  /** {@code .<name><random>.tmp}: hidden, and found again by {@link #removeAbandoned}. */
  static String temporaryName(Path target) {
    return "." + target.getFileName() + Long.toUnsignedString(RANDOM.nextLong()) + TEMPORARY_SUFFIX;
  }

  /** Gives {@code temporary} the POSIX permissions of {@code target}, when both have them. */
  private static void keepPermissions(Path target, Path temporary) throws IOException {
    if (!Files.exists(target)) {
      return;
    }
    try {
      Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: new files get its default, as the data files do.
    }
  }

  /**
   * Removes the temporary files that killed writers of {@code target} left behind, and returns
   * their names. Only safe while no other writer of {@code target} can be running, that is under
   * its {@link CommitLock}; does nothing off the local file system, where there are none.
   */
  static List<String> removeAbandoned(ResourceId target) throws IOException {
    List<String> removed = new ArrayList<>();
    if (!"file".equals(target.getScheme())) {
      return removed;
    }
    Path path = Paths.get(target.toString());
    if (!Files.isDirectory(path.getParent())) {
      return removed;
    }
    String glob = "." + path.getFileName() + "*" + TEMPORARY_SUFFIX;
    try (DirectoryStream<Path> abandoned = Files.newDirectoryStream(path.getParent(), glob)) {
      for (Path file : abandoned) {
        Files.deleteIfExists(file);
        removed.add(file.getFileName().toString());
      }
    }
    return removed;
  }
}
