package org.datamesh.core.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Keeps a product's files inside the output root on a local file system, where a symbolic link
 * could send them elsewhere.
 *
 * <p>The domain and product name are single safe folder names by the time they get here (the
 * contract loader and {@code DataProduct} refuse {@code ..}, separators and absolute paths), so
 * only a link can lead out: the product's folder, or one of the entries a run writes or removes in
 * it, being a link (or under one) to a place outside the root. Links deeper down (a run's own
 * folder) are left to {@link RunRetention}, which never removes what lies outside the product. Links that stay inside the root are
 * allowed, and so is a root that is itself a link: the user chose it. Object stores have no links.
 */
public final class ContainedOutput {

  /** The entries of a product's folder that a run writes, replaces or removes. */
  private static final List<String> ENTRIES =
      List.of(
          "runs",
          "quarantine",
          "quality",
          Manifest.FILE_NAME,
          Manifest.PREVIOUS_FILE_NAME,
          CommitLock.FILE_NAME);

  private ContainedOutput() {}

  /**
   * Checks that {@code productDirectory}, a folder under {@code outputRoot}, and what a run writes
   * in it, stay inside the root once links are followed.
   *
   * @throws UnsafeOutputException when a link leads outside the root
   */
  public static void check(String outputRoot, ResourceId productDirectory) {
    if (!"file".equals(productDirectory.getScheme())) {
      return;
    }
    Path root = Paths.get(outputRoot).toAbsolutePath().normalize();
    Path product = Paths.get(productDirectory.toString()).toAbsolutePath().normalize();
    if (!Files.exists(root) || !product.startsWith(root)) {
      return;
    }
    try {
      Path realRoot = root.toRealPath();
      // Down from the root, segment by segment: a link anywhere on the way counts.
      Path walked = root;
      for (Path segment : root.relativize(product)) {
        walked = walked.resolve(segment);
        requireInside(walked, realRoot);
      }
      for (String entry : ENTRIES) {
        requireInside(product.resolve(entry), realRoot);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not check where " + product + " leads", e);
    }
  }

  private static void requireInside(Path path, Path realRoot) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.exists(path)) {
      throw new UnsafeOutputException(path + " is a broken symbolic link; remove it to publish here");
    }
    Path real = path.toRealPath();
    if (!real.startsWith(realRoot)) {
      throw new UnsafeOutputException(
          path
              + " leads outside the output folder "
              + realRoot
              + " (a symbolic link to "
              + real
              + "); a product's files stay inside the output folder");
    }
  }
}
