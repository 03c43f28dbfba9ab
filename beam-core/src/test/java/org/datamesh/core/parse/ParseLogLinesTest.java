package org.datamesh.core.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.testing.TestPipelineExtension;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ParseLogLinesTest {

  /** An nginx access log written with {@code $time_iso8601}, so the time parses as a timestamp. */
  static final String ACCESS_LOG =
      "(?<ip>\\S+) \\S+ (?:-|(?<user>\\S+)) \\[(?<at>[^\\]]+)\\] "
          + "\"(?<method>\\S+) (?<path>\\S+) \\S+\" (?<status_code>\\S+) (?:(?<bytes>\\d+)|-)";

  static final Schema SCHEMA =
      Schema.builder()
          .addStringField("ip")
          .addNullableField("user", FieldType.STRING)
          .addDateTimeField("at")
          .addStringField("method")
          .addStringField("path")
          .addInt32Field("status_code")
          .addNullableField("bytes", FieldType.INT64)
          .addNullableField("agent", FieldType.STRING) // no group: always missing
          .build();

  @TempDir Path dir;

  @Test
  void parsesMatchingLinesAndFailsTheOthersWithTheirLine(TestPipeline pipeline) throws Exception {
    List<String> lines =
        List.of(
            "10.0.0.1 - alice [2024-03-05T10:00:00+00:00] \"GET /index.html HTTP/1.1\" 200 5120",
            "10.0.0.2 - - [2024-03-05T11:30:00+01:00] \"POST /api/orders HTTP/1.1\" 201 -",
            "this is not an access log line",
            "",
            "10.0.0.4 - - [2024-03-05T10:02:00+00:00] \"GET /x HTTP/1.1\" OK 12",
            "10.0.0.5 - - [yesterday] \"GET /y HTTP/1.1\" 404 0");
    Path file = dir.resolve("access.log");
    Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));

    StageResult result =
        pipeline
            .apply(FileIO.match().filepattern(file.toString()))
            .apply(FileIO.readMatches())
            .apply(
                ParseLogLines.of(SCHEMA, ACCESS_LOG).forProduct("web.access").withSourcePositions());

    Schema withSource = SourceField.addTo(SCHEMA);
    PAssert.that(result.rows())
        .containsInAnyOrder(
            Row.withSchema(withSource)
                .addValues(
                    "10.0.0.1", "alice", Instant.parse("2024-03-05T10:00:00Z"), "GET",
                    "/index.html", 200, 5120L, null,
                    SourceField.valueOf(SourcePosition.fileRecord(file.toString(), 1, 1)))
                .build(),
            Row.withSchema(withSource)
                .addValues(
                    "10.0.0.2", null, Instant.parse("2024-03-05T10:30:00Z"), "POST",
                    "/api/orders", 201, null, null,
                    SourceField.valueOf(SourcePosition.fileRecord(file.toString(), 2, 2)))
                .build());
    PAssert.thatSingleton(result.recordCount()).isEqualTo(6L);
    PAssert.that(result.failures())
        .satisfies(
            failures -> {
              assertThat(
                  describe(failures),
                  containsInAnyOrder(
                      "3 PARSE web.access [parse.log_pattern@null] this is not an access log line",
                      "4 PARSE web.access [parse.empty_line@null] ",
                      "5 PARSE web.access [parse.number@status_code] " + lines.get(4),
                      "6 PARSE web.access [parse.timestamp@at] " + lines.get(5)));
              for (Failure f : failures) {
                // Reasons name the field and the type, never the line's text.
                assertThat(f.reason().contains("this is not"), equalTo(false));
                assertThat(f.reason().contains("OK"), equalTo(false));
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void failsOverlongLinesAndInvalidUtf8AsJsonLinesDo(TestPipeline pipeline) throws Exception {
    Path file = dir.resolve("short.log");
    byte[] bytes = "a=1\nb=22222222222222\nc=\u00e9\n".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 2] = (byte) 0xFF; // the second byte of é becomes invalid
    Files.write(file, bytes);
    Schema schema = Schema.builder().addStringField("key").addInt64Field("value").build();

    StageResult result =
        pipeline
            .apply(FileIO.match().filepattern(file.toString()))
            .apply(FileIO.readMatches())
            .apply(
                ParseLogLines.of(schema, "(?<key>[a-z])=(?<value>.*)")
                    .forProduct("t.kv")
                    .withMaxRecordChars(10));

    PAssert.that(result.rows())
        .containsInAnyOrder(Row.withSchema(schema).addValues("a", 1L).build());
    PAssert.that(result.failures())
        .satisfies(
            failures -> {
              assertThat(
                  rulesByRecord(failures),
                  containsInAnyOrder("2 parse.record_too_large", "3 parse.encoding"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void refusesGroupsThatAreNotFieldsAndPatternsThatDoNotCompile() {
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> ParseLogLines.of(SCHEMA, "(?<ip>\\S+) (?<referrer>\\S+)"));
    assertThat(unknown.getMessage(), containsString("'referrer'"));

    IllegalArgumentException broken =
        assertThrows(IllegalArgumentException.class, () -> ParseLogLines.of(SCHEMA, "(?<ip>\\S+"));
    assertThat(broken.getMessage(), containsString("not a valid regular expression"));
  }

  @Test
  void logPatternNumbersNamedGroupsWithUnderscoresAndSkipsWhatOpensNoGroup() {
    LogPattern pattern =
        LogPattern.of(
            "\\(?<a>x\\)[(?<b>)](?<!z)\\Q(?<c>)\\E(?<status_code>.)(?:(.)(?<e_2>.))\\k<e_2>");

    assertThat(pattern.groupNames(), equalTo(List.of("status_code", "e_2")));
    assertThat(pattern.group("status_code"), equalTo(1));
    assertThat(pattern.group("e_2"), equalTo(3));
    assertThat(pattern.group("a"), equalTo(-1));
    Matcher matcher = pattern.compile().matcher("(<a>x)b(?<c>)5xyy");
    assertThat(matcher.matches(), equalTo(true));
    assertThat(List.of(matcher.group(1), matcher.group(3)), equalTo(List.of("5", "y")));
    assertThat(pattern.compile().matcher("(<a>x)b(?<c>)5xyz").matches(), equalTo(false));

    IllegalArgumentException twice =
        assertThrows(IllegalArgumentException.class, () -> LogPattern.of("(?<x>.)(?<x>.)"));
    assertThat(twice.getMessage(), equalTo("names the group x twice"));
  }

  @Test
  void showsThePatternInDisplayData() {
    DisplayData data = DisplayData.from(ParseLogLines.of(SCHEMA, ACCESS_LOG).forProduct("web.access"));
    assertThat(
        data.items().stream()
            .filter(i -> i.getKey().equals("pattern"))
            .map(i -> String.valueOf(i.getValue()))
            .toList(),
        equalTo(List.of(ACCESS_LOG)));
  }

  /** Each failure as "record stage product [rule@field, ...] raw payload". */
  private static List<String> describe(Iterable<Failure> failures) {
    return StreamSupport.stream(failures.spliterator(), false)
        .map(
            f ->
                f.source().offset()
                    + " "
                    + f.stage()
                    + " "
                    + f.product()
                    + " "
                    + f.violations().stream()
                        .map(v -> v.ruleId() + "@" + v.field())
                        .collect(Collectors.joining(", ", "[", "]"))
                    + " "
                    + f.rawPayload())
        .toList();
  }

  private static List<String> rulesByRecord(Iterable<Failure> failures) {
    return StreamSupport.stream(failures.spliterator(), false)
        .map(f -> f.source().offset() + " " + f.violations().stream().map(Violation::ruleId).collect(Collectors.joining(",")))
        .toList();
  }
}
