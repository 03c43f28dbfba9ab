package org.datamesh.core.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Random well-formed RFC 4180 text, tokenized by {@link CsvTokenizer} and by Apache Commons CSV
 * (an independent parser): both must give back exactly the fields that were written, and the
 * tokenizer's raw text must be each record as written.
 */
class CsvTokenizerDifferentialTest {

  private static final String[] PIECES = {
    "a", "Z", "7", " ", ",", "\"", "\n", "\r\n", "é", "\uD83D\uDE00", "x y", "''", ";", "\t"
  };

  private static String randomField(Random random) {
    StringBuilder field = new StringBuilder();
    int pieces = random.nextInt(5);
    for (int i = 0; i < pieces; i++) {
      field.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return field.toString();
  }

  private static String encode(String field, boolean forceQuotes) {
    boolean needsQuotes =
        forceQuotes
            || field.contains(",")
            || field.contains("\"")
            || field.contains("\n")
            || field.contains("\r");
    return needsQuotes ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
  }

  @Test
  void agreesWithCommonsCsvAndWithWhatWasWritten() throws Exception {
    Random random = new Random(20261121);
    for (int round = 0; round < 300; round++) {
      int columns = 1 + random.nextInt(6);
      List<List<String>> written = new ArrayList<>();
      List<String> rawRecords = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      int records = 1 + random.nextInt(20);
      for (int r = 0; r < records; r++) {
        List<String> fields = new ArrayList<>();
        List<String> encoded = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
          String field = randomField(random);
          fields.add(field);
          // A record of one empty field would be an empty line; quote it so it stays a record.
          boolean lonelyEmpty = columns == 1 && field.isEmpty();
          encoded.add(encode(field, lonelyEmpty || random.nextInt(4) == 0));
        }
        written.add(fields);
        String raw = String.join(",", encoded);
        rawRecords.add(raw);
        text.append(raw).append(random.nextBoolean() ? "\r\n" : "\n");
      }
      String csv = text.toString();

      List<CsvRecord> ours = new ArrayList<>();
      CsvTokenizer tokenizer =
          new CsvTokenizer(
              Utf8Text.reader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))),
              ',',
              1 << 20);
      for (CsvRecord record = tokenizer.next(); record != null; record = tokenizer.next()) {
        ours.add(record);
      }
      List<List<String>> theirs = new ArrayList<>();
      try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
        for (CSVRecord record : parser) {
          theirs.add(record.toList());
        }
      }

      String context = "round " + round + " of\n" + csv;
      assertThat(context, ours.size(), is(written.size()));
      assertThat(context, theirs, equalTo(written));
      for (int r = 0; r < ours.size(); r++) {
        assertThat(context, ours.get(r).problems(), empty());
        assertThat(context, ours.get(r).fields(), equalTo(written.get(r)));
        assertThat(context, ours.get(r).raw(), equalTo(rawRecords.get(r)));
      }
    }
  }
}
