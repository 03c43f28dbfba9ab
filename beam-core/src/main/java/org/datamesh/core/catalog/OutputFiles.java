package org.datamesh.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Whole-file reads and writes of the small JSON files under an output, on a local disk or an
 * object store: a write never leaves a reader half a file (a temporary file renamed over the old
 * one locally; a new object appears whole on an object store).
 */
public final class OutputFiles {

  private OutputFiles() {}

  /** Replaces {@code target} with {@code content} atomically. */
  public static void write(ResourceId target, byte[] content) throws IOException {
    write(target, content, MimeTypes.TEXT);
  }

  /**
   * Replaces {@code target} with {@code content} atomically; on an object store the object's
   * content type is {@code mimeType}, so that a page served from a bucket is shown as a page.
   */
  public static void write(ResourceId target, byte[] content, String mimeType) throws IOException {
    if ("file".equals(target.getScheme())) {
      Path path = Path.of(target.toString());
      Files.createDirectories(path.getParent());
      Path temporary =
          path.resolveSibling("." + path.getFileName() + "." + UUID.randomUUID() + ".tmp");
      try {
        Files.write(temporary, content);
        Files.move(
            temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
      return;
    }
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(target, mimeType))) {
      out.write(content);
    }
  }

  /** The bytes of {@code file}, or empty when there is no such file. */
  public static Optional<byte[]> readIfPresent(ResourceId file) throws IOException {
    MatchResult match = FileSystems.match(file.toString(), EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
      return Optional.of(in.readAllBytes());
    }
  }

  /** The resources matching {@code glob}; none when nothing matches. */
  public static List<MatchResult.Metadata> match(String glob) throws IOException {
    MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
    if (match.status() != MatchResult.Status.OK) {
      return List.of();
    }
    return new ArrayList<>(match.metadata());
  }
}
