package org.datamesh.core.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Contracts that made the loader throw something other than a {@link ContractException}, or report
 * a problem without a path, found by fuzzing ({@link MutatedContractsTest}, and the generated
 * contracts of {@link OdcsVerdictConformanceTest}), each refused now with the problem at its
 * path; and numbers those
 * properties aim at (non-finite, a huge exponent), which the loader already refused.
 */
class FuzzFoundContractsTest {

  private static final String ORDERS = SalesOrdersContract.YAML;

  @Test
  void aServerWithoutATypeIsRefusedAtItsPathNotANullPointerException() {
    String noType = ORDERS.replace("  - server: lake\n    type: s3\n", "  - server: lake\n");
    String notAMapping = ORDERS.replace("servers:\n", "servers:\n  - true\n");

    assertThat(paths(noType), contains("servers[1].type"));
    assertThat(paths(notAMapping), contains("servers[0]"));
  }

  @Test
  void anEmptyKeyHasAQuotedPathNotAnEmptyOne() {
    assertThat(paths(ORDERS + "\"\": 1\n"), contains("$[\"\"]"));
    assertThat(paths(ORDERS + "\"a.b c\": 1\n"), contains("$[\"a\\u002eb c\"]"));
  }

  @Test
  void infiniteAndNotANumberValuesAreRefusedWhereNumbersAreRead() {
    String infiniteBound = ORDERS.replace("minimum: 0\n", "minimum: .inf\n");
    String notANumberThreshold = ORDERS.replace("mustBeLessOrEqualTo: 0.5", "mustBeLessOrEqualTo: .nan");
    String infiniteRange = ORDERS.replace("mustBeBetween: [1, 5000000]", "mustBeBetween: [1, .inf]");
    String infiniteRetention = ORDERS.replace("value: 30\n", "value: .inf\n");
    String notANumberArgument = ORDERS.replace("validValues: [EUR, USD, GBP]", "validValues: [EUR, .nan]");

    assertThat(paths(infiniteBound), hasItem("schema[0].properties[1].logicalTypeOptions.minimum"));
    assertThat(paths(notANumberThreshold), hasItem("schema[0].properties[2].quality[0].mustBeLessOrEqualTo"));
    assertThat(paths(infiniteRange), hasItem("schema[0].quality[0].mustBeBetween[1]"));
    assertThat(paths(infiniteRetention), hasItem("slaProperties[0].value"));
    assertThat(paths(notANumberArgument), hasItem("schema[0].properties[2].quality[0].arguments.validValues[1]"));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aHugeExponentIsRefusedQuicklyNotExpandedDigitByDigit() {
    String hugeRetention = ORDERS.replace("value: 30\n", "value: 1e999999999\n");

    assertThat(paths(hugeRetention), contains("slaProperties[0].value"));
  }

  private static List<String> paths(String yaml) {
    return assertThrows(ContractException.class, () -> ContractLoader.parse(yaml, "fuzz.odcs.yaml"))
        .problems()
        .stream()
        .map(ContractProblem::path)
        .toList();
  }
}
