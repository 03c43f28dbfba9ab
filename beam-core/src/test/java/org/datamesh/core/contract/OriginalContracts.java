package org.datamesh.core.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real contracts for tests to start from: the project's own (always there) and the official ODCS
 * examples (from the specs folder, conformance suite only).
 *
 * <pre>{@code
 * for (OriginalContracts.Original contract : OriginalContracts.projectContracts()) {
 *   ContractLoader.checkOdcs(contract.yaml());
 * }
 * }</pre>
 */
final class OriginalContracts {

  /** The orders product's contract, in the module that publishes it. */
  private static final Path ORDERS_CONTRACT =
      Path.of("../domain-pipelines/src/main/resources/org/datamesh/pipelines/orders/sales-orders.odcs.yaml");

  /** Contracts written for the structure check's tests, covering every ODCS section. */
  static final List<String> TEST_RESOURCES =
      List.of("every-section.odcs.yaml", "earlier-forms.odcs.yaml", "every-server-type.odcs.yaml");

  /** A contract, named in reports by its file name. */
  record Original(String name, byte[] yaml) {
    @Override
    public String toString() {
      return name;
    }
  }

  private OriginalContracts() {}

  /** The orders contract, the one in {@link SalesOrdersContract}, and the test resources. */
  static List<Original> projectContracts() throws IOException {
    List<Original> originals = new ArrayList<>();
    originals.add(new Original("sales-orders.odcs.yaml", Files.readAllBytes(ORDERS_CONTRACT)));
    originals.add(
        new Original("SalesOrdersContract", SalesOrdersContract.YAML.getBytes(StandardCharsets.UTF_8)));
    for (String name : TEST_RESOURCES) {
      originals.add(new Original(name, resource(name)));
    }
    return originals;
  }

  /** The 17 ODCS examples, sorted by name. */
  static List<Original> odcsExamples() throws IOException {
    List<Original> examples = new ArrayList<>();
    try (Stream<Path> files = Files.list(SpecsFolder.odcsExamples())) {
      for (Path file : files.sorted().toList()) {
        examples.add(new Original(file.getFileName().toString(), Files.readAllBytes(file)));
      }
    }
    return examples;
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = OriginalContracts.class.getResourceAsStream("odcs/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource org/datamesh/core/contract/odcs/" + name);
      }
      return in.readAllBytes();
    }
  }
}
