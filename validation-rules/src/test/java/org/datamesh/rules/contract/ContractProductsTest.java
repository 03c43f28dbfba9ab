package org.datamesh.rules.contract;

import static org.datamesh.core.testing.FailureMatchers.atRecord;
import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.pipeline.BuildProduct;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A product built from nothing but a contract, on JSON lines, every output asserted. */
@ExtendWith(TestPipelineExtension.class)
class ContractProductsTest {

  static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: c-1
      version: 1.2.0
      status: active
      domain: shop
      dataProduct: payments
      schema:
        - name: payments
          properties:
            - name: payment_id
              logicalType: string
              required: true
              primaryKey: true
              customProperties:
                - property: standardize
                  value: trim
            - name: amount
              logicalType: number
              physicalType: decimal(12,2)
              required: true
              logicalTypeOptions:
                minimum: 0
              customProperties:
                - property: standardize
                  value: currency(currency)
            - name: currency
              logicalType: string
              required: true
              customProperties:
                - property: standardize
                  value: upper
            - name: method
              logicalType: string
              partitioned: true
              partitionKeyPosition: 1
              quality:
                - metric: invalidValues
                  arguments:
                    validValues: [card, transfer]
                  mustBe: 0
                - name: method.manual
                  metric: invalidValues
                  arguments:
                    validValues: [card]
                  mustBe: 0
                  severity: warning
            - name: paid_at
              logicalType: timestamp
              required: true
              customProperties:
                - property: deduplicate
                  value: latest
      slaProperties:
        - property: retention
          value: 30
          unit: d
      """;

  static final String INPUT =
      String.join(
          "\n",
          "{\"payment_id\":\"P-1\",\"amount\":\"10.005\",\"currency\":\"eur\",\"method\":\"card\",\"paid_at\":\"2024-03-05T10:00:00+01:00\"}",
          "{\"payment_id\":\"P-2\",\"amount\":\"3\",\"currency\":\"JPY\",\"method\":\"transfer\",\"paid_at\":\"2024-03-05T10:00:00Z\"}",
          "{\"payment_id\":\" P-1 \",\"amount\":\"11\",\"currency\":\"EUR\",\"method\":\"card\",\"paid_at\":\"2024-03-06T10:00:00Z\"}",
          "{\"payment_id\":\"P-3\",\"amount\":\"-1\",\"currency\":\"EUR\",\"method\":\"cash\",\"paid_at\":\"2024-03-05T10:00:00Z\"}",
          "{\"payment_id\":\"P-4\",\"amount\":\"1\",\"currency\":\"EUR\",\"method\":\"card\",\"paid_at\":\"last tuesday\"}",
          "{\"payment_id\":\"P-5\",\"amount\":\"one\",\"currency\":\"EUR\"}",
          "{\"amount\":\"2\",\"currency\":\"EUR\",\"method\":\"card\",\"paid_at\":\"2024-03-05T10:00:00Z\"}",
          "");

  @TempDir Path dir;

  @Test
  void buildsThePublishedRowsFromTheContractAlone(TestPipeline pipeline) throws Exception {
    Path input = Files.writeString(dir.resolve("payments.jsonl"), INPUT);
    DataContract contract = ContractLoader.parse(CONTRACT, "payments.yaml");
    ProductSpec spec = ContractProducts.spec(contract, RecordFormat.Kind.JSON_LINES);

    ProductRecords records =
        pipeline
            .apply(FileIO.match().filepattern(input.toString()))
            .apply(FileIO.readMatches())
            .apply(BuildProduct.of(spec));

    PAssert.thatSingleton(records.inputCount()).isEqualTo(7L);
    PAssert.that(records.published())
        .satisfies(
            rows -> {
              List<String> seen = new ArrayList<>();
              for (Row r : rows) {
                seen.add(
                    r.getString("payment_id") + "|" + r.getDecimal("amount").toPlainString() + "|"
                        + r.getString("currency") + "|" + r.getString("method") + "|"
                        + r.getValue("paid_at"));
              }
              assertThat(
                  seen,
                  containsInAnyOrder(
                      "P-1|11.00|EUR|card|2024-03-06T10:00:00Z",
                      "P-2|3.00|JPY|transfer|2024-03-05T10:00:00Z"));
              return null;
            });
    PAssert.that(records.duplicates())
        .satisfies(
            rows -> {
              List<String> ids = new ArrayList<>();
              rows.forEach(r -> ids.add(r.getString("payment_id")));
              assertThat(ids, containsInAnyOrder("P-1"));
              return null;
            });
    PAssert.that(records.failures())
        .satisfies(
            failures -> {
              assertThat(
                  failures,
                  containsInAnyOrder(
                      allOf(atRecord(4), failedAt(Stage.VALIDATE), hasRule("amount.range"), hasRule("method.allowed_values")),
                      allOf(atRecord(5), failedAt(Stage.STANDARDIZE)),
                      allOf(atRecord(6), failedAt(Stage.PARSE)),
                      allOf(atRecord(7), failedAt(Stage.VALIDATE), hasRule("payment_id.not_null"))));
              return null;
            });
    PAssert.that(records.warningCounts()).containsInAnyOrder(KV.of("method.manual", 1L));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void publishedRowsHaveTheContractsSchema() throws Exception {
    ProductSpec spec =
        ContractProducts.spec(ContractLoader.parse(CONTRACT, "payments.yaml"), RecordFormat.Kind.CSV);
    assertThat(spec.outputSchema().getField("amount").getType(), is(DataTypes.decimal(12, 2)));
    assertThat(spec.outputSchema().getField("method").getType(), is(FieldType.STRING.withNullable(true)));
    assertThat(spec.key(), containsInAnyOrder("payment_id"));
    assertThat(spec.latestBy(), is("paid_at"));
    assertThat(spec.product().id(), is("shop.payments"));
    assertThat(spec.partitionKeys(), containsInAnyOrder("method"));
    assertThat(spec.retention(), is(java.time.Duration.ofDays(30)));
  }

  @Test
  void aBadDeduplicationMarkIsAContractProblem() throws Exception {
    DataContract contract =
        ContractLoader.parse(CONTRACT.replace("value: latest", "value: newest"), "payments.yaml");
    ContractException e =
        assertThrows(ContractException.class, () -> ContractProducts.spec(contract));
    assertThat(
        e.problems().get(0).toString(),
        is("schema[0].properties[4].customProperties.deduplicate: the only value is latest"));
  }
}
