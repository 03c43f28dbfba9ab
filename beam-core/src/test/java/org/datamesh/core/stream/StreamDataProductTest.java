package org.datamesh.core.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.datamesh.core.DataTypes;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.parse.Message;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.failure.Severity;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.record.CompiledStep;
import org.datamesh.core.record.ConformToSchema;
import org.datamesh.core.record.RecordPath;
import org.datamesh.core.record.RecordStep;
import org.datamesh.core.testing.TestPipelineExtension;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stream of messages through the record path, deduplicated across windows and counted per
 * window, late messages included, on the Direct runner with a test stream driving the watermark.
 */
@ExtendWith(TestPipelineExtension.class)
class StreamDataProductTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static final Schema RAW =
      Schema.builder()
          .addNullableField("id", FieldType.STRING)
          .addNullableField("version", FieldType.INT64)
          .addNullableField("status", FieldType.STRING)
          .addNullableField("at", DataTypes.timestamp())
          .build();

  static final Schema PUBLISHED =
      Schema.builder()
          .addStringField("id")
          .addInt64Field("version")
          .addNullableField("status", FieldType.STRING)
          .addNullableField("at", DataTypes.timestamp())
          .build();

  static final ProductSpec SPEC =
      ProductSpec.of(DataProduct.of("sales", "orders", "1.0.0"))
          .readingFrom(RecordFormat.jsonLines(RAW))
          .through(ConformToSchema.to(PUBLISHED))
          .deduplicatedBy("id")
          .keepingLatestBy("version");

  private static long offset;

  private static TimestampedValue<Message> at(long seconds, String json) {
    return TimestampedValue.of(
        Message.of("orders-raw", 0, offset++, json.getBytes(UTF_8)),
        T0.plus(Duration.standardSeconds(seconds)));
  }

  @Test
  void publishesQuarantinesAndSetsAsideEveryMessageAndCountsEachWindowLateOnesIncluded(
      TestPipeline pipeline) {
    offset = 0;
    TestStream<Message> messages =
        TestStream.create(Message.Coder.of())
            .addElements(
                at(5, "{\"id\":\"A\",\"version\":1,\"status\":\"PLACED\"}"),
                at(10, "{\"id\":\"A\",\"version\":1,\"status\":\"PLACED\"}"), // a retry: duplicate
                at(20, "{\"id\":\"A\",\"version\":2,\"status\":\"PAID\"}"), // newer: an update
                at(30, "{\"id\":\"A\",\"version\":1,\"status\":\"LOST\"}"), // older: duplicate
                at(40, "not json"),
                at(50, "{\"version\":3}")) // no id: fails the published schema
            .advanceWatermarkTo(T0.plus(Duration.standardMinutes(2)))
            .addElements(
                at(70, "{\"id\":\"B\",\"version\":1}"),
                at(15, "{\"id\":\"C\",\"version\":1,\"at\":\"2026-01-01T00:00:15.000001Z\"}"))
            .advanceWatermarkToInfinity();

    StreamResult result = pipeline.apply(messages).apply(StreamDataProduct.of(SPEC));

    PAssert.that(idAndVersion(result.published(), "Published"))
        .containsInAnyOrder("A/1", "A/2", "B/1", "C/1");
    PAssert.that(idAndVersion(result.duplicates(), "Duplicates")).containsInAnyOrder("A/1", "A/1");
    PAssert.that(
            result
                .failures()
                .apply(
                    "RuleIds",
                    MapElements.into(TypeDescriptors.strings())
                        .via((Failure f) -> f.stage() + " " + f.ruleId() + " @" + f.source().offset())))
        .containsInAnyOrder("PARSE parse.json @4", "PUBLISH id.required @5");
    Instant w1 = T0;
    Instant w2 = T0.plus(Duration.standardMinutes(1));
    Instant w3 = T0.plus(Duration.standardMinutes(2));
    // The first pane of a window is exact; a late message's count in and its outcome may be
    // reported in one late pane or two, so later panes are checked by their sum.
    PAssert.that(result.tallies())
        .satisfies(
            tallies -> {
              Map<Instant, WindowTally> sums = new HashMap<>();
              List<WindowTally> onTime = new ArrayList<>();
              for (WindowTally tally : tallies) {
                sums.merge(tally.start(), tally, TallyWindows::plus);
                if (tally.onTime()) {
                  onTime.add(tally);
                }
              }
              assertThat(
                  onTime,
                  containsInAnyOrder(
                      new WindowTally(w1, w2, 0, 6, 2, 2, 2), new WindowTally(w2, w3, 0, 1, 1, 0, 0)));
              assertThat(sums.get(w1), equalTo(new WindowTally(w1, w2, 0, 7, 3, 2, 2)));
              assertThat(sums.keySet(), containsInAnyOrder(w1, w2));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aKeyIsForgottenTheMemoryAfterItsLastRowInProcessingTimeNotEventTime(TestPipeline pipeline) {
    offset = 0;
    TestStream<Message> messages =
        TestStream.create(Message.Coder.of())
            .addElements(at(5, "{\"id\":\"A\",\"version\":1}"))
            // The watermark passes the event time plus the memory at once, as for a replayed
            // history: the key is still remembered.
            .advanceWatermarkTo(T0.plus(Duration.standardDays(3)))
            .addElements(at(6, "{\"id\":\"A\",\"version\":1}"))
            .advanceProcessingTime(Duration.standardMinutes(30))
            .addElements(at(7, "{\"id\":\"A\",\"version\":1}")) // 30 min after: remembered
            .advanceProcessingTime(Duration.standardMinutes(61))
            .addElements(at(8, "{\"id\":\"A\",\"version\":1}")) // an hour after: forgotten
            .advanceWatermarkToInfinity();

    StreamResult result =
        pipeline
            .apply(messages)
            .apply(StreamDataProduct.of(SPEC).withDeduplicationMemory(Duration.standardHours(1)));

    PAssert.that(idAndVersion(result.published(), "Published")).containsInAnyOrder("A/1", "A/1");
    PAssert.that(idAndVersion(result.duplicates(), "Duplicates")).containsInAnyOrder("A/1", "A/1");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aProductWithoutAKeyPublishesEveryRowAndCountsThem(TestPipeline pipeline) {
    offset = 0;
    ProductSpec keyless =
        ProductSpec.of(DataProduct.of("sales", "events", "1.0.0"))
            .readingFrom(RecordFormat.jsonLines(RAW))
            .through(ConformToSchema.to(PUBLISHED));
    TestStream<Message> messages =
        TestStream.create(Message.Coder.of())
            .addElements(
                at(1, "{\"id\":\"A\",\"version\":1}"),
                at(2, "{\"id\":\"A\",\"version\":1}"),
                at(3, "{\"id\":"))
            .advanceWatermarkToInfinity();

    StreamResult result = pipeline.apply(messages).apply(StreamDataProduct.of(keyless));

    PAssert.that(idAndVersion(result.published(), "Published")).containsInAnyOrder("A/1", "A/1");
    PAssert.that(result.duplicates()).empty();
    PAssert.that(result.tallies())
        .containsInAnyOrder(
            new WindowTally(T0, T0.plus(Duration.standardMinutes(1)), 0, 3, 2, 1, 0));
    pipeline.run().waitUntilFinish();
  }

  /** A WARN rule: status LOST is published and counted; status FAKE is an ERROR besides. */
  private static final RecordStep LOST_IS_ODD =
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
          int status = input.indexOf("status");
          return (values, issues) -> {
            if ("LOST".equals(values[status]) || "FAKE".equals(values[status])) {
              issues.add(Violation.of("status.odd", "status", Severity.WARN, "status is odd"));
            }
            if ("FAKE".equals(values[status])) {
              issues.add(Violation.error("status.fake", "status", "status must not be FAKE"));
            }
            return values;
          };
        }

        @Override
        public List<String> describe() {
          return List.of("status is usually not LOST");
        }
      };

  @Test
  void eachWindowsTallyCountsTheHitsOfEachWarnRuleOnItsRecords(TestPipeline pipeline) {
    offset = 0;
    ProductSpec warned =
        ProductSpec.of(DataProduct.of("sales", "events", "1.0.0"))
            .readingFrom(RecordFormat.jsonLines(RAW))
            .through(RecordPath.of(LOST_IS_ODD, ConformToSchema.to(PUBLISHED)));
    TestStream<Message> messages =
        TestStream.create(Message.Coder.of())
            .addElements(
                at(1, "{\"id\":\"A\",\"version\":1,\"status\":\"LOST\"}"),
                at(2, "{\"id\":\"B\",\"version\":1,\"status\":\"PAID\"}"),
                at(3, "{\"id\":\"C\",\"version\":1,\"status\":\"LOST\"}"),
                at(61, "{\"id\":\"D\",\"version\":1,\"status\":\"LOST\"}"),
                at(62, "{\"id\":\"E\",\"version\":1,\"status\":\"FAKE\"}"))
            .advanceWatermarkToInfinity();

    StreamResult result = pipeline.apply(messages).apply(StreamDataProduct.of(warned));

    Instant w2 = T0.plus(Duration.standardMinutes(1));
    // As in batch, the record an ERROR of the same step stops (E) is quarantined with every rule
    // it broke and counts no warning.
    PAssert.that(result.tallies())
        .containsInAnyOrder(
            new WindowTally(T0, w2, 0, 3, 3, 0, 0, new TreeMap<>(Map.of("status.odd", 2L))),
            new WindowTally(
                w2, w2.plus(Duration.standardMinutes(1)), 0, 2, 1, 1, 0,
                new TreeMap<>(Map.of("status.odd", 1L))));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aTallyWithWarningsReadsBackFromItsCoderAndShowsThem() throws Exception {
    WindowTally tally =
        new WindowTally(
            T0, T0.plus(Duration.standardMinutes(1)), 1, 4, 3, 1, 0,
            new TreeMap<>(Map.of("b.rule", 2L, "a.rule", 1L)));
    WindowTally back =
        org.apache.beam.sdk.util.CoderUtils.decodeFromByteArray(
            WindowTally.Coder.of(),
            org.apache.beam.sdk.util.CoderUtils.encodeToByteArray(WindowTally.Coder.of(), tally));
    assertThat(back, equalTo(tally));
    assertThat(
        tally.describe(),
        equalTo(
            "window 2026-01-01T00:00:00.000Z .. 2026-01-01T00:01:00.000Z (late pane 1): in 4,"
                + " published 3, quarantined 1, duplicates 0, warnings {a.rule=1, b.rule=2}"));
  }

  private static PCollection<String> idAndVersion(PCollection<Row> rows, String name) {
    return rows.apply(
        name,
        MapElements.into(TypeDescriptors.strings())
            .via((Row r) -> r.getString("id") + "/" + r.getInt64("version")));
  }
}
