package org.datamesh.rules.dataset;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.core.testing.TestPipelineExtension;
import org.datamesh.rules.FieldPath;
import org.datamesh.rules.contract.ContractProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quality entries on nested properties check the values at their path: inside objects one value
 * per row (null below a missing object), inside arrays one per item; from a contract, through
 * the whole spine on the Direct runner.
 */
@ExtendWith(TestPipelineExtension.class)
class NestedQualityChecksTest {

  static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: shop-orders-quality
      version: 1.0.0
      status: active
      domain: shop
      dataProduct: orders
      schema:
        - name: orders
          properties:
            - name: order_id
              logicalType: string
              required: true
              primaryKey: true
            - name: customer
              logicalType: object
              properties:
                - name: name
                  logicalType: string
                - name: address
                  logicalType: object
                  properties:
                    - name: zip
                      logicalType: string
                      quality:
                        - {name: zip_nulls, metric: nullValues, mustBeLessOrEqualTo: 40, unit: percent, severity: warning}
                        - {type: custom, engine: datamesh-metric, implementation: "topValues(1) in (75001)"}
            - name: lines
              logicalType: array
              items:
                logicalType: object
                properties:
                  - name: line_id
                    logicalType: integer
                    quality:
                      - {name: line_ids_unique, metric: duplicateValues, mustBe: 0, severity: warning}
                  - name: sku
                    logicalType: string
                    quality:
                      - name: known_skus
                        metric: invalidValues
                        arguments: {validValues: [A-1, B-2]}
                        mustBeLessOrEqualTo: 25
                        unit: percent
                  - name: quantity
                    logicalType: integer
                    quality:
                      - {type: custom, engine: datamesh-metric, implementation: "sum >= 10", name: enough_items}
                      - {type: sql, query: "select count(*) from orders", mustBeGreaterThan: 0}
      """;

  /** 4 orders, 5 lines: one zip null, one customer missing (its zip null too), line 3 twice. */
  static final String ORDERS =
      """
      {"order_id":"O1","customer":{"name":"Ada","address":{"zip":"75001"}},"lines":[{"line_id":1,"sku":"A-1","quantity":2},{"line_id":2,"sku":"B-2","quantity":3}]}
      {"order_id":"O2","customer":{"name":"Bob","address":{"zip":null}},"lines":[{"line_id":3,"sku":"Z-9","quantity":1}]}
      {"order_id":"O3","lines":[]}
      {"order_id":"O4","customer":{"name":"Cy","address":{"zip":"75001"}},"lines":[{"line_id":3,"sku":"A-1","quantity":4},{"line_id":4,"sku":null,"quantity":1}]}
      """;

  @TempDir Path dir;

  @Test
  void aContractsNestedQualityEntriesAreCheckedAtTheirPaths(TestPipeline pipeline)
      throws Exception {
    DataContract contract = ContractLoader.parse(CONTRACT, "orders.yaml");
    ContractChecks declared = ContractChecks.of(contract.tables().get(0));
    assertThat(
        declared.notEnforced(),
        contains(
            containsString(
                "schema[0].properties[2].items.properties[2].quality[1]: a sql rule on a nested"
                    + " property is not evaluated yet")));

    Path input = Files.writeString(dir.resolve("orders.jsonl"), ORDERS);
    Path output = dir.resolve("out");
    pipeline.apply(
        DataProductPipeline.of(ContractProducts.spec(contract, RecordFormat.Kind.JSON_LINES))
            .from(input.toString())
            .to(output.toString())
            .withRunId("run-1"));
    pipeline.run().waitUntilFinish();

    Manifest manifest = Manifest.read(output.resolve("shop/orders"));
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(4, 4, 0, 0)));
    assertThat(
        manifest.onlyTable().quality().checks().stream().map(NestedQualityChecksTest::result).toList(),
        contains(
            // O2's zip is null, O3 has no customer: 2 of 4 rows
            "zip_nulls failed 50 percent",
            "topValuesOutside(customer.address.zip,1,[\"75001\"]) passed 0",
            // 5 line ids, 3 twice: 1 beyond the first
            "line_ids_unique failed 1 rows",
            // Z-9 is not valid; a null sku is not invalid: 1 of 5 values
            "known_skus passed 20 percent",
            "enough_items passed 11"));
  }

  @Test
  void anEntryUnderAColumnPublishedEncryptedWholeIsListedNotEnforced(TestPipeline pipeline)
      throws Exception {
    // a classified name inside customer: the whole customer column is one ciphertext
    String classified =
        CONTRACT.replaceFirst(
            "( *)- name: name\n( *)logicalType: string\n",
            "$1- name: name\n$2logicalType: string\n$2classification: restricted\n");
    assertThat(classified, containsString("classification: restricted"));
    DataContract contract = ContractLoader.parse(classified, "orders.yaml");
    ProductSpec spec =
        ContractProducts.spec(contract, RecordFormat.Kind.JSON_LINES, DataKeys.generate());
    Path input = Files.writeString(dir.resolve("orders.jsonl"), ORDERS);
    Path output = dir.resolve("out");
    pipeline.apply(
        DataProductPipeline.of(spec).from(input.toString()).to(output.toString()).withRunId("run-1"));
    pipeline.run().waitUntilFinish();

    Manifest manifest = Manifest.read(output.resolve("shop/orders"));
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(4, 4, 0, 0)));
    // the zip's checks are not evaluated; the lines' are
    assertThat(
        manifest.onlyTable().quality().checks().stream().map(CheckResult::id).toList(),
        contains("line_ids_unique", "known_skus", "enough_items"));
    assertThat(
        ContractChecks.of(contract.tables().get(0)).readableIn(spec.outputSchema()).notEnforced(),
        hasItem(containsString("zip_nulls: customer.address.zip is not in the published rows")));
  }

  private static String result(CheckResult check) {
    return check.id() + " " + (check.passed() ? "passed" : "failed") + " "
        + CheckResult.format(check.measured()) + (check.unit().isEmpty() ? "" : " " + check.unit());
  }

  @Test
  void pathsReadNestedRowsAndArraysAndAColumnWithADotIsAColumn() {
    Schema address = Schema.builder().addNullableStringField("zip").build();
    Schema schema =
        Schema.builder()
            .addNullableRowField("address", address)
            .addNullableArrayField("tags", Schema.FieldType.STRING)
            .addNullableStringField("a.b")
            .build();
    Row row =
        Row.withSchema(schema)
            .addValues(null, List.of("x", "y"), "dotted")
            .build();
    List<Object> zips = new java.util.ArrayList<>();
    ColumnValues.forEach(row, "address.zip", zips::add);
    assertThat(zips, contains((Object) null)); // below a missing row: one null
    List<Object> tags = new java.util.ArrayList<>();
    ColumnValues.forEach(row, "tags[]", tags::add);
    assertThat(tags, contains("x", "y"));
    List<Object> dotted = new java.util.ArrayList<>();
    ColumnValues.forEach(row, "a.b", dotted::add);
    assertThat(dotted, contains("dotted"));
    assertThat(ColumnValues.exists(schema, "address.street"), is(false));
    assertThat(FieldPath.parse("lines[].sku").toString(), is("lines[].sku"));
    assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("lines[.sku"));
  }
}
