package org.datamesh.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.util.List;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.contract.QualityRule;
import org.datamesh.core.failure.Severity;
import org.junit.jupiter.api.Test;

class ContractRulesTest {

  private static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: c-1
      version: 1.0.0
      status: active
      domain: shop
      name: items
      schema:
        - name: items
          properties:
            - name: sku
              logicalType: string
              required: true
              logicalTypeOptions:
                pattern: "SKU-[0-9]+"
                minLength: 5
                maxLength: 12
            - name: price
              logicalType: number
              logicalTypeOptions:
                exclusiveMinimum: 0
                maximum: 1000
            - name: colour
              logicalType: string
              quality:
                - metric: invalidValues
                  arguments:
                    validValues: [red, green]
                  mustBe: 0
                - name: colour.rare
                  metric: invalidValues
                  arguments:
                    validValues: [red]
                  mustBe: 0
                  severity: warning
                - metric: nullValues
                  mustBeLessThan: 5
                  unit: percent
            - name: size
              logicalType: string
              customProperties:
                - property: standardize
                  value: upper
              quality:
                - metric: invalidValues
                  arguments:
                    validValues: [S, M, L]
                  mustBe: 0
      """;

  private static DataContract contract() throws Exception {
    return ContractLoader.parse(CONTRACT, "items.yaml");
  }

  @Test
  void mapsEachColumnsOptionsAndRecordLevelQualityRulesInOrder() throws Exception {
    RuleSet rules = ContractRules.from(contract());
    assertThat(
        rules.rules().stream().map(Rule::toString).toList(),
        contains(
            "sku.not_null [ERROR]: sku present",
            "sku.pattern [ERROR]: sku match SKU-[0-9]+",
            "sku.length [ERROR]: sku between 5 and 12 characters long",
            "price.range [ERROR]: price greater than 0 and at most 1000",
            "colour.allowed_values [ERROR]: colour one of red, green",
            "colour.rare [WARN]: colour one of red",
            "size.allowed_values [ERROR]: size one of S, M, L"));
  }

  @Test
  void theRulesJudgeValuesAsTheContractSays() throws Exception {
    List<Rule> rules = ContractRules.from(contract()).rules();
    Rule price = rules.get(3);
    assertThat(price.evaluateValue(new BigDecimal("0")).severity(), is(Severity.ERROR));
    assertThat(price.evaluateValue(new BigDecimal("0.01")), nullValue());
    assertThat(price.evaluateValue(new BigDecimal("1000")), nullValue());
    assertThat(price.evaluateValue(new BigDecimal("1000.01")).ruleId(), is("price.range"));
    // Rules judge the standardized value: an upper-cased size is compared exactly.
    Rule size = rules.get(6);
    assertThat(size.evaluateValue("M"), nullValue());
    assertThat(size.evaluateValue("m").ruleId(), is("size.allowed_values"));
    assertThat(size.evaluateValue("XL").ruleId(), is("size.allowed_values"));
  }

  @Test
  void aLibraryRuleWithoutThresholdIsRefusedOnceWithTheOperatorsItNeeds() {
    String noThreshold =
        CONTRACT.replaceFirst("(validValues: \\[S, M, L\\]\\n)\\s*mustBe: 0\\n", "$1");
    org.datamesh.core.contract.ContractException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.datamesh.core.contract.ContractException.class,
            () -> ContractLoader.parse(noThreshold, "items.yaml"));
    assertThat(e.problems().size(), is(1));
    assertThat(
        e.problems().get(0).toString(),
        is("schema[0].properties[3].quality[0] (line 45): a library rule needs one threshold, one"
            + " of: mustBe, mustNotBe, mustBeGreaterThan, mustBeGreaterOrEqualTo, mustBeLessThan,"
            + " mustBeLessOrEqualTo, mustBeBetween, mustNotBeBetween"));
  }

  @Test
  void datasetThresholdsAreListedAsNotRecordRules() throws Exception {
    List<QualityRule> checks = ContractRules.datasetChecks(contract());
    assertThat(checks.size(), is(1));
    assertThat(checks.get(0).metric(), is("nullValues"));
    assertThat(checks.get(0).field(), is("colour"));
  }

  @Test
  void theTighterOfTwoBoundsDecidesAndTwoPatternsBothApply() throws Exception {
    String yaml =
        CONTRACT
            .replaceFirst("( *)exclusiveMinimum: 0\n", "$1exclusiveMinimum: 0\n$1minimum: 10\n")
            .replaceFirst(
                "( *)required: true\n",
                "$1required: true\n$1quality:\n$1  - metric: invalidValues\n$1    arguments:\n"
                    + "$1      pattern: \"SKU-1.*\"\n$1    mustBe: 0\n");
    RuleSet rules = ContractRules.from(ContractLoader.parse(yaml, "items.yaml"));
    Rule price = rules.rules().stream().filter(r -> r.id().equals("price.range")).findFirst().get();
    assertThat(price.evaluateValue(new BigDecimal("5")).ruleId(), is("price.range"));
    assertThat(price.evaluateValue(new BigDecimal("10")), nullValue());
    assertThat(
        rules.rules().stream().map(Rule::id).filter(id -> id.startsWith("sku.pattern")).toList(),
        contains("sku.pattern", "sku.pattern.quality1"));
  }
}
