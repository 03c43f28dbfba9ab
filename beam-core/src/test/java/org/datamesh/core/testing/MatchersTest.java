package org.datamesh.core.testing;

import static org.datamesh.core.testing.FailureMatchers.atRecord;
import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.datamesh.core.testing.FailureMatchers.onField;
import static org.datamesh.core.testing.FailureMatchers.reasonContains;
import static org.datamesh.core.testing.FailureMatchers.violationCount;
import static org.datamesh.core.testing.FailureMatchers.withRawPayload;
import static org.datamesh.core.testing.RowMatchers.fieldValues;
import static org.datamesh.core.testing.RowMatchers.hasField;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;
import org.hamcrest.StringDescription;
import org.junit.jupiter.api.Test;

class MatchersTest {

  static final Schema SCHEMA = Schema.builder().addStringField("id").addInt32Field("n").build();

  static final Failure FAILURE =
      Failure.builder(Stage.VALIDATE, "p.q")
          .setViolations(
              List.of(
                  Violation.error("n.range", "n", "n must be at least 0"),
                  Violation.error("id.pattern", "id", "id must match X")))
          .setSource(SourcePosition.fileRecord("f.csv", 4, 5))
          .setRawPayload("x")
          .build();

  @Test
  void rowMatchersMatchAndExplainMismatches() {
    Row a = Row.withSchema(SCHEMA).addValues("A", 1).build();
    Row b = Row.withSchema(SCHEMA).addValues("B", 2).build();
    assertThat(a, hasField("id", "A"));
    assertThat(a, not(hasField("id", "B")));
    assertThat(a, not(hasField("missing", "A")));
    assertThat(List.of(a, b), fieldValues("id", containsInAnyOrder("B", "A")));
    assertThat(List.of(a, b), not(fieldValues("id", containsInAnyOrder("A", "C"))));

    StringDescription mismatch = new StringDescription();
    hasField("n", 7).describeMismatch(a, mismatch);
    assertThat(mismatch.toString(), containsString("field \"n\" was <1>"));
  }

  @Test
  void failureMatchersMatchEachViolationAndProperty() {
    assertThat(
        FAILURE,
        allOf(
            failedAt(Stage.VALIDATE),
            hasRule("id.pattern"),
            onField("n"),
            reasonContains("at least 0"),
            violationCount(2),
            atRecord(4),
            withRawPayload("x")));
    assertThat(FAILURE, not(failedAt(Stage.PARSE)));
    assertThat(FAILURE, not(hasRule("n.not_null")));
    assertThat(FAILURE, not(atRecord(5)));
    assertThat(FAILURE.ruleId(), is("n.range"));
    assertThat(FAILURE.reason(), is("n.range: n must be at least 0; id.pattern: id must match X"));
  }

  @Test
  void failuresCapTheirRawPayload() {
    Failure huge =
        FAILURE.toBuilder().setRawPayload("y".repeat(Failure.MAX_RAW_PAYLOAD_CHARS + 10)).build();
    assertThat(huge.rawPayload().length(), is(Failure.MAX_RAW_PAYLOAD_CHARS));
    assertThat(huge.rawTruncated(), is(true));
    assertThat(FAILURE.rawTruncated(), is(false));
  }
}
