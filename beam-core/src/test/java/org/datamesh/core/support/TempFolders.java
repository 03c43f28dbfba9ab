package org.datamesh.core.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders for jqwik properties, which JUnit's {@code @TempDir} does not reach. */
public final class TempFolders {

  private TempFolders() {}

  /** Deletes {@code folder} and everything in it; nothing when it is null or gone. */
  public static void delete(Path folder) throws IOException {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
