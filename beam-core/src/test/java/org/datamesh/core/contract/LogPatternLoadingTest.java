package org.datamesh.core.contract;

import static org.datamesh.core.contract.ContractLoaderTest.lineOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The schema object's {@code logPattern} custom property: loaded, checked, never a notice. */
class LogPatternLoadingTest {

  static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: access
      version: 1.0.0
      status: draft
      domain: web
      name: access
      schema:
        - name: access
          customProperties:
            - property: logPattern
              value: '(?<ip>\\S+) - (?<path>/\\S*)'
          properties:
            - name: ip
              logicalType: string
            - name: path
              logicalType: string
      """;

  @Test
  void loadsTheLogPatternWithoutANotice() throws Exception {
    DataContract contract = ContractLoader.parse(CONTRACT, "access.yaml");

    assertThat(contract.logPattern(), equalTo("(?<ip>\\S+) - (?<path>/\\S*)"));
    assertThat(contract.notices(), empty());
  }

  @Test
  void otherObjectCustomPropertiesAreNotices() throws Exception {
    String yaml =
        CONTRACT.replace(
            "    properties:",
            "      - property: owner-slack\n        value: '#web'\n    properties:");

    DataContract contract = ContractLoader.parse(yaml, "access.yaml");

    assertThat(contract.logPattern(), equalTo("(?<ip>\\S+) - (?<path>/\\S*)"));
    assertThat(
        contract.notices(),
        contains(
            new ContractProblem(
                "schema[0].customProperties[1]",
                lineOf(yaml, "- property: owner-slack"),
                "custom property owner-slack: not supported yet")));
  }

  @Test
  void aContractWithoutOneHasNoLogPattern() throws Exception {
    String yaml =
        CONTRACT.substring(0, CONTRACT.indexOf("    customProperties:"))
            + CONTRACT.substring(CONTRACT.indexOf("    properties:"));

    assertThat(ContractLoader.parse(yaml, "access.yaml").logPattern(), nullValue());
  }

  @Test
  void anInvalidRegexIsAProblemAtItsValueAndLine() {
    String yaml = CONTRACT.replace("(?<path>/\\S*)'", "(?<path>/\\S*'");

    ContractException e =
        assertThrows(ContractException.class, () -> ContractLoader.parse(yaml, "access.yaml"));

    assertThat(e.problems().size(), is(1));
    ContractProblem problem = e.problems().get(0);
    assertThat(problem.path(), equalTo("schema[0].customProperties[0].value"));
    assertThat(problem.line(), is(lineOf(yaml, "value: '(?<ip>")));
    assertThat(problem.message(), containsString("logPattern is not a valid regular expression"));
    assertThat(problem.message(), not(containsString("(?<ip>")));
  }

  @Test
  void aLogPatternDeclaredTwiceIsAProblem() {
    String yaml =
        CONTRACT.replace(
            "    properties:",
            "      - property: logPattern\n        value: '.*'\n    properties:");

    ContractException e =
        assertThrows(ContractException.class, () -> ContractLoader.parse(yaml, "access.yaml"));

    assertThat(
        e.problems().stream().map(ContractProblem::path).toList(),
        contains("schema[0].customProperties[1]"));
  }
}
