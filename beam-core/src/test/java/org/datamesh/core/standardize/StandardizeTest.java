package org.datamesh.core.standardize;

import static org.datamesh.core.testing.FailureMatchers.atRecord;
import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.datamesh.core.testing.FailureMatchers.onField;
import static org.datamesh.core.testing.FailureMatchers.violationCount;
import static org.datamesh.core.testing.RowMatchers.fieldValues;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class StandardizeTest {

  static final Schema RAW =
      SourceField.addTo(
          Schema.builder()
              .addStringField("id")
              .addNullableField("ts", FieldType.STRING)
              .addNullableField("amount", FieldType.DECIMAL)
              .addNullableField("currency", FieldType.STRING)
              .build());

  static final Standardize STANDARDIZE =
      Standardize.fields(
              Standardizers.upperCase("currency"),
              Standardizers.timestampUtc("ts").withPatterns("dd/MM/yyyy HH:mm"),
              Standardizers.currencyAmount("amount", "currency"))
          .forProduct("sales.orders");

  static Row raw(long record, String id, String ts, String amount, String currency) {
    return Row.withSchema(RAW)
        .addValues(
            id,
            ts,
            amount == null ? null : new BigDecimal(amount),
            currency,
            SourceField.valueOf(SourcePosition.fileRecord("orders.csv", record, record + 1)))
        .build();
  }

  static Row out(Schema schema, String id, String instant, String amount, String currency) {
    return Row.withSchema(schema)
        .addValues(
            id,
            instant == null ? null : Instant.parse(instant),
            amount == null ? null : new BigDecimal(amount),
            currency,
            SourceField.valueOf(SourcePosition.fileRecord("orders.csv", idRecord(id), idRecord(id) + 1)))
        .build();
  }

  private static long idRecord(String id) {
    return Long.parseLong(id.substring(1));
  }

  @Test
  void standardizesTimestampsAmountsAndCodes(TestPipeline pipeline) {
    Schema output = STANDARDIZE.outputSchema(RAW);
    assertThat(output.getField("ts").getType(), equalTo(DataTypes.timestamp().withNullable(true)));
    assertThat(output.getField("amount").getType(), equalTo(DataTypes.decimal(18, 4).withNullable(true)));

    StageResult result =
        pipeline
            .apply(
                Create.of(
                        raw(1, "A1", "2024-03-05T10:15:30+01:00", "10.005", " eur "),
                        raw(2, "A2", "2024-03-05 10:15:30", "1234.5", "jpy"),
                        raw(3, "A3", "2024-03-05", "1.0005", "BHD"),
                        raw(4, "A4", "05/03/2024 23:59", "10.015", "usd"),
                        raw(5, "A5", null, null, null))
                    .withRowSchema(RAW))
            .apply(STANDARDIZE);
    PAssert.that(result.rows())
        .containsInAnyOrder(
            out(output, "A1", "2024-03-05T09:15:30Z", "10.0000", "EUR"),
            out(output, "A2", "2024-03-05T10:15:30Z", "1234.0000", "JPY"),
            out(output, "A3", "2024-03-05T00:00:00Z", "1.0000", "BHD"),
            out(output, "A4", "2024-03-05T23:59:00Z", "10.0200", "USD"),
            out(output, "A5", null, null, null));
    PAssert.that(result.failures()).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void failsRowsItCannotStandardizeWithEveryReasonAndTheSourcePosition(TestPipeline pipeline) {
    StageResult result =
        pipeline
            .apply(
                Create.of(
                        raw(7, "A7", "next tuesday", "5", "XYZ"),
                        raw(8, "A8", "2024-03-05T10:00:00Z", "5", "EUR"))
                    .withRowSchema(RAW))
            .apply(STANDARDIZE);
    PAssert.that(result.rows())
        .satisfies(
            rows -> {
              assertThat(rows, fieldValues("id", contains("A8")));
              return null;
            });
    PAssert.that(result.failures())
        .satisfies(
            failures -> {
              assertThat(
                  failures,
                  contains(
                      allOf(
                          failedAt(Stage.STANDARDIZE),
                          atRecord(7),
                          violationCount(2),
                          hasRule("standardize.timestamp"),
                          hasRule("standardize.currency"),
                          onField("currency"))));
              String raw = failures.iterator().next().rawPayload();
              assertThat(raw, containsString("\"id\":\"A7\""));
              assertThat("the source field is not repeated in the payload", raw, not(containsString("_source")));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void rejectsUnknownFieldsAtConstruction() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Standardize.fields(Standardizers.trim("nope")).outputSchema(RAW));
    assertThat(e.getMessage(), containsString("no field nope"));
  }
}
