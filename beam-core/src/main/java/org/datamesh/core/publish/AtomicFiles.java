package org.datamesh.core.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Writes a small file so that readers see either the old content or the new, never a mix.
 *
 * <p>On a local file system the content goes to a hidden temporary file in the same folder, which
 * is then renamed over the target in one atomic step. Object stores (S3, GCS) already make a new
 * object visible only once it is complete, so there the file is written in place.
 */
final class AtomicFiles {

  private AtomicFiles() {}

  static void write(ResourceId target, byte[] content) throws IOException {
    if ("file".equals(target.getScheme())) {
      Path path = Paths.get(target.toString());
      Files.createDirectories(path.getParent());
      Path temporary =
          Files.createTempFile(path.getParent(), "." + path.getFileName(), ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(temporary)) {
          out.write(content);
        }
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
}
