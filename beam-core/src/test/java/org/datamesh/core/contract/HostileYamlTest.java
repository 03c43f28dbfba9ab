package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile YAML is refused within fixed limits, with a problem at a path, never an exception. */
class HostileYamlTest {

  private static final String ORDERS = SalesOrdersContract.YAML;

  @Test
  void refusesAYamlBomb() {
    StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char level = 'b'; level <= 'i'; level++) {
      char previous = (char) (level - 1);
      bomb.append(level).append(": &").append(level).append(" [");
      bomb.append(String.join(", ", Collections.nCopies(9, "*" + previous)));
      bomb.append("]\n");
    }

    ContractException e = assertThrows(ContractException.class, () -> parse(bomb.toString()));

    assertThat(paths(e.problems()), contains("$"));
    assertThat(e.problems().get(0).message(), containsString("more than 50 YAML aliases"));
  }

  @Test
  void refusesTenThousandLevelsOfNesting() {
    String deepSequence = "schema: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    String deepMapping = "x: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n";
    String deepRoot = "[".repeat(10_000) + "]".repeat(10_000);

    for (String deep : List.of(deepSequence, deepMapping, deepRoot)) {
      ContractException e = assertThrows(ContractException.class, () -> parse(deep));
      assertThat(e.problems(), hasSize(1));
      assertThat(e.problems().get(0).message(), containsString("nested deeper than 100 levels"));
    }
    assertThat(problemPaths(deepSequence), contains("schema"));
    assertThat(problemPaths(deepMapping), contains("x"));
    assertThat(problemPaths(deepRoot), contains("$"));
  }

  @Test
  void refusesADocumentOverFourMebibytes(@TempDir Path folder) throws IOException {
    String huge = ORDERS + "tags: [" + "x".repeat(5 * 1024 * 1024) + "]\n";

    ContractException parsed = assertThrows(ContractException.class, () -> parse(huge));
    assertThat(paths(parsed.problems()), contains("$"));
    assertThat(parsed.problems().get(0).message(), containsString("4 MiB"));

    Path file = folder.resolve("huge.odcs.yaml");
    Files.write(file, huge.getBytes(StandardCharsets.UTF_8));
    ContractException loaded = assertThrows(ContractException.class, () -> ContractLoader.load(file));
    assertThat(paths(loaded.problems()), contains("$"));
  }

  @Test
  void refusesAliasesTagsAndSeveralDocuments() {
    String alias = ORDERS.replace("id: urn:datacontract:sales:orders", "id: &id urn:x")
        .replace("name: Sales orders", "name: *id");
    assertThat(problemPaths(alias), contains("name"));

    String tag = ORDERS.replace("status: active", "status: !!python/object:os.system active");
    assertThat(problemPaths(tag), contains("status"));
    String taggedMapping = ORDERS.replace("team:\n", "team: !owner\n");
    assertThat(problemPaths(taggedMapping), contains("team"));

    String twoDocuments = ORDERS + "---\nkind: DataContract\n";
    assertThat(problemPaths(twoDocuments), contains("$"));
  }

  @Test
  void reportsInvalidYamlWithItsLine() {
    String invalid = ORDERS.replace("status: active", "status: [active");

    ContractException e = assertThrows(ContractException.class, () -> parse(invalid));

    assertThat(e.problems(), hasSize(1));
    assertThat(e.problems().get(0).message(), containsString("not valid YAML"));
    assertThat(e.problems().get(0).line() > 0, is(true));
  }

  private static DataContract parse(String yaml) throws ContractException {
    return ContractLoader.parse(yaml, "test.odcs.yaml");
  }

  private static List<String> problemPaths(String yaml) {
    return paths(assertThrows(ContractException.class, () -> parse(yaml)).problems());
  }

  private static List<String> paths(List<ContractProblem> problems) {
    return problems.stream().map(ContractProblem::path).toList();
  }
}
