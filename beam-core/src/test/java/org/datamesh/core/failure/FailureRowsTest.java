package org.datamesh.core.failure;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/**
 * A failure's row form holds exactly the failure, with values of the quarantine schema's types: it
 * goes through Beam's row coder and back, and reads back as the same failure.
 */
class FailureRowsTest {

  @Test
  void aFailureMakesARowOfTheQuarantineSchemaAndBack() throws Exception {
    Failure full =
        Failure.builder(Stage.VALIDATE, "sales.orders")
            .setViolations(
                List.of(
                    Violation.error("amount.min", "amount", "amount must be >= 0"),
                    Violation.error("parse.message_records", null, "a message is one record")))
            .setSource(SourcePosition.of("orders.csv", null, 17L, 18L))
            .setRawPayload("ORD-1,,-3")
            .setRawTruncated(false)
            .setFailedAt(Instant.parse("2026-12-07T10:15:30.123Z"))
            .build();
    Failure bare =
        Failure.builder(Stage.PARSE, "sales.orders")
            .setViolations(List.of(Violation.error("parse.utf8", null, "not UTF-8")))
            .setSource(null)
            .setRawPayload(null)
            .setRawTruncated(true)
            .setFailedAt(Instant.parse("2026-12-07T10:15:30Z"))
            .build();
    for (Failure failure : List.of(full, bare)) {
      Row row = FailureRows.toRow(failure);
      Row decoded =
          CoderUtils.decodeFromByteArray(
              RowCoder.of(FailureRows.SCHEMA),
              CoderUtils.encodeToByteArray(RowCoder.of(FailureRows.SCHEMA), row));
      assertThat(decoded, equalTo(row));
      assertThat(FailureRows.fromRow(decoded), equalTo(failure));
      assertThat(row.getString("reason"), equalTo(failure.reason()));
    }
  }
}
