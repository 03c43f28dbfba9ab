package org.datamesh.core.parse;

import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import java.math.BigDecimal;
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
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON numbers reach decimal, double and integer fields as written: found by {@code
 * RoundTripTest}, where a DECIMAL(24,11) written as a JSON number came through a double and was
 * refused for its digits, or, with fewer digits, silently changed.
 */
@ExtendWith(TestPipelineExtension.class)
class JsonNumbersTest {

  static final Schema SCHEMA =
      Schema.builder()
          .addStringField("id")
          .addNullableField("amount", DataTypes.decimal(18, 4))
          .addNullableField("wide", DataTypes.decimal(24, 11))
          .addNullableField("ratio", FieldType.DOUBLE)
          .addNullableField("qty", FieldType.INT32)
          .build();

  @TempDir Path dir;

  @Test
  void keepsEveryDigitOfAJsonNumber(TestPipeline pipeline) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("in.jsonl"),
            "{\"id\":\"A\",\"amount\":12345678901234.5678,\"wide\":9271949738337.71033908188,"
                + "\"ratio\":0.1,\"qty\":7}\n"
                + "{\"id\":\"B\",\"amount\":1.5,\"ratio\":1e-7}\n"
                + "{\"id\":\"C\",\"qty\":1.0}\n"
                + "{\"id\":\"D\",\"ratio\":-0.0}\n"
                + "{\"id\":\"E\",\"ratio\":\"-0.0\"}\n");

    StageResult result =
        pipeline
            .apply(FileIO.match().filepattern(file.toString()))
            .apply(FileIO.readMatches())
            .apply(ParseJsonLines.of(SCHEMA).forProduct("test.numbers"));

    PAssert.that(result.rows())
        .containsInAnyOrder(
            Row.withSchema(SCHEMA)
                .addValues("A", new BigDecimal("12345678901234.5678"),
                    new BigDecimal("9271949738337.71033908188"), 0.1, 7)
                .build(),
            Row.withSchema(SCHEMA)
                .addValues("B", new BigDecimal("1.5000"), null, 1e-7, null)
                .build(),
            // A zero is published without its sign, written as a number or as a string.
            Row.withSchema(SCHEMA).addValues("D", null, null, 0.0, null).build(),
            Row.withSchema(SCHEMA).addValues("E", null, null, 0.0, null).build());
    PAssert.that(result.failures())
        .satisfies(
            failures -> {
              // An integer field still refuses a number written with a fraction, as before.
              assertThat(failures, contains(hasRule("parse.number")));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
