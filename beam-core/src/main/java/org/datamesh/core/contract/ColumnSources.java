package org.datamesh.core.contract;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a column's values come from, as a property's ODCS {@code transformSourceObjects}, {@code
 * transformLogic} and {@code transformDescription} say; the column lineage of a product built from
 * other products.
 *
 * <pre>{@code
 * - name: lifetime_value
 *   transformSourceObjects: [sales/orders/orders.amount, sales/orders/orders.status]
 *   transformLogic: sum(amount) where status <> 'CANCELLED'
 *   customProperties:
 *     - property: lineageType
 *       value: AGGREGATION
 * }</pre>
 *
 * <p>An entry naming a column of another product is {@code <domain>/<product>/<table>.<column>}
 * (a nested column keeps its dots: {@code digital/interactions/interactions.feedback.rating});
 * other entries (a table name, as in ODCS's own examples) stay documentation.
 *
 * @param objects the {@code transformSourceObjects}, in declared order
 * @param logic the {@code transformLogic}, if given
 * @param description the {@code transformDescription}, if given
 * @param lineageType how the sources make the value: {@code IDENTITY}, {@code TRANSFORMATION} or
 *     {@code AGGREGATION} (OpenLineage's subtypes of a direct transformation), from the property's
 *     {@code lineageType} custom property; null when not declared
 */
public record ColumnSources(
    List<String> objects,
    @Nullable String logic,
    @Nullable String description,
    @Nullable String lineageType)
    implements Serializable {

  /** The custom property that names a column's {@link #lineageType}. */
  public static final String LINEAGE_TYPE_PROPERTY = "lineageType";

  /** The values {@link #lineageType} takes. */
  public static final Set<String> LINEAGE_TYPES = Set.of("IDENTITY", "TRANSFORMATION", "AGGREGATION");

  /** A column that declares no source. */
  public static final ColumnSources NONE = new ColumnSources(List.of(), null, null, null);

  public ColumnSources {
    objects = List.copyOf(objects);
    lineageType = lineageType == null ? null : lineageType.toUpperCase(Locale.ROOT);
  }

  /** The entries that name a column of another product's table, parsed. */
  public List<SourceColumn> columns() {
    return objects.stream().map(SourceColumn::parse).filter(c -> c != null).toList();
  }

  /**
   * How column {@code name} is made from its sources: the declared {@link #lineageType}, else
   * {@code IDENTITY} for one source column of the same name and no logic, else {@code
   * TRANSFORMATION}.
   */
  public String lineageTypeOf(String name) {
    if (lineageType != null) {
      return lineageType;
    }
    List<SourceColumn> columns = columns();
    boolean copied =
        logic == null && columns.size() == 1 && columns.get(0).column().equals(name);
    return copied ? "IDENTITY" : "TRANSFORMATION";
  }

  /**
   * One column of another product's table.
   *
   * @param table the table as a consumer product reads it: {@code sales/orders/orders}
   * @param column the column, dotted when nested
   */
  public record SourceColumn(String table, String column) implements Serializable {

    /** {@code sales/orders/orders.amount} parsed; null when {@code entry} is not of that form. */
    static @Nullable SourceColumn parse(String entry) {
      int lastSlash = entry.lastIndexOf('/');
      if (lastSlash < 0 || entry.indexOf('/') == lastSlash) {
        return null;
      }
      int dot = entry.indexOf('.', lastSlash);
      if (dot < 0 || dot == entry.length() - 1 || dot == lastSlash + 1) {
        return null;
      }
      return new SourceColumn(entry.substring(0, dot), entry.substring(dot + 1));
    }
  }
}
