package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example contracts published with ODCS v3.1.0 are valid ODCS for our structure check, as
 * they are for the standard's own JSON Schema. Conformance suite: the examples are read from the
 * specs folder ({@link SpecsFolder}).
 *
 * <p>Only the ODCS verdict is asserted here. What {@code run} builds from each example (its
 * tables, types, keys, rules and notices) is the mapping's business and asserted with the
 * mapping, not here.
 */
class OdcsExamplesConformanceTest {

  /** Every example published with ODCS v3.1.0 that the specs folder holds. */
  private static final List<String> EXAMPLES =
      List.of(
          "all-data-types.odcs.yaml",
          "all-schema-types.odcs.yaml",
          "azure-server.odcs.yaml",
          "basic-four-dpo.odcs.yaml",
          "column-accuracy.odcs.yaml",
          "column-completeness.odcs.yaml",
          "column-custom.odcs.yaml",
          "column-validity.odcs.yaml",
          "database-table-sla.odcs.yaml",
          "full-example.odcs.yaml",
          "kafka-schema.odcs.yaml",
          "kafka-server.odcs.yaml",
          "postgresql-adventureworks-contract.odcs.yaml",
          "service-and-operational-roles.odcs.yaml",
          "table-column-description.odcs.yaml",
          "table-column.odcs.yaml",
          "table-columns-with-partition.odcs.yaml");

  static Stream<String> examples() {
    return EXAMPLES.stream();
  }

  @Test
  void everyExampleInTheFolderIsListedHere() throws IOException {
    try (Stream<Path> files = Files.list(SpecsFolder.odcsExamples())) {
      assertThat(
          files.map(f -> f.getFileName().toString()).collect(TreeSet::new, TreeSet::add, TreeSet::addAll),
          equalTo(new TreeSet<>(EXAMPLES)));
    }
  }

  @ParameterizedTest(name = "{0} is valid ODCS")
  @MethodSource("examples")
  void isValidOdcs(String file) {
    assertThat(ContractLoader.checkOdcs(SpecsFolder.odcsExamples().resolve(file)), empty());
  }
}
