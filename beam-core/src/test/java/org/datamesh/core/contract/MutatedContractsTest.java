package org.datamesh.core.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The project's own contracts with random text edits (lines deleted, repeated, swapped,
 * re-indented; YAML indicators, anchors, aliases, tags, flow brackets, tabs, NUL and invalid UTF-8
 * inserted; the file cut short) load as a contract or are refused with a problem at a path, and
 * the ODCS check alone answers with problems that have paths; nothing else comes out. Bombs, size
 * and depth limits are {@link HostileYamlTest}'s; the same edits of the official ODCS examples,
 * compared with the ODCS JSON Schema, are {@link OdcsVerdictConformanceTest}'s.
 */
class MutatedContractsTest {

  private static Path folder;

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
      @ForAll("originals") OriginalContracts.Original original,
      @ForAll("edits") List<ByteEdits.Edit> edits) {
    byte[] yaml = ByteEdits.apply(original.yaml(), edits);
    ContractOutcomes.Outcome outcome = ContractOutcomes.load(folder, yaml);
    Statistics.label("load").collect(outcome);
    List<ContractProblem> problems = ContractLoader.checkOdcs(yaml);
    ContractOutcomes.checkProblems(problems, yaml);
    Statistics.label("valid ODCS").collect(problems.isEmpty());
  }

  @Provide
  Arbitrary<OriginalContracts.Original> originals() throws IOException {
    List<OriginalContracts.Original> originals = OriginalContracts.projectContracts();
    if (originals.size() != 5) {
      throw new IllegalStateException("expected the project's 5 contracts: " + originals);
    }
    return Arbitraries.of(originals);
  }

  @Provide
  Arbitrary<List<ByteEdits.Edit>> edits() {
    return ByteEdits.edits(ByteEdits.YAML_TOKENS, 4);
  }
}
