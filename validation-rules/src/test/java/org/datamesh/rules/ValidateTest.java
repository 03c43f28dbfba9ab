package org.datamesh.rules;

import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.datamesh.core.testing.FailureMatchers.violationCount;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class ValidateTest {

  static final RuleSet RULES =
      RuleSet.of(
          Rules.notNull("id"),
          Rules.atLeast("amount", 0),
          Rules.atMost("qty", 100).asWarning().withId("qty.bulk"),
          Rules.oneOf("status", "PLACED", "SHIPPED"));

  @Test
  void quarantinesErrorsWithEveryBrokenRuleAndCountsWarnings(TestPipeline pipeline) {
    Row good = RulesTest.row("A1", "5", 1, "PLACED");
    Row bulk = RulesTest.row("A2", "5", 500, "SHIPPED");
    Row bulk2 = RulesTest.row("A3", "0", 101, "PLACED");
    Row bad = RulesTest.row(null, "-1", 500, "LOST");
    ValidationResult result =
        pipeline
            .apply(Create.of(good, bulk, bulk2, bad).withRowSchema(RulesTest.SCHEMA))
            .apply(Validate.with(RULES).forProduct("sales.orders"));
    PAssert.that(result.rows()).containsInAnyOrder(good, bulk, bulk2);
    PAssert.that(result.warningCounts()).containsInAnyOrder(java.util.List.of(KV.of("qty.bulk", 2L)));
    PAssert.that(result.failures())
        .satisfies(
            failures -> {
              assertThat(
                  failures,
                  contains(
                      allOf(
                          failedAt(Stage.VALIDATE),
                          violationCount(4),
                          hasRule("id.not_null"),
                          hasRule("amount.range"),
                          hasRule("qty.bulk"),
                          hasRule("status.allowed_values"))));
              assertThat(failures.iterator().next().product(), equalTo("sales.orders"));
              assertThat(failures.iterator().next().rawPayload(), containsString("\"status\":\"LOST\""));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void showsItsRulesInDisplayData() {
    DisplayData data = DisplayData.from(Validate.with(RULES).forProduct("sales.orders"));
    assertThat(
        data.asMap()
            .get(DisplayData.Identifier.of(DisplayData.Path.root(), Validate.class, "rule.qty.bulk"))
            .getValue(),
        equalTo("WARN: qty at most 100"));
  }
}
