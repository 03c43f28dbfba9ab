package org.datamesh.core.relate;

/**
 * A relationship references a product that is not published where it is looked for: thrown while
 * the pipeline is built, before anything runs, rather than failing every row as an orphan.
 */
public final class UnpublishedProductException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String productDirectory;

  public UnpublishedProductException(Relationship relationship, String productDirectory) {
    super(
        "the relationship " + relationship + " references the product " + relationship.toProduct()
            + ", which is not published in " + productDirectory
            + " (no _manifest.json): publish it first, or name where it is published");
    this.productDirectory = productDirectory;
  }

  /** Where the product was looked for. */
  public String productDirectory() {
    return productDirectory;
  }
}
