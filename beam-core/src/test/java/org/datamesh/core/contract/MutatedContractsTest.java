package org.datamesh.core.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.datamesh.core.support.ByteEdits;
import org.datamesh.core.support.TempFolders;

/**
 * Real contracts (the 17 ODCS examples and the project's own) with random text edits (lines
 * deleted, repeated, swapped, re-indented; YAML indicators, anchors, aliases, tags, flow brackets,
 * tabs, NUL and invalid UTF-8 inserted; the file cut short) load as a contract or are refused with
 * a problem at a path; nothing else comes out of the loader. Bombs, size and depth limits are
 * {@link HostileYamlTest}'s.
 */
class MutatedContractsTest {

  private static final Path EXAMPLES =
      Path.of(System.getProperty("datamesh.specs.dir", "../../shared/specs"), "odcs", "examples");

  /** The orders product's contract, in the module that publishes it. */
  private static final Path ORDERS_CONTRACT =
      Path.of("../domain-pipelines/src/main/resources/org/datamesh/pipelines/orders/sales-orders.odcs.yaml");

  private static Path folder;

  /** A contract to start from, named in reports by its file name. */
  record Original(String name, byte[] yaml) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeContainer
  static void createFolder() throws IOException {
    folder = Files.createTempDirectory("mutated-contracts");
  }

  @AfterContainer
  static void removeFolder() throws IOException {
    TempFolders.delete(folder);
  }

  @Property(tries = 1500, seed = "20261122")
  void loadsOrIsRefusedWithAPathForEachProblem(
      @ForAll("originals") Original original, @ForAll("edits") List<ByteEdits.Edit> edits) {
    ContractOutcomes.Outcome outcome =
        ContractOutcomes.load(folder, ByteEdits.apply(original.yaml(), edits));
    Statistics.collect(outcome);
  }

  @Provide
  Arbitrary<Original> originals() throws IOException {
    List<Original> originals = new ArrayList<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path file : files.sorted().toList()) {
        originals.add(new Original(file.getFileName().toString(), Files.readAllBytes(file)));
      }
    }
    originals.add(new Original("sales-orders.odcs.yaml", Files.readAllBytes(ORDERS_CONTRACT)));
    originals.add(
        new Original("SalesOrdersContract", SalesOrdersContract.YAML.getBytes(StandardCharsets.UTF_8)));
    if (originals.size() != 19) {
      throw new IllegalStateException("expected 17 ODCS examples and 2 project contracts: " + originals);
    }
    return Arbitraries.of(originals);
  }

  @Provide
  Arbitrary<List<ByteEdits.Edit>> edits() {
    return ByteEdits.edits(ByteEdits.YAML_TOKENS, 4);
  }
}
