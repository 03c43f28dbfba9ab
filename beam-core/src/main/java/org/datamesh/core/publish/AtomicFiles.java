package org.datamesh.core.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
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

  private AtomicFiles() {}

  /**
   * Writes {@code content} to {@code target}; on a local file system, reaches the {@link
   * HoldPoint} {@code holdBeforeRename} once the temporary file is complete.
   */
  static void write(ResourceId target, byte[] content, String holdBeforeRename)
      throws IOException {
    if ("file".equals(target.getScheme())) {
      Path path = Paths.get(target.toString());
      Files.createDirectories(path.getParent());
      Path temporary =
          Files.createTempFile(path.getParent(), "." + path.getFileName(), TEMPORARY_SUFFIX);
      try {
        try (OutputStream out = Files.newOutputStream(temporary)) {
          out.write(content);
        }
        HoldPoint.reach(holdBeforeRename);
        Files.move(
            temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
      return;
    }
    try (WritableByteChannel channel = FileSystems.create(target, MimeTypes.TEXT)) {
      channel.write(ByteBuffer.wrap(content));
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
