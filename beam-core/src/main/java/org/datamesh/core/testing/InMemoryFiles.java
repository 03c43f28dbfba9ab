package org.datamesh.core.testing;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.fs.CreateOptions;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;

/**
 * A read-only Beam file system over byte arrays held in this JVM, under the scheme {@value
 * #SCHEME}: what {@link ProductTestInput} reads from, so a test of a whole product writes nothing
 * to disk and still goes through the very parsing a file does.
 *
 * <p>The bytes are kept in a static map, so only runners that run in the test's own JVM (the
 * Direct runner, embedded Flink) can read them. Entries are never removed: test inputs are small,
 * and a pipeline may be run again.
 */
final class InMemoryFiles extends FileSystem<InMemoryResourceId> {

  static final String SCHEME = "datamesh-memory";

  private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

  /** Keeps {@code bytes} as the file named {@code spec} ({@code datamesh-memory://...}). */
  static void put(String spec, byte[] bytes) {
    FILES.put(spec, bytes.clone());
  }

  static MatchResult.Metadata metadata(String spec) {
    byte[] bytes = FILES.get(spec);
    return MatchResult.Metadata.builder()
        .setResourceId(InMemoryResourceId.of(spec, false))
        .setSizeBytes(bytes.length)
        // Not seekable: parsing reads each in-memory file whole, with no boundary scan.
        .setIsReadSeekEfficient(false)
        .setLastModifiedMillis(0L)
        .build();
  }

  @Override
  protected List<MatchResult> match(List<String> specs) {
    List<MatchResult> results = new ArrayList<>();
    for (String spec : specs) {
      List<MatchResult.Metadata> matched = new ArrayList<>();
      PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + pathOf(spec));
      for (String name : FILES.keySet()) {
        if (name.equals(spec) || glob.matches(Path.of(pathOf(name)))) {
          matched.add(metadata(name));
        }
      }
      results.add(
          matched.isEmpty()
              ? MatchResult.create(MatchResult.Status.NOT_FOUND, new FileNotFoundException(spec))
              : MatchResult.create(MatchResult.Status.OK, matched));
    }
    return results;
  }

  @Override
  protected ReadableByteChannel open(InMemoryResourceId resource) throws IOException {
    byte[] bytes = FILES.get(resource.toString());
    if (bytes == null) {
      throw new FileNotFoundException(resource.toString());
    }
    return Channels.newChannel(new ByteArrayInputStream(bytes));
  }

  @Override
  protected WritableByteChannel create(InMemoryResourceId resource, CreateOptions options)
      throws IOException {
    throw readOnly();
  }

  @Override
  protected void copy(List<InMemoryResourceId> from, List<InMemoryResourceId> to)
      throws IOException {
    throw readOnly();
  }

  @Override
  protected void rename(
      List<InMemoryResourceId> from, List<InMemoryResourceId> to, MoveOptions... options)
      throws IOException {
    throw readOnly();
  }

  @Override
  protected void delete(Collection<InMemoryResourceId> resources) throws IOException {
    throw readOnly();
  }

  @Override
  protected InMemoryResourceId matchNewResource(String spec, boolean isDirectory) {
    return InMemoryResourceId.of(spec, isDirectory);
  }

  @Override
  protected String getScheme() {
    return SCHEME;
  }

  private static String pathOf(String spec) {
    return spec.substring(SCHEME.length() + "://".length());
  }

  private static IOException readOnly() {
    return new IOException(
        "the " + SCHEME + " file system holds test inputs only; it cannot be written");
  }
}
