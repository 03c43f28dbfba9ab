package org.datamesh.core.parse;

import static org.datamesh.core.testing.FailureMatchers.atRecord;
import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.datamesh.core.testing.FailureMatchers.onField;
import static org.datamesh.core.testing.FailureMatchers.violationCount;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.testing.TestPipelineExtension;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ParseJsonLinesTest {

  static final Schema SCHEMA =
      Schema.builder()
          .addStringField("id")
          .addNullableField("qty", FieldType.INT32)
          .addNullableField("price", DataTypes.decimal(10, 2))
          .addNullableField("at", FieldType.DATETIME)
          .build();

  @TempDir Path dir;

  @Test
  void parsesObjectsAndFailsEveryBadLineWithItsPosition(TestPipeline pipeline) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(
        ("{\"id\":\"A1\",\"qty\":2,\"price\":\"9.5\",\"at\":\"2024-03-05T10:00:00Z\",\"extra\":[1]}\n" // 1
                + "{\"id\":\"A2\",\"qty\":null}\r\n" // 2 good, missing members are null
                + "\n" // 3 empty line
                + "{\"id\":\"A4\",\"qty\":\"lots\",\"price\":1.234}\n" // 4 two type errors
                + "[1,2]\n" // 5 not an object
                + "{\"id\":\"A6\",\n" // 6 broken JSON
                + "{\"qty\":1}\n" // 7 required id missing
                + "{\"id\":{\"nested\":true}}\n" // 8 object where a value belongs
                + "{\"id\":\"A9\",\"name\":\"")
            .getBytes(StandardCharsets.UTF_8));
    bytes.write(0xFF); // 9 invalid UTF-8
    bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("in.jsonl");
    Files.write(file, bytes.toByteArray());

    StageResult result =
        pipeline
            .apply(FileIO.match().filepattern(file.toString()))
            .apply(FileIO.readMatches())
            .apply(ParseJsonLines.of(SCHEMA).forProduct("test.events").withSourcePositions());

    Schema withSource = SourceField.addTo(SCHEMA);
    PAssert.that(result.rows())
        .containsInAnyOrder(
            Row.withSchema(withSource)
                .addValues(
                    "A1",
                    2,
                    new BigDecimal("9.50"),
                    Instant.parse("2024-03-05T10:00:00Z"),
                    SourceField.valueOf(SourcePosition.fileRecord(file.toString(), 1, 1)))
                .build(),
            Row.withSchema(withSource)
                .addValues(
                    "A2", null, null, null,
                    SourceField.valueOf(SourcePosition.fileRecord(file.toString(), 2, 2)))
                .build());
    PAssert.thatSingleton(result.recordCount()).isEqualTo(9L);
    PAssert.that(result.failures())
        .satisfies(
            failures -> {
              assertThat(failures, everyItem(failedAt(Stage.PARSE)));
              assertThat(
                  failures,
                  containsInAnyOrder(
                      allOf(atRecord(3), hasRule("parse.empty_line")),
                      allOf(atRecord(4), violationCount(2), hasRule("parse.number"),
                          hasRule("parse.decimal_scale")),
                      allOf(atRecord(5), hasRule("parse.json")),
                      allOf(atRecord(6), hasRule("parse.json")),
                      allOf(atRecord(7), hasRule("parse.missing"), onField("id")),
                      allOf(atRecord(8), hasRule("parse.json_type"), onField("id")),
                      allOf(atRecord(9), hasRule("parse.encoding"))));
              for (Failure f : failures) {
                if (f.source().offset() == 9) {
                  assertThat(f.rawPayload().contains("\uFFFD"), is(true));
                }
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
