package org.datamesh.core.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.datamesh.core.StageResult;
import org.datamesh.core.testing.TestPipelineExtension;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON-lines catalogue: wrong member types, deep nesting, duplicate members, text after the
 * object, truncated lines and lines that are not objects, each with its exact outcome.
 */
@ExtendWith(TestPipelineExtension.class)
class BadJsonLinesTest {

  static final Schema SCHEMA =
      Schema.builder()
          .addStringField("id")
          .addNullableField("qty", FieldType.INT32)
          .addNullableField("amount", DataTypes.decimal(20, 2))
          .addNullableField("active", FieldType.BOOLEAN)
          .addNullableField("at", FieldType.DATETIME)
          .build();

  /** Each line (record i is the i-th) and its failure, "rule: reason"; "" when it is published. */
  static final Map<String, String> LINES = new LinkedHashMap<>();

  static {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    LINES.put(
        "{\"id\":\"A1\",\"qty\":\"12\",\"amount\":12345678901234567.89,\"active\":true,"
            + "\"at\":\"2024-03-05T10:00:00Z\"}",
        "");
    LINES.put("{\"id\":\"A2\",\"active\":\"yes\",\"qty\":null,\"other\":{\"x\":[1,{}]}}", "");
    LINES.put("{\"id\":12}", "parse.json_type: id is a JSON number, not a string");
    LINES.put("{\"id\":\"A4\",\"qty\":true}", "parse.json_type: qty is a JSON boolean, not a number");
    LINES.put("{\"id\":\"A5\",\"active\":1}", "parse.json_type: active is a JSON number, not a boolean");
    LINES.put("{\"id\":\"A6\",\"qty\":[1]}", "parse.json_type: qty is a JSON array, not a number");
    LINES.put("{\"id\":{\"v\":\"A7\"}}", "parse.json_type: id is a JSON object, not a string");
    LINES.put("{\"id\":\"A8\",\"at\":1709632800000}", "parse.json_type: at is a JSON number, not a string");
    LINES.put(
        "{\"id\":\"A9\",\"qty\":1e2}",
        "parse.number: qty is not a 32-bit integer (digits only, no point or exponent)");
    LINES.put(
        "{\"id\":\"A10\",\"qty\":99999999999999999999}",
        "parse.number_range: qty is outside the 32-bit integer range (-2147483648 to 2147483647)");
    LINES.put(
        "{\"id\":\"A11\",\"qty\":\"x\",\"active\":2}",
        "parse.number: qty is not a 32-bit integer (digits only, no point or exponent)"
            + " | parse.json_type: active is a JSON number, not a boolean");
    LINES.put(
        "{\"id\":\"A12\",\"x\":" + deep + "}",
        "parse.json: the record nests objects and arrays deeper than 1000 levels");
    LINES.put(
        "{\"id\":\"A13\",\"qty\":1,\"qty\":2}",
        "parse.json: the record has the member \"qty\" more than once");
    LINES.put(
        "{\"id\":\"A14\",\"x\":{\"k\":1,\"k\":1}}",
        "parse.json: the record has the member \"k\" more than once");
    LINES.put(
        "{\"id\":\"A15\"} trailing",
        "parse.json: the record has text after its JSON object (column 14)");
    LINES.put(
        "{\"id\":\"A16\"}{\"id\":\"A17\"}",
        "parse.json: the record has text after its JSON object (column 13)");
    LINES.put(
        "{\"id\":\"A17\",\"qty\":",
        "parse.json: the record ends inside its JSON value (column 19)");
    LINES.put("{\"id\":\"A18\",\"at\":\"2024-03-", "parse.json: the record ends inside its JSON value (column 27)");
    LINES.put("{\"id\":\"A19\" \"qty\":1}", "parse.json: the record is not valid JSON (column 14)");
    LINES.put("null", "parse.json: the record is JSON null, not a JSON object");
    LINES.put("[{\"id\":\"A21\"}]", "parse.json: the record is a JSON array, not a JSON object");
    LINES.put("\"A22\"", "parse.json: the record is a JSON string, not a JSON object");
    LINES.put("{}", "parse.missing: id is required but missing");
    LINES.put(
        "{\"id\":\"A24\",\"amount\":" + "1".repeat(1001) + "}",
        "parse.json: the record has a number longer than 1000 characters");
  }

  @TempDir Path dir;

  @Test
  void publishesOrRefusesEachLineExactly(TestPipeline pipeline) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("bad.jsonl"), String.join("\n", LINES.keySet()) + "\n", StandardCharsets.UTF_8);

    StageResult result =
        pipeline
            .apply(FileIO.match().filepattern(file.toString()))
            .apply(FileIO.readMatches())
            .apply(ParseJsonLines.of(SCHEMA).forProduct("test.events"));

    PAssert.that(result.rows())
        .containsInAnyOrder(
            Row.withSchema(SCHEMA)
                .addValues(
                    "A1",
                    12,
                    new BigDecimal("12345678901234567.89"),
                    true,
                    Instant.parse("2024-03-05T10:00:00Z"))
                .build(),
            Row.withSchema(SCHEMA).addValues("A2", null, null, true, null).build());
    PAssert.thatSingleton(result.recordCount()).isEqualTo((long) LINES.size());
    Map<Long, String> expected = new TreeMap<>();
    long record = 0;
    for (String failure : LINES.values()) {
      record++;
      if (!failure.isEmpty()) {
        expected.put(record, failure);
      }
    }
    PAssert.that(result.failures())
        .satisfies(
            failures -> {
              assertThat(ValueCases.outcomes(failures), equalTo(expected));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
