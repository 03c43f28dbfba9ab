package org.datamesh.core.dedup;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.testing.TestPipelineExtension;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class DeduplicateRowsTest {

  static final Schema SCHEMA =
      SourceField.addTo(
          Schema.builder()
              .addNullableField("id", FieldType.STRING)
              .addNullableField("updated", FieldType.DATETIME)
              .addStringField("status")
              .build());

  static Row row(long record, String id, String updated, String status) {
    return Row.withSchema(SCHEMA)
        .addValues(
            id,
            updated == null ? null : Instant.parse(updated),
            status,
            SourceField.valueOf(SourcePosition.fileRecord("f.csv", record, record + 1)))
        .build();
  }

  @Test
  void keepsTheLatestRowPerKeyAndSetsTheRestAside(TestPipeline pipeline) {
    Row a1 = row(1, "A", "2024-01-01T00:00:00Z", "PLACED");
    Row a2 = row(2, "A", "2024-01-03T00:00:00Z", "DELIVERED");
    Row a3 = row(3, "A", "2024-01-02T00:00:00Z", "SHIPPED");
    Row b1 = row(4, "B", "2024-01-01T00:00:00Z", "PLACED");
    Row b2 = row(5, "B", "2024-01-01T00:00:00Z", "CANCELLED"); // tie: the later record wins
    Row c1 = row(6, "C", null, "PLACED");
    Row c2 = row(7, "C", "2024-01-01T00:00:00Z", "SHIPPED"); // a null time is the oldest
    Row n1 = row(8, null, "2024-01-01T00:00:00Z", "PLACED"); // null keys are never merged
    Row n2 = row(9, null, "2024-01-01T00:00:00Z", "PLACED");
    DeduplicationResult result =
        pipeline
            .apply(Create.of(a1, a2, a3, b1, b2, c1, c2, n1, n2).withRowSchema(SCHEMA))
            .apply(DeduplicateRows.byKey("id").keepingLatestBy("updated"));
    PAssert.that(result.unique()).containsInAnyOrder(a2, b2, c2, n1, n2);
    PAssert.that(result.duplicates()).containsInAnyOrder(a1, a3, b1, c1);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void equalDecimalsAreOneKeyWhateverTheirScale(TestPipeline pipeline) {
    Schema schema =
        Schema.builder().addDecimalField("amount").addStringField("status").build();
    Row one = Row.withSchema(schema).addValues(new java.math.BigDecimal("1.0"), "A").build();
    Row same = Row.withSchema(schema).addValues(new java.math.BigDecimal("1.00"), "B").build();
    Row other = Row.withSchema(schema).addValues(new java.math.BigDecimal("1.01"), "C").build();
    DeduplicationResult result =
        pipeline
            .apply(Create.of(one, same, other).withRowSchema(schema))
            .apply(DeduplicateRows.byKey("amount"));
    PAssert.that(result.unique())
        .satisfies(
            rows -> {
              java.util.List<String> amounts = new java.util.ArrayList<>();
              rows.forEach(r -> amounts.add(r.getDecimal("amount").stripTrailingZeros().toPlainString()));
              org.hamcrest.MatcherAssert.assertThat(
                  amounts, org.hamcrest.Matchers.containsInAnyOrder("1", "1.01"));
              return null;
            });
    PAssert.thatSingleton(result.duplicates().apply(org.apache.beam.sdk.transforms.Count.globally()))
        .isEqualTo(1L);
    pipeline.run().waitUntilFinish();
  }
}
