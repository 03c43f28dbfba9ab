package org.datamesh.core.parse;

import static org.datamesh.core.testing.FailureMatchers.atRecord;
import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.datamesh.core.testing.FailureMatchers.onField;
import static org.datamesh.core.testing.FailureMatchers.violationCount;
import static org.datamesh.core.testing.FailureMatchers.withRawPayload;
import static org.datamesh.core.testing.RowMatchers.fieldValues;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.testing.TestPipelineExtension;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ParseCsvTest {

  static final Schema SCHEMA =
      Schema.builder()
          .addStringField("id")
          .addNullableField("name", FieldType.STRING)
          .addNullableField("qty", FieldType.INT32)
          .addNullableField("price", DataTypes.decimal(10, 2))
          .addNullableField("day", DataTypes.date())
          .addNullableField("at", FieldType.DATETIME)
          .addNullableField("active", FieldType.BOOLEAN)
          .build();

  @TempDir Path dir;

  private StageResult parse(TestPipeline pipeline, String csv) throws IOException {
    Path file = dir.resolve("input.csv");
    Files.write(file, csv.getBytes(StandardCharsets.UTF_8));
    return pipeline
        .apply(FileIO.match().filepattern(file.toString()))
        .apply(FileIO.readMatches())
        .apply(ParseCsv.of(SCHEMA).forProduct("test.items"));
  }

  @Test
  void mapsColumnsByNameAndTypesEveryField(TestPipeline pipeline) throws IOException {
    StageResult result =
        parse(
            pipeline,
            "active,at,day,price,qty,name,id,extra\r\n"
                + "yes,2024-03-05T10:15:30+01:00,2024-03-05,12.5,3,\"Smith, \"\"Jo\"\"\",A1,ignored\r\n"
                + "false,,,,,,A2,\r\n");
    PAssert.that(result.rows())
        .containsInAnyOrder(
            Row.withSchema(SCHEMA)
                .addValues(
                    "A1",
                    "Smith, \"Jo\"",
                    3,
                    new BigDecimal("12.50"),
                    LocalDate.of(2024, 3, 5),
                    Instant.parse("2024-03-05T09:15:30Z"),
                    true)
                .build(),
            Row.withSchema(SCHEMA)
                .addValues("A2", null, null, null, null, null, false)
                .build());
    PAssert.that(result.failures()).empty();
    PAssert.thatSingleton(result.recordCount()).isEqualTo(2L);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void everyBadRecordBecomesAFailureWithItsReasons(TestPipeline pipeline) throws IOException {
    StageResult result =
        parse(
            pipeline,
            "id,name,qty,price,day,at,active\n"
                + "A1,ok,1,1.00,2024-01-01,2024-01-01T00:00:00Z,true\n" // 1 good
                + "A2,short\n" // 2 column count
                + "\n" // 3 empty line
                + "A4,x,many,1.001,2024-13-01,yesterday,maybe\n" // 4 five type errors
                + ",x,1,1,2024-01-01,2024-01-01T00:00:00Z,true\n" // 5 missing required id
                + "\"A6\"x,1,1,1,2024-01-01,2024-01-01T00:00:00Z,true\n" // 6 malformed quote
                + "A7,ok,2,2.00,2024-01-02,2024-01-02T00:00:00Z,false\n"); // 7 good
    PAssert.thatSingleton(result.recordCount()).isEqualTo(7L);
    PAssert.that(result.rows())
        .satisfies(
            rows -> {
              assertThat(rows, fieldValues("id", containsInAnyOrder("A1", "A7")));
              return null;
            });
    PAssert.that(result.failures())
        .satisfies(
            failures -> {
              assertThat(failures, everyItem(failedAt(Stage.PARSE)));
              assertThat(
                  failures,
                  containsInAnyOrder(
                      allOf(atRecord(2), hasRule("parse.column_count"), withRawPayload("A2,short")),
                      allOf(atRecord(3), hasRule("parse.empty_line")),
                      allOf(
                          atRecord(4),
                          violationCount(5),
                          hasRule("parse.number"),
                          hasRule("parse.decimal_scale"),
                          hasRule("parse.date"),
                          hasRule("parse.timestamp"),
                          hasRule("parse.boolean")),
                      allOf(atRecord(5), hasRule("parse.missing"), onField("id")),
                      allOf(atRecord(6), hasRule("parse.malformed_quote"))));
              for (Failure f : failures) {
                assertThat("reasons never quote values", f.reason(), not(containsString("many")));
                assertThat(f.product(), equalTo("test.items"));
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aHeaderWithoutARequiredColumnFailsEveryRecordOfTheFile(TestPipeline pipeline)
      throws IOException {
    StageResult result = parse(pipeline, "name,qty\nx,1\ny,2\n");
    PAssert.that(result.rows()).empty();
    PAssert.that(result.failures())
        .satisfies(
            failures -> {
              assertThat(
                  failures,
                  containsInAnyOrder(
                      allOf(atRecord(1), hasRule("parse.header"), onField("id")),
                      allOf(atRecord(2), hasRule("parse.header"), onField("id"))));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void rejectsSchemasItCannotFill() {
    Schema nested =
        Schema.builder().addMapField("inner", Schema.FieldType.STRING, Schema.FieldType.STRING).build();
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> ParseCsv.of(nested));
    assertThat(e.getMessage(), containsString("inner"));
  }

  @Test
  void displaysItsOptions() {
    DisplayData data =
        DisplayData.from(ParseCsv.of(SCHEMA).forProduct("test.items").withDelimiter(';'));
    assertThat(
        data.asMap().get(DisplayData.Identifier.of(
            DisplayData.Path.root(), ParseCsv.class, "delimiter")).getValue(),
        equalTo(";"));
    assertThat(
        data.asMap().get(DisplayData.Identifier.of(
            DisplayData.Path.root(), ParseCsv.class, "product")).getValue(),
        equalTo("test.items"));
  }
}
