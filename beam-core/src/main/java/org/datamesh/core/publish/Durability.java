package org.datamesh.core.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Forces files and folders of a local disk to stable storage, so that a commit that returned
 * survives a power loss: the data files the manifest lists, their folders' entries, the new
 * manifest and the product folder's entry for it.
 *
 * <pre>{@code
 * Durability.syncTree(productDir, List.of(dataFile, quarantineFile)); // files, then folders up
 * }</pre>
 *
 * <p>Without it, a rename can reach the disk before the content it names: after a crash the
 * manifest in force could be empty, or list Parquet files of zero bytes. The cost is measured in
 * {@code docs/reliability.md}; {@code -Ddatamesh.fsync=false} turns it off, for that measurement
 * only. Object stores make an upload durable before acknowledging it, so nothing is done there.
 */
final class Durability {

  /** The system property that turns syncing off when {@code false} (measurements only). */
  static final String FSYNC = "datamesh.fsync";

  /** Tells a test which paths were synced, in order; null outside tests. */
  static volatile @Nullable Consumer<Path> onSync;

  private Durability() {}

  static boolean enabled() {
    return !"false".equals(System.getProperty(FSYNC));
  }

  /** Forces the content of an open file written through {@code channel}. */
  static void sync(FileChannel channel, Path path) throws IOException {
    if (enabled()) {
      channel.force(true);
      notify(path);
    }
  }

  /** Forces the content of {@code file}, or the entries of the folder {@code file}. */
  static void sync(Path file) throws IOException {
    if (!enabled()) {
      return;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some systems (Windows) cannot open a folder to sync it; its entries are then as durable
      // as the system makes them, and the files' own contents were forced already.
      if (!Files.isDirectory(file)) {
        throw e;
      }
    }
    notify(file);
  }

  /**
   * Forces each of {@code files}, then each folder from their parents up to {@code top}
   * (included), once each: a new file is durable only once the folders naming it are.
   */
  static void syncTree(Path top, Iterable<Path> files) throws IOException {
    if (!enabled()) {
      return;
    }
    Set<Path> folders = new LinkedHashSet<>();
    for (Path file : files) {
      sync(file);
      for (Path folder = file.getParent();
          folder != null && folder.startsWith(top);
          folder = folder.getParent()) {
        if (!folders.add(folder)) {
          break; // this folder and those above it are listed already
        }
      }
    }
    for (Path folder : folders) {
      sync(folder);
    }
  }

  private static void notify(Path path) {
    Consumer<Path> listener = onSync;
    if (listener != null) {
      listener.accept(path);
    }
  }
}
