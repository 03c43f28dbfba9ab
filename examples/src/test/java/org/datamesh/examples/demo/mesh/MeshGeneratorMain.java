package org.datamesh.examples.demo.mesh;

import java.nio.file.Path;

/** Writes a mesh in a child JVM of a small heap: {@code DIR ORDERS SEED}; prints its records. */
public final class MeshGeneratorMain {

  private MeshGeneratorMain() {}

  public static void main(String[] args) throws Exception {
    MeshLedger ledger =
        MeshSampleGenerator.write(Path.of(args[0]), MeshSize.ofOrders(Integer.parseInt(args[1])), Long.parseLong(args[2]));
    System.out.println("records=" + ledger.records());
  }
}
