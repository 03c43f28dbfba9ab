package org.datamesh.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.datamesh.core.support.TempFolders;

/**
 * Random contracts generated from the ODCS JSON Schema, some valid in shape and some broken, load
 * as a contract or are refused with a problem at a path; nothing else comes out of the loader.
 */
class GeneratedContractsTest {

  private static OdcsInstances odcs;
  private static Path folder;
  private static final YAMLMapper YAML = new YAMLMapper();

  @BeforeContainer
  static void readSchema() throws IOException {
    odcs = OdcsInstances.fromSpecs();
    folder = Files.createTempDirectory("generated-contracts");
  }

  @AfterContainer
  static void removeFolder() throws IOException {
    TempFolders.delete(folder);
  }

  /**
   * The generator is driven by one number jqwik draws, so shrinking has nothing to shrink: a
   * failure prints the document instead. At least 3% of the unbroken documents load (about 10%
   * do), so the mapping after the schema check runs too.
   */
  @Property(tries = 600, seed = "20261122", shrinking = ShrinkingMode.OFF)
  void loadsOrIsRefusedWithAPathForEachProblem(@ForAll long generation, @ForAll boolean broken)
      throws IOException {
    JsonNode contract = odcs.instance(new Random(generation), broken ? 0.04 : 0.0);
    ContractOutcomes.Outcome outcome = ContractOutcomes.load(folder, YAML.writeValueAsBytes(contract));
    Statistics.label(broken ? "broken" : "generated").collect(outcome);
    // The generator must reach the mapping code, not only the schema check.
    Statistics.label("generated")
        .coverage(
            coverage ->
                coverage.check(ContractOutcomes.Outcome.LOADED).percentage(p -> p >= 3.0));
  }
}
