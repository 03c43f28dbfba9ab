package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.datamesh.core.support.ByteEdits;
import org.datamesh.core.support.TempFolders;

/**
 * Differential test: our ODCS structure check and the official ODCS v3.1.0 JSON Schema agree on
 * which contracts are valid ODCS, for the official examples, for contracts generated from the
 * schema (some broken on purpose), and for real contracts with random text edits. Each document
 * is also loaded as a product: it loads, or is refused with a path for each problem.
 */
class OdcsVerdictConformanceTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  private static OdcsOracle oracle;
  private static OdcsInstances odcs;
  private static Path folder;

  @BeforeContainer
  static void readSchema() throws IOException {
    oracle = OdcsOracle.fromSpecs();
    odcs = OdcsInstances.fromSpecs();
    folder = Files.createTempDirectory("odcs-verdicts");
  }

  @AfterContainer
  static void removeFolder() throws IOException {
    TempFolders.delete(folder);
  }

  @Example
  void everyOfficialExampleIsValidForBoth() throws IOException {
    List<OriginalContracts.Original> examples = OriginalContracts.odcsExamples();
    assertThat(examples.size(), equalTo(17));
    for (OriginalContracts.Original example : examples) {
      assertThat(
          example.name(),
          OdcsVerdicts.compare(oracle, example.yaml()),
          equalTo(OdcsVerdicts.Verdict.BOTH_VALID));
    }
  }

  /**
   * The generator is driven by one number jqwik draws, so shrinking has nothing to shrink: a
   * disagreement prints the document instead. At least 3% of the unbroken documents load as a
   * product, so the mapping after the structure check runs too.
   */
  @Property(tries = 3000, seed = "20261122", shrinking = ShrinkingMode.OFF)
  void generatedContracts(@ForAll long generation, @ForAll boolean broken) throws IOException {
    JsonNode contract = odcs.instance(new Random(generation), broken ? 0.04 : 0.0);
    byte[] yaml = YAML.writeValueAsBytes(contract);
    String label = broken ? "broken" : "generated";
    Statistics.label(label + " verdict").collect(OdcsVerdicts.compare(oracle, yaml));
    Statistics.label(label).collect(ContractOutcomes.load(folder, yaml));
    Statistics.label("generated")
        .coverage(
            coverage ->
                coverage.check(ContractOutcomes.Outcome.LOADED).percentage(p -> p >= 3.0));
  }

  @Property(tries = 3000, seed = "20261122")
  void mutatedContracts(
      @ForAll("originals") OriginalContracts.Original original,
      @ForAll("edits") List<ByteEdits.Edit> edits) {
    byte[] yaml = ByteEdits.apply(original.yaml(), edits);
    Statistics.label("verdict").collect(OdcsVerdicts.compare(oracle, yaml));
    Statistics.label("load").collect(ContractOutcomes.load(folder, yaml));
  }

  @Provide
  Arbitrary<OriginalContracts.Original> originals() throws IOException {
    List<OriginalContracts.Original> originals =
        new java.util.ArrayList<>(OriginalContracts.odcsExamples());
    originals.addAll(OriginalContracts.projectContracts());
    return Arbitraries.of(originals);
  }

  @Provide
  Arbitrary<List<ByteEdits.Edit>> edits() {
    return ByteEdits.edits(ByteEdits.YAML_TOKENS, 4);
  }
}
