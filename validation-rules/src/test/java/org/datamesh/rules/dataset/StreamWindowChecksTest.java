package org.datamesh.rules.dataset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.TimestampedValue;
import org.datamesh.core.parse.Message;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.quality.CheckResult;
import org.datamesh.core.record.ConformToSchema;
import org.datamesh.core.stream.StreamDataProduct;
import org.datamesh.core.stream.StreamResult;
import org.datamesh.core.stream.WindowQuality;
import org.datamesh.core.testing.TestPipelineExtension;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stream's dataset checks, judged per event-time window on that window's records once the
 * watermark passes its end plus the allowed lateness, on the Direct runner driven by a test
 * stream.
 */
@ExtendWith(TestPipelineExtension.class)
class StreamWindowChecksTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static final Schema RAW =
      Schema.builder()
          .addNullableField("id", FieldType.STRING)
          .addNullableField("status", FieldType.STRING)
          .build();

  private static final Schema PUBLISHED =
      Schema.builder().addStringField("id").addNullableField("status", FieldType.STRING).build();

  private static long offset;

  private static TimestampedValue<Message> at(long seconds, String json) {
    return TimestampedValue.of(
        Message.of("orders-raw", 0, offset++, json.getBytes(UTF_8)),
        T0.plus(Duration.standardSeconds(seconds)));
  }

  @Test
  void eachWindowIsJudgedOnItsOwnRecordsThoseWithinTheLatenessIncluded(TestPipeline pipeline) {
    offset = 0;
    ProductSpec spec =
        ProductSpec.of(DataProduct.of("sales", "orders", "1.0.0"))
            .readingFrom(RecordFormat.jsonLines(RAW))
            .through(ConformToSchema.to(PUBLISHED))
            .deduplicatedBy("id")
            .checkedBy(
                DatasetChecks.of(
                    Check.rowCount(Comparison.mustBeGreaterOrEqualTo(2)),
                    Check.nullValues("status", Comparison.mustBe(0)).asWarning(),
                    Check.mostCommonValue("status", Comparison.mustBeLessOrEqualTo(50))
                        .inPercent()
                        .withId("spread")));
    TestStream<Message> messages =
        TestStream.create(Message.Coder.of())
            .addElements(
                at(5, "{\"id\":\"A\",\"status\":\"PLACED\"}"),
                at(10, "{\"id\":\"B\"}"), // no status
                at(20, "not json"),
                at(25, "{\"id\":\"A\",\"status\":\"PLACED\"}"), // a repeat: duplicate
                at(70, "{\"id\":\"C\",\"status\":\"PAID\"}"),
                at(130, "not json")) // a window with a message and no published row
            // past the first window's end, within its 30 s lateness: D still counts there
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(75)))
            .addElements(at(15, "{\"id\":\"D\",\"status\":\"PAID\"}"))
            // past the end plus the lateness: E is published, but in no window's checks
            .advanceWatermarkTo(T0.plus(Duration.standardMinutes(3)))
            .addElements(at(16, "{\"id\":\"E\",\"status\":\"PAID\"}"))
            .advanceWatermarkToInfinity();

    StreamResult result =
        pipeline
            .apply(messages)
            .apply(StreamDataProduct.of(spec).withAllowedLateness(Duration.standardSeconds(30)));

    PAssert.that(result.quality())
        .satisfies(
            windows -> {
              List<String> found = new ArrayList<>();
              for (WindowQuality window : windows) {
                StringBuilder line =
                    new StringBuilder(window.start() + ".." + window.end() + " in="
                        + CheckResult.format(window.quality().metrics().get("input")) + " quarantined="
                        + CheckResult.format(window.quality().metrics().get("quarantined"))
                        + " deduplicated="
                        + CheckResult.format(window.quality().metrics().get("deduplicated")));
                for (CheckResult check : window.quality().checks()) {
                  line.append(" | ").append(check.id()).append(check.passed() ? " ok " : " FAILED ")
                      .append(CheckResult.format(check.measured()));
                }
                found.add(line.toString());
              }
              Instant m1 = T0.plus(Duration.standardMinutes(1));
              Instant m2 = T0.plus(Duration.standardMinutes(2));
              assertThat(
                  found,
                  containsInAnyOrder(
                      // A, B, D published (PLACED, null, PAID), one quarantined, one repeat
                      T0 + ".." + m1 + " in=5 quarantined=1 deduplicated=1"
                          + " | rowCount ok 3 | nullValues(status) FAILED 1 | spread ok 33.3333",
                      // C alone: too few rows, and PAID is all of them
                      m1 + ".." + m2 + " in=1 quarantined=0 deduplicated=0"
                          + " | rowCount FAILED 1 | nullValues(status) ok 0 | spread FAILED 100",
                      // judged on no rows
                      m2 + ".." + m2.plus(Duration.standardMinutes(1))
                          + " in=1 quarantined=1 deduplicated=0"
                          + " | rowCount FAILED 0 | nullValues(status) ok 0 | spread ok 0"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
