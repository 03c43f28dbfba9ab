package org.datamesh.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder of the temporary directory that a command uses while it runs and removes, with
 * everything in it, when its JVM ends.
 *
 * <pre>{@code
 * Path folder = ScratchFolder.create("datamesh-flink-", "embedded Flink's working files", "");
 * }</pre>
 */
public final class ScratchFolder {

  private ScratchFolder() {}

  /**
   * A new folder named from {@code prefix}, removed when the JVM ends; when none can be made, one
   * line saying it was for {@code forWhat}, then {@code advice}.
   */
  public static Path create(String prefix, String forWhat, String advice) throws UsageException {
    Path folder;
    try {
      folder = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UsageException(
          "no scratch folder for " + forWhat + " in " + System.getProperty("java.io.tmpdir")
              + ": " + e.getMessage() + advice);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> removeQuietly(folder)));
    return folder;
  }

  private static void removeQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a scratch folder left behind in the temporary directory: nothing to report at exit
    }
  }
}
