package org.datamesh.rules.contract;

import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.pipeline.BuildProductFromRows;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer-aligned product: rows a pipeline computed, checked against their contract, counted
 * and published like any product's (Direct runner).
 */
@ExtendWith(TestPipelineExtension.class)
class RowsProductTest {

  static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: c-seg
      version: 1.0.0
      status: active
      domain: crm
      dataProduct: customer-value
      customProperties:
        - property: builtFrom
          value: [sales/orders, crm/customers]
      schema:
        - name: customer_value
          properties:
            - name: customer_id
              logicalType: string
              required: true
              primaryKey: true
            - name: orders
              logicalType: integer
              required: true
              logicalTypeOptions:
                minimum: 1
            - name: value
              logicalType: number
              physicalType: decimal(18,4)
      """;

  @TempDir Path output;

  private static DataContract contract() throws Exception {
    return ContractLoader.parse(CONTRACT, "customer-value.yaml");
  }

  private static List<Row> rows(Schema schema) {
    List<Row> rows = new ArrayList<>();
    rows.add(Row.withSchema(schema).addValues("C1", 3L, new BigDecimal("10.5000")).build());
    rows.add(Row.withSchema(schema).addValues("C2", 0L, new BigDecimal("1.0000")).build());
    rows.add(Row.withSchema(schema).addValues("C1", 2L, new BigDecimal("4.0000")).build());
    rows.add(Row.withSchema(schema).addValues("C3", 1L, null).build());
    return rows;
  }

  @Test
  void readsWhatTheContractIsBuiltFrom() throws Exception {
    assertThat(contract().builtFrom(), equalTo(List.of("sales/orders", "crm/customers")));
  }

  @Test
  void checksCountsAndDeduplicatesComputedRows(TestPipeline pipeline) throws Exception {
    DataContract contract = contract();
    ProductSpec spec =
        ContractProducts.spec(contract, contract.onlyTable(), RecordFormat.Kind.ROWS, (DataKeys) null);
    Schema schema = contract.onlyTable().publishedSchema();

    ProductRecords records =
        pipeline
            .apply(Create.of(rows(schema)).withRowSchema(schema))
            .apply(BuildProductFromRows.of(spec));

    PAssert.thatSingleton(records.inputCount()).isEqualTo(4L);
    PAssert.that(records.published())
        .satisfies(
            rows -> {
              List<String> ids = new ArrayList<>();
              rows.forEach(r -> ids.add(r.getString("customer_id")));
              assertThat(ids, containsInAnyOrder("C1", "C3"));
              return null;
            });
    PAssert.that(records.failures())
        .satisfies(
            failures -> {
              List<Object> all = new ArrayList<>();
              failures.forEach(all::add);
              assertThat(all.size(), is(1));
              assertThat(
                  failures.iterator().next(),
                  allOf(failedAt(Stage.VALIDATE), hasRule("orders.range")));
              return null;
            });
    PAssert.that(records.duplicates())
        .satisfies(
            rows -> {
              List<String> ids = new ArrayList<>();
              rows.forEach(r -> ids.add(r.getString("customer_id")));
              assertThat(ids, containsInAnyOrder("C1"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void publishesComputedTablesWithTheirCounts(TestPipeline pipeline) throws Exception {
    DataContract contract = contract();
    List<ProductSpec> specs = ContractProducts.specs(contract, RecordFormat.Kind.ROWS, (DataKeys) null);
    Schema schema = contract.onlyTable().publishedSchema();

    pipeline.apply(
        DataProductPipeline.of(specs)
            .fromRows(new Compute(rows(schema), schema))
            .to(output.toString())
            .withRunId("run-1"));
    pipeline.run().waitUntilFinish();

    Manifest manifest = Manifest.read(output.resolve("crm").resolve("customer-value"));
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(4, 2, 1, 1)));
  }

  @Test
  void refusesRowsOfAnotherShapeWhileThePipelineIsBuilt() throws Exception {
    Pipeline pipeline = Pipeline.create();
    DataContract contract = contract();
    ProductSpec spec =
        ContractProducts.spec(contract, contract.onlyTable(), RecordFormat.Kind.ROWS, (DataKeys) null);
    Schema other = Schema.builder().addStringField("customer_id").addInt64Field("orders").build();

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                pipeline
                    .apply(Create.of(Row.withSchema(other).addValues("C1", 1L).build()).withRowSchema(other))
                    .apply(BuildProductFromRows.of(spec)));
    assertThat(e.getMessage(), containsString("do not have the schema the record path reads"));
  }

  /** The computation of a consumer product: here, fixed rows as the table customer_value. */
  private static final class Compute extends PTransform<PBegin, PCollectionRowTuple> {
    private final List<Row> rows;
    private final Schema schema;

    Compute(List<Row> rows, Schema schema) {
      this.rows = rows;
      this.schema = schema;
    }

    @Override
    public PCollectionRowTuple expand(PBegin begin) {
      return PCollectionRowTuple.of(
          "customer_value", begin.apply(Create.of(rows).withRowSchema(schema)));
    }
  }
}
