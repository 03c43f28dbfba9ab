package org.datamesh.core.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.datamesh.core.publish.Manifest;

/**
 * A product found under an output: its folder, its manifest in force and the contract facts
 * written beside it (empty for a product published before they were kept).
 *
 * <pre>{@code
 * PublishedProduct.Scan scan = PublishedProduct.under("/data/mesh");
 * scan.products();     // sales/orders, crm/customers, ... sorted by path
 * scan.unreadable();   // folders whose manifest could not be read, with why
 * }</pre>
 *
 * @param path the product's folder relative to the output: {@code <domain>/<product>}
 * @param directory the product's folder
 */
public record PublishedProduct(
    String path, ResourceId directory, Manifest manifest, Optional<ProductFacts> facts) {

  /** What a scan of an output found: the products, and the folders it could not read. */
  public record Scan(List<PublishedProduct> products, List<Unreadable> unreadable) {
    public Scan {
      products = List.copyOf(products);
      unreadable = List.copyOf(unreadable);
    }
  }

  /** A product folder whose manifest or facts could not be read, and why (no file content). */
  public record Unreadable(String path, String problem) {}

  /** The owner named by the product's facts, or null. */
  public String owner() {
    return facts.map(ProductFacts::owner).orElse(null);
  }

  /**
   * Every product under {@code output} (a local folder or an object-store prefix): each folder
   * {@code <output>/<domain>/<product>/} holding a {@code _manifest.json}. Built from what is
   * there now, so a product another run published is found and a deleted one is not.
   */
  public static Scan under(String output) throws IOException {
    String absolute =
        output.contains("://") ? output : java.nio.file.Path.of(output).toAbsolutePath().toString();
    String root = absolute.endsWith("/") ? absolute : absolute + "/";
    List<PublishedProduct> products = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    for (MatchResult.Metadata found : OutputFiles.match(root + "*/*/" + Manifest.FILE_NAME)) {
      ResourceId directory = found.resourceId().getCurrentDirectory();
      String path = relativePath(root, directory.toString());
      try {
        products.add(
            new PublishedProduct(
                path, directory, Manifest.read(directory), ProductFacts.readIfPresent(directory)));
      } catch (IOException | RuntimeException e) {
        // One broken folder must not hide the rest of the mesh; the catalog names it.
        unreadable.add(new Unreadable(path, e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
    }
    products.sort(Comparator.comparing(PublishedProduct::path));
    unreadable.sort(Comparator.comparing(Unreadable::path));
    return new Scan(products, unreadable);
  }

  /** The folder of {@code output} as a Beam resource. */
  public static ResourceId outputDirectory(String output) {
    return FileSystems.matchNewResource(
        output.contains("://") ? output : java.nio.file.Path.of(output).toAbsolutePath().toString(),
        true);
  }

  private static String relativePath(String root, String directory) {
    String normalizedRoot = FileSystems.matchNewResource(root, true).toString();
    String path =
        directory.startsWith(normalizedRoot) ? directory.substring(normalizedRoot.length()) : directory;
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
