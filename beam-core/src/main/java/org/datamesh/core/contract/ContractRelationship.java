package org.datamesh.core.contract;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A relationship the contract declares between columns ({@code relationships}, ODCS v3.1), such
 * as a foreign key from one table's columns to another's. {@code org.datamesh.core.relate
 * .ContractRelationships} turns the ones datamesh-beam checks into relationships a run enforces.
 *
 * <pre>{@code
 * // schema[1].relationships: [{type: foreignKey, from: [order_lines.order_id], to: [orders.order_id]}]
 * relationship.from();   // [order_lines.order_id]
 * relationship.to();     // [orders.order_id]
 * // customProperties: [{property: product, value: crm/customers}, {property: severity, value: warning}]
 * relationship.product();    // crm/customers: to names a table of that published product
 * relationship.severity();   // warning
 * }</pre>
 *
 * @param type {@code foreignKey} unless the contract says otherwise
 * @param from the referencing columns as {@code table.column}; for a relationship declared on a
 *     property, that property
 * @param to the referenced columns as {@code table.column}, one per {@code from} column
 * @param path where the relationship is declared in the contract
 * @param customProperties the relationship's custom properties, values as text
 */
public record ContractRelationship(
    String type, List<String> from, List<String> to, String path, Map<String, String> customProperties)
    implements Serializable {

  /** The custom property naming the published product {@code to} references: {@code domain/name}. */
  public static final String PRODUCT_PROPERTY = "product";

  /** The custom property choosing what an orphan is: {@code error} (default) or {@code warning}. */
  public static final String SEVERITY_PROPERTY = "severity";

  private static final Pattern SHORTHAND = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*");

  public ContractRelationship {
    from = List.copyOf(from);
    to = List.copyOf(to);
    customProperties = Map.copyOf(customProperties);
  }

  /** A relationship without custom properties. */
  public ContractRelationship(String type, List<String> from, List<String> to, String path) {
    this(type, from, to, path, Map.of());
  }

  /** The published product {@code to} references ({@code domain/name}); null for this contract's tables. */
  public @Nullable String product() {
    return customProperties.get(PRODUCT_PROPERTY);
  }

  /** The declared severity, as written; null when none is declared (ERROR). */
  public @Nullable String severity() {
    return customProperties.get(SEVERITY_PROPERTY);
  }

  /** Whether every reference is the shorthand {@code table.column}, the form a run checks. */
  public boolean shorthand() {
    return !from.isEmpty()
        && from.size() == to.size()
        && from.stream().allMatch(r -> SHORTHAND.matcher(r).matches())
        && to.stream().allMatch(r -> SHORTHAND.matcher(r).matches());
  }

  /**
   * Why a run does not check this relationship, or null when it does: only {@code table.column}
   * references to one table are checked, a table of this contract (named in {@code tables}) or,
   * with the custom property {@code product}, of a published product.
   */
  public @Nullable String whyNotChecked(List<String> tables) {
    if (!shorthand()) {
      return "only references written table.column are checked (and as many to as from)";
    }
    String target = table(to.get(0));
    if (!to.stream().allMatch(r -> table(r).equals(target))) {
      return "its columns reference more than one table";
    }
    if (product() == null && !tables.contains(target)) {
      return target + " is not a table of this contract; name the product publishing it with"
          + " the custom property " + PRODUCT_PROPERTY + " (domain/name)";
    }
    return null;
  }

  /** The table part of a shorthand reference. */
  public static String table(String reference) {
    return reference.substring(0, reference.indexOf('.'));
  }

  /** The column part of a shorthand reference. */
  public static String column(String reference) {
    return reference.substring(reference.indexOf('.') + 1);
  }
}
