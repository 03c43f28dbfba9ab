package org.datamesh.examples.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.beam.sdk.options.PipelineOptions;

/** The folder a command publishes into: created when missing, and proven writable up front. */
public final class OutputFolder {

  private OutputFolder() {}

  /**
   * The output as a Beam location: a local folder ({@link #prepare(String)}), or a folder on an
   * object store such as {@code s3://bucket/prefix}, which is proven writable by writing and
   * deleting a probe object there with {@code options}' credentials.
   */
  public static String prepare(String output, PipelineOptions options) throws UsageException {
    if (output != null && isObjectStore(output)) {
      return ObjectStoreFolder.prepare(output, options);
    }
    return prepare(output).toString();
  }

  /** Whether {@code location} names a file system other than the local disk ({@code s3://...}). */
  public static boolean isObjectStore(String location) {
    return ObjectStoreFolder.isObjectStore(location);
  }

  public static Path prepare(String output) throws UsageException {
    if (output == null || output.isBlank()) {
      throw new UsageException("--output is required: the folder to publish into");
    }
    Path folder;
    try {
      // A file: URI names a local folder too; read as a path it would be a relative "file:" one.
      Path path = output.startsWith("file:") ? Paths.get(URI.create(output)) : Paths.get(output);
      folder = path.toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new UsageException("--output is not a valid path: " + e.getReason());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--output is not a valid file: URI (file:///path/to/folder)");
    }
    try {
      Files.createDirectories(folder);
      Path probe = Files.createTempFile(folder, ".datamesh-write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new UsageException("cannot write to " + folder + " (" + describe(e) + ")");
    }
    return folder;
  }

  /** The reason in the words of the file system ("Not a directory"), without Java's class names. */
  private static String describe(Exception e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file is in the way";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return String.valueOf(e.getMessage());
  }
}
