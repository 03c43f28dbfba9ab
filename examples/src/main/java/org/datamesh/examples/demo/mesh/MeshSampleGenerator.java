package org.datamesh.examples.demo.mesh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the sample data of the whole mesh into a folder, deterministically for a seed, and
 * returns the {@link MeshLedger} of what a correct run of each source contract makes of it.
 *
 * <pre>{@code
 * MeshLedger ledger = MeshSampleGenerator.write(dir, MeshSize.ofOrders(20_000), 42);
 * // dir/customers.csv, orders.csv, order_lines.csv, interactions.jsonl, inventory.csv,
 * // shipments.csv, weather.jsonl, server.log
 * ledger.table("orders").published();
 * }</pre>
 *
 * <p>Every file is streamed to disk: only the world (customers as a few small arrays, the
 * products) and a handful of re-sent records wait in memory, so any size can be written.
 */
public final class MeshSampleGenerator {

  /** The files written, in the order they are written. */
  public static final List<String> FILES =
      List.of(
          CustomersWriter.FILE, SalesWriter.ORDERS, SalesWriter.LINES, InteractionsWriter.FILE,
          InventoryWriter.FILE, ShipmentsWriter.FILE, WeatherWriter.FILE, ServerLogWriter.FILE);

  private MeshSampleGenerator() {}

  /** Writes every file of the mesh for {@code size} and {@code seed}, with the default defects. */
  public static MeshLedger write(Path dir, MeshSize size, long seed) throws IOException {
    return write(dir, size, MeshDefects.defaults(), seed);
  }

  /** Writes every file of the mesh for {@code size} and {@code seed}, with {@code defects}. */
  public static MeshLedger write(Path dir, MeshSize size, MeshDefects defects, long seed)
      throws IOException {
    Files.createDirectories(dir);
    MeshWorld world = MeshWorld.of(size, defects, seed);
    List<TableLedger> tables = new ArrayList<>();
    tables.add(new CustomersWriter(world).write(dir));
    try (InteractionsWriter interactions = new InteractionsWriter(world, defects, dir)) {
      tables.addAll(new SalesWriter(world, defects).write(dir, interactions));
      tables.add(interactions.ledger());
    }
    tables.add(new InventoryWriter(world, defects).write(dir));
    tables.add(new ShipmentsWriter(world, defects).write(dir));
    tables.add(new WeatherWriter(world, defects).write(dir));
    tables.add(new ServerLogWriter(world, defects).write(dir));
    return new MeshLedger(size, seed, defects, tables);
  }
}
