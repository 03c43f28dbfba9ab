package org.datamesh.examples.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The baselines' RFC 4180 splitter, on the cases that make CSV hard. */
class BenchCsvSplitterTest {

  private static List<CsvSplitter.Record> split(byte[] bytes) throws Exception {
    List<CsvSplitter.Record> records = new ArrayList<>();
    try (CsvSplitter csv = CsvSplitter.open(new ByteArrayInputStream(bytes))) {
      for (CsvSplitter.Record r = csv.next(); r != null; r = csv.next()) {
        records.add(r);
      }
    }
    return records;
  }

  private static List<CsvSplitter.Record> split(String text) throws Exception {
    return split(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void quotedCommasDoubledQuotesAndLineBreaksStayInTheirField() throws Exception {
    List<CsvSplitter.Record> records =
        split("\uFEFFa,\"b,1\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",,\"\"\rlast,x,y");

    assertThat(records.size(), is(3));
    assertThat(records.get(0).fields(), contains("a", "b,1", "say \"hi\""));
    assertThat(records.get(0).raw(), equalTo("a,\"b,1\",\"say \"\"hi\"\"\""));
    assertThat(records.get(1).fields(), contains("two\r\nlines", "", ""));
    assertThat("unquoted empty vs quoted empty", records.get(1).quoted()[1], is(false));
    assertThat(records.get(1).quoted()[2], is(true));
    assertThat(records.get(1).line(), is(2L));
    assertThat(records.get(2).line(), is(4L));
    assertThat(records.get(2).problems(), empty());
  }

  @Test
  void malformedRecordsAreReportedAndTheNextLineIsRead() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.writeBytes("\"a\"b,c\nz".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xFF);
    bytes.writeBytes(",y\nok,\u00e9\nx,\"open".getBytes(StandardCharsets.UTF_8));

    List<CsvSplitter.Record> records = split(bytes.toByteArray());

    assertThat(records.get(0).problems(), contains("parse.malformed_quote"));
    assertThat(records.get(1).problems(), contains("parse.encoding"));
    assertThat(records.get(2).fields(), contains("ok", "\u00e9"));
    assertThat(records.get(3).problems(), contains("parse.unclosed_quote"));
    assertThat(records.get(3).fields(), contains("x", "open"));
  }

  @Test
  void anEmptyLineIsOneUnquotedEmptyField() throws Exception {
    List<CsvSplitter.Record> records = split("a\r\n\r\nb\r\n");

    assertThat(records.size(), is(3));
    assertThat(records.get(1).isEmptyLine(), is(true));
    assertThat(records.get(0).isEmptyLine(), is(false));
  }

  @Test
  void nothingToReadIsNoRecord() throws Exception {
    try (CsvSplitter csv = CsvSplitter.open(new ByteArrayInputStream(new byte[0]))) {
      assertThat(csv.next(), nullValue());
    }
  }
}
