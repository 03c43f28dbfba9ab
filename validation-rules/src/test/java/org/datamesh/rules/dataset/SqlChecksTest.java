package org.datamesh.rules.dataset;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.datamesh.core.DataTypes;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.quality.TableQuality;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ODCS {@code sql} rules: a Beam SQL query's one number, judged like any dataset check. */
@ExtendWith(TestPipelineExtension.class)
class SqlChecksTest {

  @Test
  void aQuerysNumberPassesOrFailsItsComparisonAndNamesTheTableAsWritten(TestPipeline pipeline) {
    PCollection<TableQuality> quality =
        DatasetChecksTest.run(
            pipeline,
            Check.sql("select count(*) from orders where amount >= 30", Comparison.mustBe(2)),
            Check.sql("SELECT SUM(amount) FROM ${object}", Comparison.mustBeGreaterThan(1000))
                .withId("revenue"),
            Check.sql("select count(*) from Orders_Table", Comparison.mustBe(5))
                .callingTheTable("Orders_Table")
                .withId("alias")
                .asWarning());

    PAssert.that(quality)
        .satisfies(
            DatasetChecksTest.results(
                "sql passed 2 2", "revenue failed 100 > 1000", "alias passed 5 5"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void decimalsAndDatesOfTheContractsTypesAreQueried(TestPipeline pipeline) {
    Schema schema =
        Schema.builder()
            .addNullableField("amount", DataTypes.decimal(18, 4))
            .addNullableField("paid_on", DataTypes.date())
            .build();
    PCollection<Row> rows =
        pipeline.apply(
            Create.of(
                    Row.withSchema(schema).addValues(new BigDecimal("12.5000"), LocalDate.of(2026, 1, 1)).build(),
                    Row.withSchema(schema).addValues(new BigDecimal("-3.2500"), LocalDate.of(2026, 1, 2)).build(),
                    Row.withSchema(schema).addValues(null, LocalDate.of(2026, 1, 3)).build())
                .withRowSchema(schema));
    PCollection<TableQuality> quality =
        ProductRecords.of(
                pipeline.apply("Input", Create.of(3L)),
                rows,
                pipeline.apply("Failures", Create.empty(TypeDescriptor.of(Failure.class))),
                pipeline.apply("Duplicates", Create.empty(RowCoder.of(schema))).setRowSchema(schema))
            .named("payments")
            .apply(
                DatasetChecks.of(
                    Check.sql(
                        "select count(*) from payments where amount < 0 and paid_on > DATE '2026-01-01'",
                        Comparison.mustBe(0))));

    PAssert.that(quality).satisfies(DatasetChecksTest.results("sql failed 1 0"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aContractsSqlRuleIsACheckOnItsQuery() throws Exception {
    ContractTable table =
        ContractLoader.parse(
                """
                apiVersion: v3.1.0
                kind: DataContract
                id: air
                name: my_table
                version: 1.0.0
                status: active
                schema:
                  - name: Air_Quality
                    properties:
                      - name: DataValue
                        logicalType: number
                        quality:
                          - type: sql
                            query: select count(*) from Air_Quality where ${property} <= 0 or ${property} >= 500
                            mustBe: 0
                            severity: error
                          - type: sql
                            name: few_rows
                            query: select count(*) from ${object}
                            mustBeLessThan: 10
                            severity: warning
                """,
                "air.yaml")
            .tables()
            .get(0);

    ContractChecks checks = ContractChecks.of(table);

    assertThat(checks.notEnforced(), empty());
    Check accuracy = checks.checks().get(0);
    assertThat(accuracy.id(), equalTo("sql"));
    assertThat(accuracy.severity(), is(Severity.ERROR));
    assertThat(
        accuracy.sqlQuery(),
        equalTo("select count(*) from Air_Quality where DataValue <= 0 or DataValue >= 500"));
    assertThat(accuracy.sqlTable(), equalTo("Air_Quality"));
    Check few = checks.checks().get(1);
    assertThat(few.id(), equalTo("few_rows"));
    assertThat(few.severity(), is(Severity.WARN));
  }

  @Test
  void aQueryThatDoesNotReturnOneNumberFailsTheRunNamingIt() {
    Pipeline pipeline =
        Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    DatasetChecksTest.run(
        pipeline, Check.sql("select status, amount from orders", Comparison.mustBe(0)));

    Pipeline.PipelineExecutionException failed =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> pipeline.run().waitUntilFinish());
    assertThat(failed.getMessage(), containsString("returns 2 columns"));
    assertThat(failed.getMessage(), containsString("select status, amount from orders"));
  }
}
