package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code validate-contract --format=json} on every example contract published with ODCS: each is
 * valid (exit 0), none is refused for a name, a missing domain, several objects or its types, and
 * {@code run} can build every one that declares a table with columns; the others say exactly that
 * there is nothing to publish. Part of the conformance suite (needs {@code -Ddatamesh.specs.dir}).
 */
class OfficialExamplesValidateConformanceTest {

  /** The examples run cannot build, and the one reason each gives: nothing to publish. */
  private static final Map<String, String> NOTHING_TO_PUBLISH =
      new TreeMap<>(
          Map.of(
              "azure-server.odcs.yaml", "schema",
              "basic-four-dpo.odcs.yaml", "schema",
              "database-table-sla.odcs.yaml", "schema",
              "service-and-operational-roles.odcs.yaml", "schema",
              "kafka-server.odcs.yaml", "schema[0].properties"));

  static Path examples() {
    String specs = System.getProperty("datamesh.specs.dir");
    if (specs == null || specs.isBlank()) {
      throw new AssertionError("the conformance suite needs -Ddatamesh.specs.dir=/path/to/specs");
    }
    return Path.of(specs).toAbsolutePath().resolve("odcs/examples");
  }

  static Stream<String> exampleNames() throws IOException {
    try (Stream<Path> files = Files.list(examples())) {
      List<String> names = new ArrayList<>();
      files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
          .forEach(names::add);
      if (names.size() != 17) {
        throw new AssertionError("expected the 17 ODCS examples, found " + names);
      }
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleNames")
  void isValidAndRunKnowsWhatToDoWithIt(String name) throws Exception {
    CliOutcome outcome =
        CliOutcome.run(
            "validate-contract", "--contract=" + examples().resolve(name), "--format=json");

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    JsonNode json = new ObjectMapper().readTree(outcome.out());
    assertThat(json.get("validOdcs").asBoolean(), is(true));
    assertThat(json.get("problems").size(), is(0));
    if (NOTHING_TO_PUBLISH.containsKey(name)) {
      assertThat(json.get("runnable").asBoolean(), is(false));
      assertThat(json.get("refusals").size(), is(1));
      assertThat(json.get("refusals").get(0).get("path").asText(), equalTo(NOTHING_TO_PUBLISH.get(name)));
    } else {
      assertThat(json.get("refusals").toString(), json.get("runnable").asBoolean(), is(true));
      assertThat(json.get("product").get("tables").size() > 0, is(true));
    }
  }

  @Test
  void theNoticesNameWhatRunWillNotEnforce() throws Exception {
    CliOutcome outcome =
        CliOutcome.run(
            "validate-contract", "--contract=" + examples().resolve("full-example.odcs.yaml"),
            "--format=json");
    JsonNode json = new ObjectMapper().readTree(outcome.out());
    List<String> paths = new ArrayList<>();
    json.get("notices").forEach(n -> paths.add(n.get("path").asText()));
    // Roles are read (what each reads, by the access convention), so they are no notice.
    assertThat(paths.contains("roles"), is(false));
    assertThat(paths.contains("dataProduct"), is(true));
    // A relationship to a table the contract does not declare is not checked, and says so.
    assertThat(paths.contains("schema[1].properties[3].relationships[0]"), is(true));
    assertThat(json.get("product").get("tables").size(), is(2));
    assertThat(json.get("product").get("id").asText(), equalTo("seller.my_quantum"));
  }
}
