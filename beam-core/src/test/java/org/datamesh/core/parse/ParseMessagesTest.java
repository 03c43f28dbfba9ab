package org.datamesh.core.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.datamesh.core.DataTypes;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.record.RecordPath;
import org.datamesh.core.testing.TestPipelineExtension;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One record a message, in each layout; every broken message a failure naming its offset. */
@ExtendWith(TestPipelineExtension.class)
class ParseMessagesTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("id", FieldType.STRING)
          .addNullableField("amount", FieldType.INT64)
          .addNullableField("at", DataTypes.timestamp())
          .build();

  private static Message message(long offset, String text) {
    return Message.of("t", 3, offset, text.getBytes(UTF_8));
  }

  private static Message bytes(long offset, byte[] payload) {
    return Message.of("t", 3, offset, payload);
  }

  @Test
  void csvMessagesAreOneRecordEachWithTheSchemasColumnsInOrder(TestPipeline pipeline) {
    StageResult parsed =
        pipeline
            .apply(
                Create.of(
                        message(0, "A,12,2026-01-01T00:00:00Z"),
                        message(1, "\"B, quoted\",7,\n"), // a trailing line break is the record's end
                        message(2, "C,1,2026-01-01T00:00:00Z\nD,2,2026-01-01T00:00:00Z"),
                        message(3, "E,not a number,"),
                        message(4, ""),
                        bytes(5, new byte[] {'F', ',', (byte) 0xC3, ',', '1'}),
                        message(6, "G,1"))
                    .withCoder(Message.Coder.of()))
            .apply(ParseMessages.csv(SCHEMA).forProduct("p"));
    PAssert.that(ids(parsed)).containsInAnyOrder("A", "B, quoted");
    PAssert.that(rules(parsed))
        .containsInAnyOrder(
            "parse.message_records@2",
            "parse.number@3",
            "parse.empty_line@4",
            "parse.encoding@5",
            "parse.column_count@6");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void jsonMessagesMayBreakLinesAndLogMessagesMatchThePattern(TestPipeline pipeline) {
    StageResult json =
        pipeline
            .apply(
                "Json",
                Create.of(
                        message(0, "{\n  \"id\": \"A\",\n  \"amount\": 3\n}\n"),
                        message(1, "{\"id\": \"B\"} {\"id\": \"C\"}"),
                        message(2, "[1,2]"))
                    .withCoder(Message.Coder.of()))
            .apply("ParseJson", ParseMessages.json(SCHEMA).forProduct("p"));
    PAssert.that(ids(json)).containsInAnyOrder("A");
    PAssert.that(rules(json).apply("JsonCount", org.apache.beam.sdk.transforms.Count.globally()))
        .containsInAnyOrder(2L);
    StageResult log =
        pipeline
            .apply(
                "Log",
                Create.of(message(0, "id=A amount=5"), message(1, "garbage"))
                    .withCoder(Message.Coder.of()))
            .apply(
                "ParseLog",
                ParseMessages.logLines(SCHEMA, "id=(?<id>\\S+) amount=(?<amount>\\d+)").forProduct("p"));
    PAssert.that(ids(log).apply("LogIds", MapElements.into(TypeDescriptors.strings()).via(s -> "log " + s)))
        .containsInAnyOrder("log A");
    PAssert.that(rules(log).apply("LogRules", MapElements.into(TypeDescriptors.strings()).via(s -> "log " + s)))
        .containsInAnyOrder("log parse.log_pattern@1");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theEventTimeIsTheColumnOfTheRowTheMessageBecomes() {
    MessageEventTime time = ParseMessages.json(SCHEMA).then(RecordPath.empty()).eventTime("at");
    assertThat(
        time.apply(message(0, "{\"id\":\"A\",\"at\":\"2026-01-01T00:00:01.5Z\"}")),
        equalTo(Instant.parse("2026-01-01T00:00:01.500Z")));
    assertThat(time.apply(message(1, "{\"id\":\"A\"}")), is(nullValue()));
    assertThat(time.apply(message(2, "not json")), is(nullValue()));
    IllegalArgumentException notATime =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> ParseMessages.json(SCHEMA).eventTime("amount"));
    assertThat(notATime.getMessage().contains("timestamp or a date"), is(true));
  }

  private static org.apache.beam.sdk.values.PCollection<String> ids(StageResult parsed) {
    return parsed
        .rows()
        .apply(parsed.rows().getName() + "Ids", MapElements.into(TypeDescriptors.strings()).via((Row r) -> r.getString("id")));
  }

  private static org.apache.beam.sdk.values.PCollection<String> rules(StageResult parsed) {
    return parsed
        .failures()
        .apply(
            parsed.failures().getName() + "Rules",
            MapElements.into(TypeDescriptors.strings())
                .via((Failure f) -> f.ruleId() + "@" + f.source().offset()));
  }

}
