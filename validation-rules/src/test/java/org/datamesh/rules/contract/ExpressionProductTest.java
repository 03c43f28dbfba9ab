package org.datamesh.rules.contract;

import static org.datamesh.core.testing.FailureMatchers.atRecord;
import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.pipeline.BuildProduct;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.testing.ProductTestInput;
import org.datamesh.core.testing.TestPipelineExtension;
import org.datamesh.rules.ContractRules;
import org.datamesh.rules.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A product built from a contract using the new rules end to end: rules judge standardized
 * values, CEL rules from {@code quality} entries of type custom, each failure listing every rule
 * broken, and a CEL expression that does not compile refused when the spec is built.
 */
@ExtendWith(TestPipelineExtension.class)
class ExpressionProductTest {

  static DataContract contract() throws Exception {
    return ContractLoader.fromClasspath("org/datamesh/rules/contract/shipments.odcs.yaml");
  }

  @Test
  void theContractsRulesJudgeTheStandardizedRecordAndCelRulesTheWholeRecord(TestPipeline pipeline)
      throws Exception {
    ProductSpec spec = ContractProducts.spec(contract(), RecordFormat.Kind.CSV);
    ProductRecords records =
        pipeline
            .apply(
                ProductTestInput.file(
                    "shipments.csv",
                    "shipment_id,country,currency,status,ordered_at,shipped_at,weight",
                    // 1: lower case and spaces, standardized before the rules: published
                    " s-1 ,fr,eur,shipped,2024-03-01T10:00:00+01:00,2024-03-02T08:00:00Z,12.5",
                    // 2: shipped before ordered, unknown country and currency, forbidden status
                    "S-2,XX,ABC,unknown,2024-03-05T00:00:00Z,2024-03-04T00:00:00Z,1",
                    // 3: SHIPPED without a date, ordered before the contract's minimum
                    "S-3,DE,,SHIPPED,2023-12-31T23:00:00Z,,1",
                    // 4: heavy: a WARN CEL rule on a column, published and counted
                    "S-4,IT,EUR,PLACED,2024-03-05T00:00:00Z,,31",
                    // 5: a time that cannot be standardized: STANDARDIZE, no rule judges it
                    "S-5,XX,EUR,PLACED,yesterday,,1"))
            .apply(BuildProduct.of(spec));

    PAssert.that(records.published())
        .satisfies(
            rows -> {
              List<String> seen = new ArrayList<>();
              for (Row r : rows) {
                seen.add(r.getString("shipment_id") + "|" + r.getString("country") + "|" + r.getString("currency"));
              }
              assertThat(seen, containsInAnyOrder("S-1|FR|EUR", "S-4|IT|EUR"));
              return null;
            });
    PAssert.that(records.failures())
        .satisfies(
            failures -> {
              assertThat(
                  failures,
                  containsInAnyOrder(
                      allOf(
                          atRecord(2),
                          failedAt(Stage.VALIDATE),
                          hasRule("country.format"),
                          hasRule("currency.format"),
                          hasRule("status.forbidden_values"),
                          hasRule("shipped_after_ordered")),
                      allOf(atRecord(3), failedAt(Stage.VALIDATE), hasRule("ordered_at.range"), hasRule("expression2")),
                      allOf(atRecord(5), failedAt(Stage.STANDARDIZE), hasRule("standardize.timestamp"))));
              for (Failure failure : failures) {
                for (Violation v : failure.violations()) {
                  assertThat(v.reason(), not(containsString("XX")));
                  assertThat(v.reason(), not(containsString("ABC")));
                }
              }
              return null;
            });
    PAssert.that(records.warningCounts()).containsInAnyOrder(KV.of("weight.heavy", 1L));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void celEntriesAreRecordRulesNotDatasetChecks() throws Exception {
    List<String> ids = ContractRules.from(contract()).rules().stream().map(Rule::id).toList();
    assertThat(ids, contains(
        "shipment_id.not_null", "shipment_id.pattern", "country.not_null", "country.format",
        "currency.format", "status.not_null", "status.forbidden_values", "ordered_at.not_null",
        "ordered_at.range", "weight.heavy", "shipped_after_ordered", "expression2"));
    assertThat(ContractRules.datasetChecks(contract()), is(empty()));
    assertThat(contract().notices().toString(), not(containsString("custom")));
  }

  @Test
  void anExpressionThatDoesNotCompileIsAContractProblemAtItsPath() throws Exception {
    String yaml =
        new String(
            ExpressionProductTest.class.getResourceAsStream("shipments.odcs.yaml").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    DataContract broken =
        ContractLoader.parse(
            yaml.replace("shipped_at >= ordered_at\"", "shipped_at >= orderd_at\"")
                .replace("weight == null || weight <= 30\"", "weight * 2.0\""),
            "shipments.yaml");
    ContractException e = assertThrows(ContractException.class, () -> ContractProducts.spec(broken));
    assertThat(e.problems().size(), is(2));
    assertThat(
        e.problems().get(0).toString(),
        containsString("schema[0].quality[0].implementation: the CEL expression shipped_at == null"
            + " || shipped_at >= orderd_at does not compile: at 1:37: undeclared reference to"
            + " 'orderd_at' (in container '')"));
    assertThat(
        e.problems().get(1).toString(),
        containsString("schema[0].properties[6].quality[0].implementation: the CEL expression"
            + " weight * 2.0 gives a double, not a bool"));
  }
}
