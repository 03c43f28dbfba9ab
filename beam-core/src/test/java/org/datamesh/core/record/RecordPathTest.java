package org.datamesh.core.record;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.standardize.StandardizationStep;
import org.datamesh.core.standardize.Standardizers;
import org.junit.jupiter.api.Test;

class RecordPathTest {

  private static final Schema RAW =
      Schema.builder()
          .addNullableField("code", FieldType.STRING)
          .addNullableField("at", FieldType.STRING)
          .build();

  /** A step reporting a WARN for "warn" codes and an ERROR for "bad" ones. */
  private static final RecordStep CHECK =
      new RecordStep() {
        @Override
        public Stage stage() {
          return Stage.VALIDATE;
        }

        @Override
        public Schema outputSchema(Schema input) {
          return input;
        }

        @Override
        public CompiledStep compile(Schema input) {
          int code = input.indexOf("code");
          return (values, issues) -> {
            if ("warn".equals(values[code])) {
              issues.add(Violation.of("code.odd", "code", Severity.WARN, "code is odd"));
            }
            if ("bad".equals(values[code])) {
              issues.add(Violation.of("code.odd", "code", Severity.WARN, "code is odd"));
              issues.add(Violation.error("code.bad", "code", "code must not be bad"));
            }
            return values;
          };
        }

        @Override
        public List<String> describe() {
          return List.of("code is not bad");
        }
      };

  private static final RecordPath PATH =
      RecordPath.of(
          CHECK, StandardizationStep.of(Standardizers.upperCase("code"), Standardizers.timestampUtc("at")));

  @Test
  void aCleanRecordLeavesInTheOutputSchema() {
    List<String> warnings = new ArrayList<>();
    RecordPath.Compiled compiled = PATH.compile(RAW);
    assertThat(compiled.run(new Object[] {"ok", "2024-03-05T10:15:30+01:00"}, warnings::add), nullValue());
    assertThat(compiled.values()[0], is("OK"));
    assertThat(compiled.values()[1], is(java.time.Instant.ofEpochMilli(1709630130000L)));
    assertThat(warnings, empty());
    assertThat(PATH.outputSchema(RAW).getField("at").getType().withNullable(false), is(DataTypes.timestamp()));
  }

  @Test
  void warningsOfAPassedStepAreReportedAndTheRecordGoesOn() {
    List<String> warnings = new ArrayList<>();
    RecordPath.Compiled compiled = PATH.compile(RAW);
    assertThat(compiled.run(new Object[] {"warn", "2024-03-05T10:15:30Z"}, warnings::add), nullValue());
    assertThat(warnings, contains("code.odd"));
    assertThat(compiled.values()[0], is("WARN"));
  }

  @Test
  void anErrorStopsTheRecordAtItsStageWithEverythingThatStageFound() {
    List<String> warnings = new ArrayList<>();
    RecordPath.Compiled compiled = PATH.compile(RAW);
    StepFailure failure = compiled.run(new Object[] {"bad", "not a time"}, warnings::add);
    assertThat(failure.stage(), is(Stage.VALIDATE));
    assertThat(failure.violations().stream().map(Violation::ruleId).toList(), contains("code.odd", "code.bad"));
    assertThat(warnings, empty());
    assertThrows(IllegalStateException.class, compiled::values);
  }

  @Test
  void aLaterStageFailsWithItsOwnStage() {
    StepFailure failure = PATH.compile(RAW).run(new Object[] {"ok", "yesterday"}, id -> {});
    assertThat(failure.stage(), is(Stage.STANDARDIZE));
    assertThat(failure.violations().get(0).field(), is("at"));
  }

  @Test
  void describesEachStepForDisplayData() {
    assertThat(PATH.describe().get(0), is("VALIDATE code is not bad"));
    assertThat(PATH.describe().size(), is(3));
  }

  @Test
  void conformingRefusesOtherColumnsAndReportsMissingRequiredValues() {
    Schema published =
        Schema.builder().addStringField("code").addNullableField("at", FieldType.STRING).build();
    ConformToSchema conform = ConformToSchema.to(published);
    assertThat(conform.outputSchema(RAW), is(published));
    RecordIssues issues = new RecordIssues();
    conform.compile(RAW).apply(new Object[] {null, "x"}, issues);
    assertThat(issues.violations().get(0).ruleId(), is("code.required"));
    Schema other = Schema.builder().addStringField("other").build();
    assertThrows(IllegalArgumentException.class, () -> ConformToSchema.to(other).outputSchema(RAW));
  }
}
