package org.datamesh.core.parse;

import static org.datamesh.core.parse.CsvBadInputTest.utf8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.datamesh.core.StageResult;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid characters that look like the bad-bytes mark: the noncharacters U+FFFF and U+FFFE, and
 * characters beyond U+FFFF whose second half is a low surrogate (U+10FFFF ends in U+DFFF, the
 * mark itself). Each is published as written, in CSV and JSON lines alike, as Commons CSV and
 * Jackson read it; bad bytes next to them still fail their record.
 */
@ExtendWith(TestPipelineExtension.class)
class NoncharactersTest {

  private static final String MAX = "\uDBFF\uDFFF"; // U+10FFFF
  private static final String EMOJI = "\uD83D\uDE00"; // U+1F600

  @TempDir Path dir;

  @Test
  void csvPublishesNoncharactersAsWrittenAndStillFailsBadBytes() throws IOException {
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    csv.writeBytes(utf8("id,note,qty\nR1,a\uFFFFb,1\nR2,\"\uFFFE" + MAX + "\",2\n"));
    csv.writeBytes(utf8("R3,x"));
    csv.writeBytes(new byte[] {(byte) 0xFF});
    csv.writeBytes(utf8(",3\nR4," + EMOJI));
    csv.writeBytes(new byte[] {(byte) 0xC3});
    csv.writeBytes(utf8(",4\nR5," + EMOJI + MAX + ",5\n"));
    Path file = Files.write(dir.resolve("noncharacters.csv"), csv.toByteArray());

    List<ParseOutcome> outcomes = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file)) {
      new CsvRecordReader(CsvBadInputTest.SCHEMA, "test.text", ',', ParseCsv.DEFAULT_MAX_RECORD_CHARS)
          .readWhole(channel, file.toString(), outcomes::add);
    }

    List<String> rendered = outcomes.stream().map(CsvBadInputTest::render).toList();
    assertThat(
        rendered,
        contains(
            "row R1|a\uFFFFb|1",
            "row R2|\uFFFE" + MAX + "|2",
            "line 4 parse.encoding: the record contains bytes that are not valid UTF-8",
            "line 5 parse.encoding: the record contains bytes that are not valid UTF-8",
            "row R5|" + EMOJI + MAX + "|5"));
    assertThat(outcomes.get(0).raw(), equalTo("R1,a\uFFFFb,1"));
    assertThat(outcomes.get(2).failure().rawPayload(), equalTo("R3,x\uFFFD,3"));
    assertThat(outcomes.get(3).failure().rawPayload(), equalTo("R4," + EMOJI + "\uFFFD,4"));

    // Commons CSV, decoding with the JDK (bad bytes become U+FFFD), reads the same notes.
    List<CSVRecord> independent =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
            .parse(new StringReader(new String(csv.toByteArray(), StandardCharsets.UTF_8)))
            .getRecords();
    assertThat(independent.get(0).get("note"), equalTo(outcomes.get(0).values()[1]));
    assertThat(independent.get(1).get("note"), equalTo(outcomes.get(1).values()[1]));
    assertThat(independent.get(4).get("note"), equalTo(outcomes.get(4).values()[1]));
  }

  @Test
  void jsonLinesPublishNoncharactersWrittenOrEscaped(TestPipeline pipeline) throws IOException {
    List<String> lines =
        List.of(
            "{\"id\":\"J1\",\"note\":\"a\uFFFFb\"}",
            "{\"id\":\"J2\",\"note\":\"\\uffff\\ufffe\"}",
            "{\"id\":\"J3\",\"note\":\"" + MAX + "\\udbff\\udfff\"}");
    Path file =
        Files.writeString(dir.resolve("noncharacters.jsonl"), String.join("\n", lines) + "\n");
    ObjectMapper jackson = new ObjectMapper();
    List<Row> expected = new ArrayList<>();
    for (String line : lines) {
      String id = jackson.readTree(line).get("id").textValue();
      String note = jackson.readTree(line).get("note").textValue();
      expected.add(Row.withSchema(CsvBadInputTest.SCHEMA).addValues(id, note, null).build());
    }
    assertThat(expected.get(1).getString("note"), equalTo("\uFFFF\uFFFE"));

    StageResult parsed =
        pipeline
            .apply(FileIO.match().filepattern(file.toString()))
            .apply(FileIO.readMatches())
            .apply(ParseJsonLines.of(CsvBadInputTest.SCHEMA).forProduct("test.text"));

    PAssert.that(parsed.rows()).containsInAnyOrder(expected);
    PAssert.that(parsed.failures()).empty();
    PAssert.thatSingleton(parsed.recordCount()).isEqualTo(3L);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theMarkIsALowSurrogateOnItsOwn() {
    assertThat(Utf8Text.printable("a" + Utf8Text.INVALID + MAX + "\uFFFF"), equalTo("a\uFFFD" + MAX + "\uFFFF"));
  }
}
