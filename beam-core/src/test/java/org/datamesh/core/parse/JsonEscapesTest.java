package org.datamesh.core.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.StageResult;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON escapes that write what no text holds: half a surrogate pair, which Parquet's UTF-8 would
 * publish as {@code ?}, and NUL, which fails its record as a NUL byte does in CSV. Both are
 * quarantined with their column; whole pairs and an escaped backslash before {@code u0000} are
 * published as Jackson reads them.
 */
@ExtendWith(TestPipelineExtension.class)
class JsonEscapesTest {

  private static final String LONE =
      "half of a surrogate pair without its other half, which is not a character";

  /** Each line; the published lines have no entry in {@link #FAILURES}. */
  private static final List<String> LINES =
      List.of(
          "{\"id\":\"E1\",\"note\":\"\\ud800 x\"}",
          "{\"id\":\"E2\",\"note\":\"x\\udc00\"}",
          "{\"id\":\"E3\",\"note\":\"\\ud83d\\ude00\"}",
          "{\"id\":\"E4\",\"note\":\"\\ude00\\ud83d\"}",
          "{\"id\":\"E5\",\"note\":\"a\\u0000b\"}",
          "{\"id\":\"E6\",\"note\":\"a\\\\u0000\"}",
          "{\"id\":\"E7\",\"ignored\":\"\\u0000\"}",
          "{\"id\":\"E8\",\"note\":\"a\u0000\"}",
          "{\"id\":\"E9\",\"note\":\"\\uD800\\uDC00\"}");

  private static final Map<Long, String> FAILURES =
      Map.of(
          1L, "parse.json: the record has the escape \\ud800 at column 20, " + LONE,
          2L, "parse.json: the record has the escape \\udc00 at column 21, " + LONE,
          4L, "parse.json: the record has the escape \\ude00 at column 20, " + LONE,
          5L,
              "parse.nul_character: the record contains a NUL character (U+0000), escaped as"
                  + " \\u0000 at column 21",
          7L,
              "parse.nul_character: the record contains a NUL character (U+0000), escaped as"
                  + " \\u0000 at column 23",
          8L,
              "parse.nul_character: the record contains a NUL character (U+0000): is the file"
                  + " binary or UTF-16?");

  @TempDir Path dir;

  @Test
  void quarantinesLoneSurrogatesAndNulsAndPublishesTheRestAsJacksonReadsThem(TestPipeline pipeline)
      throws IOException {
    Path file = Files.writeString(dir.resolve("escapes.jsonl"), String.join("\n", LINES) + "\n");
    ObjectMapper jackson = new ObjectMapper();
    List<Row> published = new ArrayList<>();
    for (int i = 0; i < LINES.size(); i++) {
      String failure = FAILURES.getOrDefault(i + 1L, "");
      if (failure.startsWith("parse.nul_character")) {
        continue; // Jackson refuses a raw NUL, and reads an escaped one as the character
      }
      String note = jackson.readTree(LINES.get(i)).get("note").textValue();
      if (failure.isEmpty()) {
        published.add(
            Row.withSchema(CsvBadInputTest.SCHEMA).addValues("E" + (i + 1), note, null).build());
      } else {
        // What Jackson reads cannot be written as UTF-8: it would have been changed on publishing.
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(note), is(false));
      }
    }
    assertThat(published.get(0).getString("note"), equalTo("\uD83D\uDE00"));
    assertThat(published.get(1).getString("note"), equalTo("a\\u0000"));

    StageResult parsed =
        pipeline
            .apply(FileIO.match().filepattern(file.toString()))
            .apply(FileIO.readMatches())
            .apply(ParseJsonLines.of(CsvBadInputTest.SCHEMA).forProduct("test.escapes"));

    PAssert.that(parsed.rows()).containsInAnyOrder(published);
    PAssert.thatSingleton(parsed.recordCount()).isEqualTo((long) LINES.size());
    PAssert.that(parsed.failures())
        .satisfies(
            failures -> {
              assertThat(ValueCases.outcomes(failures), equalTo(new TreeMap<>(FAILURES)));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
