package org.datamesh.examples.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * An output on a Beam file system other than the local disk ({@code s3://bucket/prefix}): proven
 * writable up front by writing and deleting a small object, so that a wrong secret, a missing
 * bucket or an unreachable endpoint is one line and exit 2 before the pipeline starts.
 *
 * <pre>{@code
 * String root = ObjectStoreFolder.prepare("s3://lake/mesh", options);  // "s3://lake/mesh/"
 * }</pre>
 */
final class ObjectStoreFolder {

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

  private ObjectStoreFolder() {}

  /** Whether {@code output} names a location of a file system other than the local one. */
  static boolean isObjectStore(String output) {
    return SCHEME.matcher(output).matches() && !output.startsWith("file://");
  }

  /** The folder's location, ending with {@code /}, once a probe object was written there. */
  static String prepare(String output, PipelineOptions options) throws UsageException {
    FileSystems.setDefaultPipelineOptions(options);
    ResourceId folder;
    try {
      folder = FileSystems.matchNewResource(output, true);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--output cannot be used: " + e.getMessage());
    }
    ResourceId probe =
        folder.resolve(
            ".datamesh-write-check-" + UUID.randomUUID() + ".tmp",
            StandardResolveOptions.RESOLVE_FILE);
    try {
      try (WritableByteChannel channel = FileSystems.create(probe, MimeTypes.BINARY)) {
        channel.write(ByteBuffer.wrap(new byte[0]));
      }
      FileSystems.delete(List.of(probe));
    } catch (IOException | RuntimeException e) {
      // The store's own words ("The specified bucket does not exist"), from the innermost cause.
      throw new UsageException(
          "cannot write to " + folder + " (" + RootCause.of(e).getMessage() + ")");
    }
    return folder.toString();
  }
}
