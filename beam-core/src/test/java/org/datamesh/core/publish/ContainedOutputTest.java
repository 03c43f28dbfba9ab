package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.datamesh.core.product.DataProduct;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A symbolic link in the output can never send a product's files outside the output folder. */
class ContainedOutputTest {

  private static final DataProduct ORDERS = DataProduct.of("sales", "orders", "1.0.0");

  @TempDir Path dir;
  private Path root;
  private Path elsewhere;

  @BeforeEach
  void folders() throws IOException {
    root = Files.createDirectories(dir.resolve("mesh"));
    elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
  }

  @Test
  void aDomainFolderLinkedOutsideIsRefused() throws IOException {
    Files.createSymbolicLink(root.resolve("sales"), elsewhere);
    assertRefused(root.resolve("sales"), elsewhere);
  }

  @Test
  void aProductFolderLinkedOutsideIsRefused() throws IOException {
    Files.createDirectories(root.resolve("sales"));
    Files.createSymbolicLink(root.resolve("sales/orders"), elsewhere);
    assertRefused(root.resolve("sales/orders"), elsewhere);
  }

  @Test
  void aRunsFolderOrManifestLinkedOutsideIsRefused() throws IOException {
    Path product = Files.createDirectories(root.resolve("sales/orders"));
    Files.createSymbolicLink(product.resolve("runs"), elsewhere);
    assertRefused(product.resolve("runs"), elsewhere);

    Files.delete(product.resolve("runs"));
    Path file = Files.writeString(elsewhere.resolve("victim.json"), "{}");
    Files.createSymbolicLink(product.resolve(Manifest.FILE_NAME), file);
    assertRefused(product.resolve(Manifest.FILE_NAME), file);
  }

  @Test
  void aBrokenLinkIsRefused() throws IOException {
    Files.createSymbolicLink(root.resolve("sales"), dir.resolve("gone"));
    UnsafeOutputException e = assertThrows(UnsafeOutputException.class, this::check);
    assertThat(
        e.getMessage(),
        equalTo(root.resolve("sales") + " is a broken symbolic link; remove it to publish here"));
  }

  @Test
  void linksInsideTheRootAndARootThatIsALinkAreAllowed() throws IOException {
    Path shared = Files.createDirectories(root.resolve("shared-sales"));
    Files.createSymbolicLink(root.resolve("sales"), shared);
    assertDoesNotThrow(this::check);

    Path linkedRoot = Files.createSymbolicLink(dir.resolve("mesh-link"), root);
    assertDoesNotThrow(
        () ->
            ContainedOutput.check(
                linkedRoot.toString(),
                PublishDataProduct.productDirectory(linkedRoot.toString(), ORDERS)));
  }

  @Test
  void aFreshOutputHasNothingToCheck() {
    root = dir.resolve("not-yet");
    assertDoesNotThrow(this::check);
  }

  private void assertRefused(Path link, Path target) throws IOException {
    UnsafeOutputException e = assertThrows(UnsafeOutputException.class, this::check);
    assertThat(
        e.getMessage(),
        equalTo(
            link
                + " leads outside the output folder "
                + root.toRealPath()
                + " (a symbolic link to "
                + target.toRealPath()
                + "); a product's files stay inside the output folder"));
  }

  private void check() {
    ContainedOutput.check(root.toString(), PublishDataProduct.productDirectory(root.toString(), ORDERS));
  }
}
