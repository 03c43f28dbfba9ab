package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The columns of other products that shape a whole table without flowing into one of its columns:
 * the keys it joins and groups on, the columns it filters or sorts by. A schema object's custom
 * property {@code indirectSources}, one entry per column, written {@code <KIND>
 * <domain>/<product>/<table>.<column>} with OpenLineage's subtypes of an indirect transformation:
 *
 * <pre>{@code
 * customProperties:
 *   - property: indirectSources
 *     value:
 *       - JOIN crm/customers/customers.customer_id
 *       - FILTER sales/orders/orders.status
 *       - GROUP_BY sales/orders/orders.customer_id
 * }</pre>
 *
 * <p>Each becomes an entry of the table's column lineage {@code dataset} list, type {@code
 * INDIRECT}. A column's own sources are its property's {@code transformSourceObjects} ({@link
 * ColumnSources}).
 */
public final class IndirectSources {

  /** The schema object's custom property holding them. */
  public static final String PROPERTY = "indirectSources";

  /** The kinds an entry may start with: OpenLineage's indirect transformation subtypes. */
  public static final Set<String> KINDS =
      Set.of("JOIN", "GROUP_BY", "FILTER", "SORT", "WINDOW", "CONDITIONAL");

  private IndirectSources() {}

  /**
   * One entry.
   *
   * @param kind {@code JOIN}, {@code GROUP_BY}, {@code FILTER}, ...
   * @param source the column it names
   */
  public record Entry(String kind, ColumnSources.SourceColumn source) implements Serializable {

    /** {@code JOIN sales/orders/orders.customer_id} parsed; null when not of that form. */
    public static @Nullable Entry parse(String text) {
      String[] parts = text.trim().split("\\s+");
      if (parts.length != 2 || !KINDS.contains(parts[0].toUpperCase(Locale.ROOT))) {
        return null;
      }
      ColumnSources.SourceColumn source = ColumnSources.SourceColumn.parse(parts[1]);
      return source == null ? null : new Entry(parts[0].toUpperCase(Locale.ROOT), source);
    }

    /** As written in a contract. */
    @Override
    public String toString() {
      return kind + " " + source.table() + "." + source.column();
    }
  }

  /**
   * The entries of the object's {@code indirectSources} custom property ({@code entries} being its
   * {@code customProperties}), as written; an entry of another form is an error at its path.
   */
  static List<String> read(JsonNode entries, String path, Problems problems) {
    List<String> read = new ArrayList<>();
    List<JsonNode> list = Nodes.elements(entries);
    for (int i = 0; i < list.size(); i++) {
      if (!PROPERTY.equals(Nodes.text(list.get(i), "property"))) {
        continue;
      }
      String valuePath = YamlPaths.key(YamlPaths.index(path, i), "value");
      List<JsonNode> values = Nodes.elements(list.get(i).path("value"));
      if (values.isEmpty()) {
        problems.error(valuePath, "indirectSources is a list of '<KIND> <domain>/<product>/<table>.<column>'");
      }
      for (int j = 0; j < values.size(); j++) {
        String text = values.get(j).isTextual() ? values.get(j).asText() : null;
        if (text == null || Entry.parse(text) == null) {
          problems.error(
              YamlPaths.index(valuePath, j),
              "an indirect source is '<KIND> <domain>/<product>/<table>.<column>', KIND one of"
                  + " JOIN, GROUP_BY, FILTER, SORT, WINDOW, CONDITIONAL");
        } else {
          read.add(text.trim());
        }
      }
    }
    return read;
  }
}
