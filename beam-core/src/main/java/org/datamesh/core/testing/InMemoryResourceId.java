package org.datamesh.core.testing;

import java.util.Objects;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/** The name of a file, or folder, of {@link InMemoryFiles}: {@code datamesh-memory://<path>}. */
final class InMemoryResourceId implements ResourceId {

  private static final long serialVersionUID = 1L;

  private final String spec;
  private final boolean directory;

  private InMemoryResourceId(String spec, boolean directory) {
    this.spec = spec;
    this.directory = directory;
  }

  static InMemoryResourceId of(String spec, boolean directory) {
    if (!spec.startsWith(InMemoryFiles.SCHEME + "://")) {
      throw new IllegalArgumentException(spec + " is not a " + InMemoryFiles.SCHEME + ":// name");
    }
    return new InMemoryResourceId(directory && !spec.endsWith("/") ? spec + "/" : spec, directory);
  }

  @Override
  public ResourceId resolve(String other, ResolveOptions options) {
    if (!directory) {
      throw new IllegalStateException("cannot resolve " + other + " against the file " + spec);
    }
    boolean isDirectory = options == ResolveOptions.StandardResolveOptions.RESOLVE_DIRECTORY;
    return of(spec + other, isDirectory);
  }

  @Override
  public ResourceId getCurrentDirectory() {
    return directory ? this : of(spec.substring(0, spec.lastIndexOf('/') + 1), true);
  }

  @Override
  public String getScheme() {
    return InMemoryFiles.SCHEME;
  }

  @Override
  public String getFilename() {
    String path = directory ? spec.substring(0, spec.length() - 1) : spec;
    return path.substring(path.lastIndexOf('/') + 1);
  }

  @Override
  public boolean isDirectory() {
    return directory;
  }

  @Override
  public String toString() {
    return spec;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InMemoryResourceId id
        && id.spec.equals(spec)
        && id.directory == directory;
  }

  @Override
  public int hashCode() {
    return Objects.hash(spec, directory);
  }
}
