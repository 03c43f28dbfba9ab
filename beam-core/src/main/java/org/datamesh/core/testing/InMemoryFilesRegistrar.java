package org.datamesh.core.testing;

import java.util.List;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.FileSystemRegistrar;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Registers the {@code datamesh-memory://} file system that {@link ProductTestInput} reads from
 * (found by Beam through {@code META-INF/services}); it holds nothing until a test gives it files.
 */
public final class InMemoryFilesRegistrar implements FileSystemRegistrar {

  @Override
  public Iterable<FileSystem<?>> fromOptions(PipelineOptions options) {
    return List.of(new InMemoryFiles());
  }
}
