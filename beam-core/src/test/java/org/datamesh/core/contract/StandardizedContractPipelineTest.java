package org.datamesh.core.contract;

import static org.datamesh.core.testing.FailureMatchers.atRecord;
import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.datamesh.core.testing.FailureMatchers.onField;
import static org.datamesh.core.testing.FailureMatchers.violationCount;
import static org.datamesh.core.testing.RowMatchers.hasField;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.pipeline.BuildProduct;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.record.ConformToSchema;
import org.datamesh.core.testing.ProductTestInput;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A contract using the standardization directives, run end to end through the record path:
 * published values in canonical form, STANDARDIZE failures with every reason, and a null token in
 * a required column failing as a missing value.
 */
@ExtendWith(TestPipelineExtension.class)
class StandardizedContractPipelineTest {

  static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: customers-1
      version: 1.0.0
      status: active
      domain: crm
      name: customers
      schema:
        - name: customers
          properties:
            - {name: id, logicalType: string, required: true}
            - name: name
              logicalType: string
              customProperties: [{property: standardize, value: 'strip_control, nfc, collapse, title'}]
            - name: phone
              logicalType: string
              customProperties: [{property: standardize, value: 'null_tokens, phone(DE)'}]
            - name: email
              logicalType: string
              customProperties: [{property: standardize, value: email}]
            - name: country
              logicalType: string
              required: true
              customProperties: [{property: standardize, value: 'null_tokens(N/A|unknown), country'}]
            - name: active
              logicalType: boolean
              customProperties: [{property: standardize, value: boolean}]
            - name: weight
              logicalType: number
              physicalType: decimal(10,3)
              customProperties: [{property: standardize, value: unit(kg)}]
            - name: born
              logicalType: date
              customProperties: [{property: standardize, value: 'formats(dd.MM.yyyy)'}]
            - name: seen
              logicalType: timestamp
              logicalTypeOptions: {defaultTimezone: Europe/Berlin}
              customProperties: [{property: standardize, value: 'formats(dd/MM/yyyy HH:mm)'}]
            - name: currency
              logicalType: string
              customProperties: [{property: standardize, value: currency}]
            - name: amount
              logicalType: number
              physicalType: decimal(12,2)
              customProperties: [{property: standardize, value: currency(currency)}]
      """;

  static final String[] CSV = {
    "id,name,phone,email,country,active,weight,born,seen,currency,amount",
    "c1,\"  ANNE\u200B   marie \",030 1234567, Ann@Example.COM ,deu,Yes,5 lb,05.03.1990,"
        + "05/03/2024 10:15, eur ,10.005",
    "c2,Zoe\u0308,N/A,,United Kingdom,off,2500 g,1990-03-05,2024-03-05T10:15:00Z,\u20AC,3",
    "c3,Bob,12345,bob.example.org,Atlantis,maybe,5 parsec,31.02.1990,yesterday,$,1",
    "c4,Dee,,,unknown,y,1 kg,,,,",
  };

  @Test
  void publishesCanonicalValuesAndQuarantinesWhatCannotBeStandardized(TestPipeline pipeline)
      throws Exception {
    DataContract contract = ContractLoader.parse(CONTRACT, "customers.yaml");
    ProductSpec spec =
        ProductSpec.of(contract.product())
            .readingFrom(RecordFormat.csv(ContractStandardization.rawSchema(contract)))
            .through(
                ContractStandardization.step(contract),
                ConformToSchema.to(contract.publishedSchema()));
    ProductRecords records =
        pipeline.apply(ProductTestInput.file("customers.csv", CSV)).apply(BuildProduct.of(spec));

    PAssert.that(records.published())
        .satisfies(
            rows -> {
              assertThat(
                  rows,
                  containsInAnyOrder(
                      allOf(
                          hasField("id", "c1"),
                          hasField("name", "Anne Marie"),
                          hasField("phone", "+49301234567"),
                          hasField("email", "Ann@example.com"),
                          hasField("country", "DE"),
                          hasField("active", true),
                          hasField("weight", new BigDecimal("2.268")),
                          hasField("born", LocalDate.of(1990, 3, 5)),
                          hasField("seen", Instant.parse("2024-03-05T09:15:00Z")),
                          hasField("currency", "EUR"),
                          hasField("amount", new BigDecimal("10.00"))),
                      allOf(
                          hasField("id", "c2"),
                          hasField("name", "Zo\u00EB"),
                          hasField("phone", nullValue()),
                          hasField("email", nullValue()),
                          hasField("country", "GB"),
                          hasField("active", false),
                          hasField("weight", new BigDecimal("2.500")),
                          hasField("born", LocalDate.of(1990, 3, 5)),
                          hasField("seen", Instant.parse("2024-03-05T10:15:00Z")),
                          hasField("currency", "EUR"),
                          hasField("amount", new BigDecimal("3.00")))));
              return null;
            });
    PAssert.that(records.failures())
        .satisfies(
            failures -> {
              assertThat(
                  failures,
                  containsInAnyOrder(
                      allOf(
                          failedAt(Stage.STANDARDIZE),
                          atRecord(3),
                          violationCount(9),
                          hasRule("standardize.phone"),
                          hasRule("standardize.email"),
                          hasRule("standardize.country"),
                          hasRule("standardize.boolean"),
                          hasRule("standardize.unit"),
                          hasRule("standardize.date"),
                          hasRule("standardize.timestamp"),
                          hasRule("standardize.currency")),
                      allOf(
                          failedAt(Stage.PUBLISH),
                          atRecord(4),
                          hasRule("country.required"),
                          onField("country"))));
              for (Failure failure : failures) {
                for (Violation violation : failure.violations()) {
                  for (String value :
                      List.of("12345", "bob.example.org", "Atlantis", "maybe", "parsec",
                          "31.02.1990", "yesterday", "$", "unknown")) {
                    assertThat(violation.reason(), not(containsString(value)));
                  }
                }
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
