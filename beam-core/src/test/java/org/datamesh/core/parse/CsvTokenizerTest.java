package org.datamesh.core.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Violation;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {

  private static List<CsvRecord> tokenize(byte[] bytes, int maxChars) throws IOException {
    CsvTokenizer tokenizer =
        new CsvTokenizer(Utf8Text.reader(new ByteArrayInputStream(bytes)), ',', maxChars);
    List<CsvRecord> records = new ArrayList<>();
    for (CsvRecord r = tokenizer.next(); r != null; r = tokenizer.next()) {
      records.add(r);
    }
    return records;
  }

  private static List<CsvRecord> tokenize(String text) throws IOException {
    return tokenize(text.getBytes(StandardCharsets.UTF_8), 1000);
  }

  private static List<String> reasons(CsvRecord record) {
    return record.problems().stream().map(v -> v.ruleId() + ": " + v.reason()).toList();
  }

  private static List<String> ruleIds(CsvRecord record) {
    return record.problems().stream().map(Violation::ruleId).toList();
  }

  @Test
  void splitsPlainFieldsAndRecords() throws IOException {
    List<CsvRecord> records = tokenize("a,b,c\n1,2,3\n");
    assertThat(records, hasSize(2));
    assertThat(records.get(1).fields(), contains("1", "2", "3"));
    assertThat(records.get(1).line(), is(2L));
  }

  @Test
  void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() throws IOException {
    List<CsvRecord> records = tokenize("id,note\n1,\"a, \"\"b\"\"\nc\"\n2,x\n");
    assertThat(records, hasSize(3));
    assertThat(records.get(1).fields(), contains("1", "a, \"b\"\nc"));
    assertThat(records.get(1).raw(), equalTo("1,\"a, \"\"b\"\"\nc\""));
    assertThat("the record after a two-line record starts on line 4", records.get(2).line(), is(4L));
    assertThat(records.get(2).fields(), contains("2", "x"));
  }

  @Test
  void handlesCrLfAndLoneCrAndNoFinalNewline() throws IOException {
    List<CsvRecord> records = tokenize("a,b\r\n1,2\r3,4");
    assertThat(records, hasSize(3));
    assertThat(records.get(1).fields(), contains("1", "2"));
    assertThat(records.get(2).fields(), contains("3", "4"));
  }

  @Test
  void skipsUtf8ByteOrderMark() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "id,name\n1,é\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(text, 0, bytes, bom.length, text.length);
    List<CsvRecord> records = tokenize(bytes, 1000);
    assertThat(records.get(0).fields(), contains("id", "name"));
    assertThat(records.get(1).fields(), contains("1", "é"));
  }

  @Test
  void tellsQuotedEmptyFromMissing() throws IOException {
    CsvRecord record = tokenize("a,\"\",c,\n").get(0);
    assertThat(record.fields(), contains("a", "", "c", ""));
    assertThat(record.quoted()[1], is(true));
    assertThat(record.quoted()[3], is(false));
  }

  @Test
  void emptyLineIsABlankRecord() throws IOException {
    List<CsvRecord> records = tokenize("a\n\nb\n");
    assertThat(records, hasSize(3));
    assertThat(records.get(1).isBlank(), is(true));
    assertThat(records.get(2).isBlank(), is(false));
  }

  @Test
  void recoversAfterTextFollowingAClosingQuote() throws IOException {
    List<CsvRecord> records = tokenize("\"ab\"x,1\n2,3\n");
    assertThat(ruleIds(records.get(0)), contains("parse.malformed_quote"));
    assertThat(records.get(0).raw(), equalTo("\"ab\"x,1"));
    assertThat("the next line parses normally", records.get(1).fields(), contains("2", "3"));
    assertThat(records.get(1).problems(), empty());
  }

  @Test
  void aQuoteLeftOpenAtEndOfFileCostsOnlyTheLineThatOpenedIt() throws IOException {
    List<CsvRecord> records = tokenize("1,2\n3,\"open\n4,5\r\n6,7\n");
    assertThat(records, hasSize(4));
    assertThat(ruleIds(records.get(1)), contains("parse.unclosed_quote"));
    assertThat(
        records.get(1).problems().get(0).reason(),
        equalTo(
            "a quoted field in column 2 is not closed before the end of the file; the record is"
                + " read as ending at the line that opened it"));
    assertThat(records.get(1).raw(), equalTo("3,\"open"));
    assertThat(records.get(1).line(), is(2L));
    assertThat("the next lines are records of their own", records.get(2).fields(), contains("4", "5"));
    assertThat(records.get(2).problems(), empty());
    assertThat(records.get(2).line(), is(3L));
    assertThat(records.get(3).fields(), contains("6", "7"));
    assertThat(records.get(3).line(), is(4L));
  }

  @Test
  void aQuoteOpenOnTheLastLineIsReportedAsBefore() throws IOException {
    List<CsvRecord> records = tokenize("1,2\n3,\"open");
    assertThat(records, hasSize(2));
    assertThat(
        records.get(1).problems().get(0).reason(),
        equalTo("a quoted field in column 2 is not closed before the end of the file"));
    assertThat(records.get(1).raw(), equalTo("3,\"open"));
  }

  @Test
  void aQuoteStillOpenAfterTheRecordCapTakesTheRestOfTheInputIntoOneFailure() throws IOException {
    // Past the cap the lines after the quote cannot be read again (they are not kept), and
    // reading them as records would publish lines of a long valid field if the quote closed
    // later: the record is read on, keeping nothing, and here the quote never closes.
    String tail = "5,6\n".repeat(20);
    List<CsvRecord> records = tokenize(("1,\"a\r\n" + tail).getBytes(StandardCharsets.UTF_8), 30);
    assertThat(records, hasSize(1));
    assertThat(
        reasons(records.get(0)),
        contains(
            "parse.record_too_large: the record is longer than 30 characters",
            "parse.unclosed_quote: a quoted field in column 2 is not closed before the end of the"
                + " file"));
    assertThat(records.get(0).raw(), equalTo("1,\"a\r\n" + tail));
  }

  @Test
  void doubledQuotesAfterAnUnclosedQuoteAreReadWithoutBeingKept() throws IOException {
    // Only doubled quotes after the line break: each is one quote of the field, so the field
    // never closes. Past the cap nothing of it is kept for rereading, however long it goes on.
    byte[] csv = ("1,\"x\n" + "\"".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
    List<CsvRecord> records = tokenize(csv, 1000);
    assertThat("one record, to the end", records, hasSize(1));
    assertThat(
        reasons(records.get(0)),
        contains(
            "parse.record_too_large: the record is longer than 1000 characters",
            "parse.unclosed_quote: a quoted field in column 2 is not closed before the end of the"
                + " file"));
  }

  @Test
  void aQuotedFieldThatClosesPastTheCapEndsItsRecordWhereItReallyEnds() throws IOException {
    // Lines inside the field look like records; none may become one.
    String inside = "7,8\n".repeat(20);
    List<CsvRecord> records =
        tokenize(("1,\"a\n" + inside + "\",2\n3,4\n").getBytes(StandardCharsets.UTF_8), 30);
    assertThat(records, hasSize(2));
    assertThat(
        reasons(records.get(0)),
        contains("parse.record_too_large: the record is longer than 30 characters"));
    assertThat(records.get(1).fields(), contains("3", "4"));
    assertThat(records.get(1).line(), is(23L));
  }

  @Test
  void aLongQuotedFieldOnOneLineIsStillOneRecord() throws IOException {
    List<CsvRecord> records =
        tokenize(("1,\"" + "x".repeat(50) + "\"\n2,3\n").getBytes(StandardCharsets.UTF_8), 30);
    assertThat(records, hasSize(2));
    assertThat(ruleIds(records.get(0)), contains("parse.record_too_large"));
    assertThat(records.get(1).fields(), contains("2", "3"));
  }

  @Test
  void aClosedMultiLineQuoteBeforeAnUnclosedOneKeepsItsLines() throws IOException {
    List<CsvRecord> records = tokenize("a,\"b\nc\",\"d\ne\nf,g\n");
    assertThat(records, hasSize(3));
    assertThat(ruleIds(records.get(0)), contains("parse.unclosed_quote"));
    assertThat("the record ends at the line of the unclosed quote", records.get(0).raw(), equalTo("a,\"b\nc\",\"d"));
    assertThat(records.get(1).fields(), contains("e"));
    assertThat(records.get(1).line(), is(3L));
    assertThat(records.get(2).fields(), contains("f", "g"));
  }

  @Test
  void flagsInvalidUtf8OnlyInTheRecordThatHoldsIt() throws IOException {
    byte[] bytes = {'a', '\n', 'x', (byte) 0xC3, (byte) 0x28, '\n', 'b', '\n'};
    List<CsvRecord> records = tokenize(bytes, 1000);
    assertThat(records, hasSize(3));
    assertThat(records.get(0).problems(), empty());
    assertThat(ruleIds(records.get(1)), contains("parse.encoding"));
    assertThat("stored text shows U+FFFD", records.get(1).raw(), equalTo("x\uFFFD("));
    assertThat(records.get(2).problems(), empty());
  }

  @Test
  void boundsHugeRecordsWithoutKeepingThem() throws IOException {
    String huge = "x".repeat(Failure.MAX_RAW_PAYLOAD_CHARS * 3);
    List<CsvRecord> records = tokenize(("1," + huge + "\n2,ok\n").getBytes(StandardCharsets.UTF_8), 500);
    assertThat(ruleIds(records.get(0)), contains("parse.record_too_large"));
    assertThat(records.get(0).fields().get(1), equalTo(""));
    assertThat(
        "raw text is kept only up to just past the quarantine's cap",
        records.get(0).raw().length(),
        is(Failure.MAX_RAW_PAYLOAD_CHARS + 1));
    assertThat(records.get(1).fields(), contains("2", "ok"));
  }

  @Test
  void emptyInputHasNoRecords() throws IOException {
    assertThat(
        new CsvTokenizer(Utf8Text.reader(new ByteArrayInputStream(new byte[0])), ',', 10).next(),
        nullValue());
  }
}
