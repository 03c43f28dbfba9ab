package org.datamesh.core.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.commons.csv.CSVFormat;
import org.datamesh.core.failure.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue of broken CSV structure (docs/reliability.md): each file gives exactly the rows
 * and failures listed, record by record, and a reader never throws. {@link CsvBadInputPipelineTest}
 * runs every file of the catalogue through one pipeline and checks that the counts balance.
 *
 * <p>Outcomes are written {@code "row id|note|qty"} (with {@code " warn ids"} when the row carries
 * warnings) and {@code "line N rule: reason"}.
 */
class CsvBadInputTest {

  static final Schema SCHEMA =
      Schema.builder()
          .addStringField("id")
          .addNullableField("note", FieldType.STRING)
          .addNullableField("qty", FieldType.INT32)
          .build();

  @TempDir Path dir;

  @Test
  void aQuoteNeverClosedCostsOnlyTheLineThatOpenedIt() throws IOException {
    // The case a new user met: the valid seventh line used to be swallowed by the sixth.
    assertThat(
        outcomes("id,note,qty\nR1,a,1\nR2,b,2\nR3,c,3\nR4,d,4\nR5,\"open,5\nR6,f,6\n"),
        contains(
            "row R1|a|1",
            "row R2|b|2",
            "row R3|c|3",
            "row R4|d|4",
            "line 6 parse.unclosed_quote: a quoted field in column 2 is not closed before the end"
                + " of the file; the record is read as ending at the line that opened it",
            "row R6|f|6"));
  }

  @Test
  void aStrayQuoteInTheMiddleIsClosedByTheNextQuote() throws IOException {
    // Ambiguous text: RFC 4180 lets a quoted field span lines, so the stray quote is read as
    // opening one, closed by the next quote in the file; the lines between are one failure.
    assertThat(
        outcomes("id,note,qty\nR1,\"open,1\nR2,x,2\nR3,\"quoted\",3\nR4,y,4\n"),
        contains(
            "line 2 parse.malformed_quote: unexpected text after the closing quote of column 2",
            "row R4|y|4"));
  }

  @Test
  void quotedLineBreaksOfEveryKindAreKeptInTheValue() throws IOException {
    assertThat(
        outcomes("id,note,qty\nR1,\"a\r\nb\",1\nR2,\"a\nb\",2\nR3,\"a\rb\",3\n"),
        contains("row R1|a\r\nb|1", "row R2|a\nb|2", "row R3|a\rb|3"));
  }

  @Test
  void lfCrLfAndLoneCrLineEndsGiveTheSameRows() throws IOException {
    List<String> expected = List.of("row R1|a|1", "row R2|b|2");
    for (String end : List.of("\n", "\r\n", "\r")) {
      String csv = String.join(end, "id,note,qty", "R1,a,1", "R2,b,2") + end;
      assertThat(outcomes(csv), equalTo(expected));
    }
    assertThat("mixed in one file", outcomes("id,note,qty\r\nR1,a,1\rR2,b,2\n"), equalTo(expected));
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
    assertThat(outcomes("\uFEFFid,note,qty\nR1,a,1\n"), contains("row R1|a|1"));
  }

  @Test
  void rowsWithTooManyOrTooFewColumnsFail() throws IOException {
    assertThat(
        outcomes("id,note,qty\nR1,a,1,extra\nR2,b\nR3,c,3\n"),
        contains(
            "line 2 parse.column_count: expected 3 columns, found 4",
            "line 3 parse.column_count: expected 3 columns, found 2",
            "row R3|c|3"));
  }

  @Test
  void unknownHeaderColumnsArePublishedWithoutThemAndReported() throws IOException {
    assertThat(
        outcomes("id,note,qty,colour\nR1,a,1,red\n"),
        contains("row R1|a|1 warn [parse.unknown_column]"));
    assertThat(
        "a duplicated unknown column is just unknown",
        outcomes("id,note,qty,x,x\nR1,a,1,2,3\n"),
        contains("row R1|a|1 warn [parse.unknown_column]"));
  }

  @Test
  void theLogNamesUnknownColumnsByPositionOnly() throws IOException {
    // A file without a header: its first record, personal data perhaps, stands in its place.
    CsvRecord header =
        new CsvTokenizer(new StringReader("R1,alice@example.com,Alice Smith\n"), ',', 100).next();
    Schema allNullable =
        Schema.builder()
            .addNullableField("id", FieldType.STRING)
            .addNullableField("note", FieldType.STRING)
            .build();
    assertThat(
        CsvHeader.of(allNullable, header).describeMismatch(),
        equalTo(
            "3 column(s) that no field of the schema matches, not published: column(s) [1, 2, 3];"
                + " no column for the nullable field(s) [id, note], published as null"));
  }

  @Test
  void aMissingNullableColumnIsPublishedAsNullAndReported() throws IOException {
    assertThat(
        outcomes("id,qty\nR1,1\n"), contains("row R1|null|1 warn [parse.missing_column]"));
  }

  @Test
  void aMissingRequiredColumnFailsEveryRecordOfTheFile() throws IOException {
    assertThat(
        outcomes("note,qty\na,1\nb,2\n"),
        contains(
            "line 2 parse.header: the file's header has no column for the required field id",
            "line 3 parse.header: the file's header has no column for the required field id"));
  }

  @Test
  void aFieldNamedTwiceInTheHeaderFailsEveryRecord() throws IOException {
    assertThat(
        outcomes("id,note,note,qty\nR1,a,b,1\n"),
        contains("line 2 parse.header: the file's header names the field note more than once"));
    assertThat(
        "an exact match wins over one ignoring case, which is then unknown",
        outcomes("id,note,NOTE,qty\nR1,a,b,1\n"),
        contains("row R1|a|1 warn [parse.unknown_column]"));
  }

  @Test
  void reorderedAndDifferentlyCasedColumnsAreMatchedByName() throws IOException {
    assertThat(outcomes("qty,ID,Note\n1,R1,a\n"), contains("row R1|a|1"));
  }

  @Test
  void theWrongDelimiterMakesOneColumnAndFailsEveryRecord() throws IOException {
    assertThat(
        outcomes("id;note;qty\nR1;a;1\n"),
        contains("line 2 parse.header: the file's header has no column for the required field id"));
  }

  @Test
  void invalidUtf8FailsOnlyItsRecordAndShowsAsReplacementCharacters() throws IOException {
    byte[] csv = concat(utf8("id,note,qty\nR1,a"), new byte[] {(byte) 0xC3, 0x28}, utf8(",1\nR2,b,2\n"));
    assertThat(
        outcomes(csv),
        contains(
            "line 2 parse.encoding: the record contains bytes that are not valid UTF-8",
            "row R2|b|2"));
    assertThat(failures(csv).get(0).rawPayload(), equalTo("R1,a\uFFFD(,1"));
  }

  @Test
  void aNulCharacterFailsItsRecord() throws IOException {
    assertThat(
        outcomes("id,note,qty\nR1,a\u0000b,1\nR2,\"c\u0000\",2\nR3,d,3\n"),
        contains(
            "line 2 parse.nul_character: the record contains a NUL character (U+0000): is the file"
                + " binary or UTF-16?",
            "line 3 parse.nul_character: the record contains a NUL character (U+0000): is the file"
                + " binary or UTF-16?",
            "row R3|d|3"));
  }

  @Test
  void aTenMegabyteFieldFailsItsRecordWithoutHoldingIt() throws IOException {
    String huge = "x".repeat(10 << 20);
    byte[] csv = utf8("id,note,qty\nR1," + huge + ",1\nR2,b,2\n");
    assertThat(
        outcomes(csv),
        contains(
            "line 2 parse.record_too_large: the record is longer than 1048576 characters",
            "row R2|b|2"));
    Failure failure = failures(csv).get(0);
    assertThat(failure.rawTruncated(), is(true));
    assertThat(failure.rawPayload().length(), is(Failure.MAX_RAW_PAYLOAD_CHARS));
  }

  @Test
  void aValidQuotedFieldLongerThanTheCapThatSpansLinesIsOneTooLargeRecord() throws IOException {
    // Its lines look like records. Commons CSV, like Python's csv, reads 2 records; they used to
    // be 11,006, and 3 lines from inside the field were published as rows.
    StringBuilder field = new StringBuilder();
    for (int i = 1; field.length() <= ParseCsv.DEFAULT_MAX_RECORD_CHARS; i++) {
      field.append("R").append(i).append(",inside,").append(i % 10).append('\n');
    }
    String csv = "id,note,qty\nR1,\"" + field + "\",1\nR2,b,2\n";
    List<String> independent = new ArrayList<>();
    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(csv))
        .forEach(record -> independent.add(record.get("id")));
    assertThat(independent, contains("R1", "R2"));

    assertThat(
        outcomes(csv),
        contains(
            "line 2 parse.record_too_large: the record is longer than 1048576 characters",
            "row R2|b|2"));
    Failure failure = failures(utf8(csv)).get(0);
    assertThat(failure.rawTruncated(), is(true));
    assertThat(failure.rawPayload().length(), is(Failure.MAX_RAW_PAYLOAD_CHARS));
  }

  @Test
  void tenThousandColumns() throws IOException {
    StringBuilder wide = new StringBuilder("id,note,qty");
    for (int i = 4; i <= 10_000; i++) {
      wide.append(",c").append(i);
    }
    String values = ",v".repeat(10_000 - 3);
    assertThat(
        "a wide header: the three known columns are read",
        outcomes(wide + "\nR1,a,1" + values + "\n"),
        contains("row R1|a|1 warn [parse.unknown_column]"));
    assertThat(
        "a wide row under a narrow header",
        outcomes("id,note,qty\nR1,a,1" + values + "\n"),
        contains("line 2 parse.column_count: expected 3 columns, found 10000"));
  }

  @Test
  void emptyAndHeaderOnlyFilesHaveNoRecords() throws IOException {
    assertThat(outcomes(""), empty());
    assertThat(outcomes("id,note,qty\n"), empty());
    assertThat(outcomes("id,note,qty"), empty());
  }

  @Test
  void blankLinesAreEmptyRecords() throws IOException {
    assertThat(
        outcomes("id,note,qty\n\nR1,a,1\n"),
        contains("line 2 parse.empty_line: the record is an empty line", "row R1|a|1"));
  }

  @Test
  void aBrokenHeaderFailsEveryRecordSayingWhy() throws IOException {
    assertThat(
        outcomes("id,\"note,qty\nR1,a,1\n"),
        contains(
            "line 2 parse.unclosed_quote: the file's header is unusable: a quoted field in column"
                + " 2 is not closed before the end of the file; the record is read as ending at"
                + " the line that opened it"));
  }

  // --- helpers

  private List<String> outcomes(String csv) throws IOException {
    return outcomes(utf8(csv));
  }

  private List<String> outcomes(byte[] csv) throws IOException {
    List<String> rendered = new ArrayList<>();
    read(csv).forEach(outcome -> rendered.add(render(outcome)));
    return rendered;
  }

  private List<Failure> failures(byte[] csv) throws IOException {
    return read(csv).stream().map(ParseOutcome::failure).filter(f -> f != null).toList();
  }

  private List<ParseOutcome> read(byte[] csv) throws IOException {
    Path file = Files.write(dir.resolve("input.csv"), csv);
    List<ParseOutcome> outcomes = new ArrayList<>();
    CsvRecordReader reader =
        new CsvRecordReader(SCHEMA, "test.bad", ',', ParseCsv.DEFAULT_MAX_RECORD_CHARS);
    try (FileChannel channel = FileChannel.open(file)) {
      reader.readWhole(channel, file.toString(), outcomes::add);
    }
    return outcomes;
  }

  static String render(ParseOutcome outcome) {
    Failure failure = outcome.failure();
    if (failure != null) {
      return failure.violations().stream()
          .map(v -> "line " + failure.source().line() + " " + v.ruleId() + ": " + v.reason())
          .collect(Collectors.joining("; "));
    }
    String row =
        "row "
            + Arrays.stream(outcome.values()).map(String::valueOf).collect(Collectors.joining("|"));
    return outcome.warnings().isEmpty() ? row : row + " warn " + outcome.warnings();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
