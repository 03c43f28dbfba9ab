package org.datamesh.examples.demo.mesh;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * What {@link MeshSampleGenerator#write} wrote: one {@link TableLedger} per source table, in
 * the order the files were written, from which a test predicts each table's counts exactly.
 *
 * <pre>{@code
 * MeshLedger ledger = MeshSampleGenerator.write(dir, MeshSize.ofOrders(600), 7);
 * ledger.table("order_lines").published();
 * }</pre>
 *
 * @param size the size written
 * @param seed the seed written with
 * @param defects the defect rates injected
 * @param tables one ledger per table: customers, orders, order_lines, interactions, inventory,
 *     shipments, weather, requests
 */
public record MeshLedger(MeshSize size, long seed, MeshDefects defects, List<TableLedger> tables) {

  public MeshLedger {
    tables = List.copyOf(tables);
  }

  /** The ledger of the table named {@code name} (the contract's table name). */
  public TableLedger table(String name) {
    return tables.stream()
        .filter(t -> t.table().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no table " + name + " in the mesh"));
  }

  /** Records in all files. */
  public long records() {
    return tables.stream().mapToLong(TableLedger::records).sum();
  }
}
