package org.datamesh.core.evolution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.datamesh.core.publish.Manifest;

/**
 * Compares a product's published schema (from its {@code _manifest.json}) with a new schema and
 * version, and classifies each change as compatible or breaking for consumers.
 *
 * <pre>{@code
 * Manifest published = Manifest.read(Paths.get("/data/products/sales/orders"));
 * EvolutionReport report = SchemaEvolution.from(published).to(contract.publishedSchema(), "1.1.0");
 * if (!report.allowed()) {
 *   throw new BreakingChangeException("sales.orders", report);
 * }
 * }</pre>
 *
 * <p>Fields are matched by name. Compatible: an optional field added, a type widened (see {@link
 * TypeWidening}), a required field made nullable. Breaking: a required field added, a field
 * removed (a rename is a removal and an addition), a type narrowed or changed otherwise, a
 * nullable field made required. Order changes are not reported: consumers of Parquet find columns
 * by name. Inside a struct (an object) or an array, the same rules apply to each nested field
 * and to the items, named by their path: {@code customer.zip} added as optional is compatible,
 * {@code lines[].qty} changed from INT32 to STRING is breaking.
 */
public final class SchemaEvolution {

  private final List<Manifest.Column> published;
  private final String publishedVersion;

  private SchemaEvolution(List<Manifest.Column> published, String publishedVersion) {
    this.published = List.copyOf(published);
    this.publishedVersion = publishedVersion;
  }

  /** Evolution from the schema and contract version the manifest of a one-table product records. */
  public static SchemaEvolution from(Manifest published) {
    return new SchemaEvolution(published.schema(), published.version());
  }

  /**
   * The changes from the product {@code published} describes to one whose tables publish {@code
   * tables} (name to columns, in order) as {@code version}. Each table is compared with the
   * published table of its name, its fields named {@code table.field}; a table no longer
   * published is breaking, a new one is not. A product of one table on both sides compares the
   * two whatever their names, with its fields named as they are.
   *
   * <pre>{@code
   * EvolutionReport report =
   *     SchemaEvolution.ofProduct(manifest, Map.of("orders", ordersColumns, "order_lines", lineColumns), "2.0.0");
   * }</pre>
   */
  public static EvolutionReport ofProduct(
      Manifest published, Map<String, List<Manifest.Column>> tables, String version) {
    if (published.tables().size() == 1 && tables.size() == 1) {
      return from(published.tables().get(0).schema(), published.version())
          .to(tables.values().iterator().next(), version);
    }
    List<SchemaChange> changes = new ArrayList<>();
    for (Manifest.Table old : published.tables()) {
      List<Manifest.Column> now = tables.get(old.name());
      if (now == null) {
        changes.add(
            SchemaChange.of(
                old.name(), ChangeKind.TABLE_REMOVED, "the table " + old.name() + " is no longer published"));
        continue;
      }
      for (SchemaChange change : from(old.schema(), published.version()).to(now, version).changes()) {
        changes.add(
            SchemaChange.of(
                old.name() + "." + change.field(), change.kind(), old.name() + "." + change.description()));
      }
    }
    for (String added : tables.keySet()) {
      if (published.findTable(added).isEmpty()) {
        changes.add(SchemaChange.of(added, ChangeKind.TABLE_ADDED, "the table " + added + " is new"));
      }
    }
    return new EvolutionReport(published.version(), version, changes);
  }

  /** Evolution from published columns and the contract version they were published under. */
  public static SchemaEvolution from(List<Manifest.Column> columns, String version) {
    return new SchemaEvolution(columns, version);
  }

  /** The changes from the published schema to rows of {@code schema} published as {@code version}. */
  public EvolutionReport to(Schema schema, String version) {
    return to(Manifest.columnsOf(schema), version);
  }

  /** The changes from the published schema to {@code columns} published as {@code version}. */
  public EvolutionReport to(List<Manifest.Column> columns, String version) {
    List<SchemaChange> changes = new ArrayList<>();
    compare(published, columns, changes);
    return new EvolutionReport(publishedVersion, version, changes);
  }

  /**
   * Adds the changes from {@code before} to {@code after}; a struct or array column whose type
   * changed is compared field by field (item by item), so a nested field added is as additive
   * as a column added, with its path as the changed name ({@code customer.zip}, {@code lines[]}).
   */
  private static void compare(
      List<Manifest.Column> before, List<Manifest.Column> after, List<SchemaChange> changes) {
    Map<String, Manifest.Column> next = new LinkedHashMap<>();
    after.forEach(c -> next.put(c.name(), c));
    for (Manifest.Column old : before) {
      Manifest.Column now = next.remove(old.name());
      if (now == null) {
        changes.add(
            SchemaChange.of(
                old.name(),
                ChangeKind.FIELD_REMOVED,
                old.name() + " (" + old.type() + ") is no longer published"));
        continue;
      }
      if (!old.type().equals(now.type()) && !compareNested(old, now, changes)) {
        ChangeKind kind =
            TypeWidening.widens(old.type(), now.type())
                ? ChangeKind.TYPE_WIDENED
                : ChangeKind.TYPE_CHANGED;
        changes.add(
            SchemaChange.of(old.name(), kind, old.name() + ": " + old.type() + " -> " + now.type()));
      }
      if (old.nullable() && !now.nullable()) {
        changes.add(
            SchemaChange.of(
                old.name(),
                ChangeKind.MADE_REQUIRED,
                old.name() + ": nullable -> required"));
      } else if (!old.nullable() && now.nullable()) {
        changes.add(
            SchemaChange.of(
                old.name(), ChangeKind.MADE_NULLABLE, old.name() + ": required -> nullable"));
      }
    }
    for (Manifest.Column added : next.values()) {
      changes.add(
          added.nullable()
              ? SchemaChange.of(
                  added.name(),
                  ChangeKind.FIELD_ADDED_OPTIONAL,
                  added.name() + " (" + added.type() + ", nullable) is new")
              : SchemaChange.of(
                  added.name(),
                  ChangeKind.FIELD_ADDED_REQUIRED,
                  added.name() + " (" + added.type() + ", required) is new; data published"
                      + " before has no value for it"));
    }
  }

  /** Compares two structs' fields or two arrays' items; false when they are not both one kind. */
  private static boolean compareNested(
      Manifest.Column old, Manifest.Column now, List<SchemaChange> changes) {
    List<Manifest.Column> oldFields = NestedTypeNames.fields(old.name(), old.type());
    List<Manifest.Column> newFields = NestedTypeNames.fields(now.name(), now.type());
    if (oldFields != null && newFields != null) {
      compare(oldFields, newFields, changes);
      return true;
    }
    Manifest.Column oldItem = NestedTypeNames.item(old.name(), old.type());
    Manifest.Column newItem = NestedTypeNames.item(now.name(), now.type());
    if (oldItem != null && newItem != null) {
      compare(List.of(oldItem), List.of(newItem), changes);
      return true;
    }
    return false;
  }
}
