package org.datamesh.core.relate;

import java.io.Serializable;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Severity;

/**
 * Referential integrity between tables: every row of the referencing table whose columns are all
 * set must find a row of the referenced table with equal values in the referenced columns (a
 * foreign key, ODCS {@code relationships}). The referenced table is another table of the same
 * product, or a table of a product already published (read through its manifest).
 *
 * <pre>{@code
 * // Within a product: every order line's order exists.
 * Relationship lines = Relationship.from("order_lines", "order_id").to("orders", "order_id");
 * // Against a published product, found under the same output root (or an absolute folder).
 * Relationship customers =
 *     Relationship.from("orders", "customer_id")
 *         .toPublished("crm/customers", "customers", "customer_id");
 * pipeline.apply(
 *     DataProductPipeline.of(List.of(orders, orderLines))
 *         .withRelationships(List.of(lines, customers))
 *         .from("orders", "/exports/orders-*.csv")
 *         .from("order_lines", "/exports/lines-*.csv")
 *         .to("/data/products"));
 * }</pre>
 *
 * <p>A row without a match fails at {@code VALIDATE} with the rule {@link #ruleId()} (for example
 * {@code order_lines.order_id.relationship}); its reason names the columns and the referenced
 * table, never a value. ERROR (the default) quarantines such a row; {@link #withSeverity WARN}
 * publishes it and counts it. A row with a null in one of its columns is not checked, as in SQL:
 * whether a column may be null is the {@code required} rule's business.
 *
 * @param fromTable the referencing table
 * @param fromColumns its columns, in the order of {@code toColumns}
 * @param toTable the referenced table
 * @param toColumns the referenced columns
 * @param toProduct the folder of the published product holding {@code toTable}, relative to the
 *     output root ({@code crm/customers}) or absolute; null for a table of the same product
 * @param severity ERROR quarantines rows without a match, WARN publishes and counts them
 */
public record Relationship(
    String fromTable,
    List<String> fromColumns,
    String toTable,
    List<String> toColumns,
    @Nullable String toProduct,
    Severity severity)
    implements Serializable {

  public Relationship {
    fromColumns = List.copyOf(fromColumns);
    toColumns = List.copyOf(toColumns);
    if (fromColumns.isEmpty() || fromColumns.size() != toColumns.size()) {
      throw new IllegalArgumentException(
          "a relationship names as many referenced columns as referencing ones, at least one: "
              + fromTable + fromColumns + " -> " + toTable + toColumns);
    }
  }

  /** The referencing side: {@code table}'s {@code columns}. */
  public static From from(String table, String... columns) {
    return new From(table, List.of(columns));
  }

  /** The referencing side of a relationship, waiting for its referenced side. */
  public record From(String table, List<String> columns) {

    /** Referencing {@code columns} of {@code table}, a table of the same product. */
    public Relationship to(String table, String... columns) {
      return new Relationship(
          this.table, this.columns, table, List.of(columns), null, Severity.ERROR);
    }

    /**
     * Referencing {@code columns} of {@code table} of the product published in {@code product}:
     * a folder relative to the output root ({@code crm/customers}) or absolute.
     */
    public Relationship toPublished(String product, String table, String... columns) {
      return new Relationship(
          this.table, this.columns, table, List.of(columns), product, Severity.ERROR);
    }
  }

  /** Returns a relationship like this one but with {@code severity}. */
  public Relationship withSeverity(Severity severity) {
    return new Relationship(fromTable, fromColumns, toTable, toColumns, toProduct, severity);
  }

  /** Whether the referenced table is another product's, published already. */
  public boolean referencesPublished() {
    return toProduct != null;
  }

  /** The rule id of a row without a match: {@code <table>.<column>.relationship}. */
  public String ruleId() {
    return fromTable + "." + String.join("+", fromColumns) + ".relationship";
  }

  /** The violation's field: the referencing column, or the columns joined by {@code +}. */
  public String field() {
    return String.join("+", fromColumns);
  }

  /** Why a row without a match failed, naming the columns and the referenced table. */
  public String reason() {
    String columns = String.join(", ", fromColumns);
    return columns + " must match " + target() + " (relationship: "
        + (fromColumns.size() == 1 ? "the value was" : "the values were")
        + " not found there)";
  }

  /** The referenced columns as {@code [product ]table.column}. */
  public String target() {
    StringBuilder target = new StringBuilder();
    if (toProduct != null) {
      target.append("product ").append(toProduct).append(' ');
    }
    for (int i = 0; i < toColumns.size(); i++) {
      target.append(i == 0 ? "" : ", ").append(toTable).append('.').append(toColumns.get(i));
    }
    return target.toString();
  }

  @Override
  public String toString() {
    return fromTable + "." + String.join("+", fromColumns) + " -> " + target()
        + (severity == Severity.ERROR ? "" : " (" + severity + ")");
  }
}
