package org.datamesh.core.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.failure.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random CSV bytes (quoted and unquoted line breaks of every kind, doubled and stray quotes, text
 * after closing quotes, multi-byte characters, invalid UTF-8, byte order marks, blank lines, a
 * missing last line break), read once whole and once as the ranges of a boundary scan: both must
 * give exactly the same outcomes (values, failures, record numbers, lines, raw text) in the same
 * order. A split size of one byte makes every record boundary a split point.
 */
class CsvSplitDifferentialTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("a", FieldType.STRING)
          .addNullableField("b", FieldType.STRING)
          .addNullableField("c", FieldType.STRING)
          .build();

  private static final byte[][] PIECES = {
    bytes("a"), bytes("Z9"), bytes(" "), bytes("\""), bytes("\"\""), bytes("\n"), bytes("\r\n"),
    bytes("\r"), bytes("é"), bytes("\uD83D\uDE00"), bytes("\uFEFF"), bytes("x\"y"),
    {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xC3}, {(byte) 0x80}, {(byte) 0xF0, (byte) 0x9F}
  };

  private static final char[] DELIMITERS = {',', ';', '\t', '|'};

  @TempDir Path dir;

  @Test
  void rangesReadExactlyWhatTheWholeFileGives() throws IOException {
    Random random = new Random(20261122);
    int unsplittable = 0;
    for (int round = 0; round < 1500; round++) {
      char delimiter = DELIMITERS[random.nextInt(DELIMITERS.length)];
      byte[] csv = randomCsv(random, delimiter);
      int maxRecordChars = random.nextInt(4) == 0 ? 1 + random.nextInt(20) : 1 << 20;
      CsvRecordReader reader = new CsvRecordReader(SCHEMA, "test.split", delimiter, maxRecordChars);
      Path file = dir.resolve("round" + round + ".csv");
      Files.write(file, csv);
      String context = "round " + round + ", delimiter " + (int) delimiter + ", bytes " + HexFormat.of().formatHex(csv);

      List<String> whole = readWhole(reader, file);
      for (long splitBytes : new long[] {1, 1 + random.nextInt(csv.length + 1)}) {
        Optional<List<RecordRange>> scanned;
        try (FileChannel channel = FileChannel.open(file)) {
          scanned = CsvBoundaryScanner.ranges(channel, delimiter, maxRecordChars, splitBytes);
        }
        if (scanned.isEmpty()) {
          unsplittable++;
          continue;
        }
        List<RecordRange> ranges = scanned.get();
        assertPartition(context, ranges, csv.length, whole.size());
        assertThat(context + ", split " + splitBytes, readRanges(reader, file, ranges), equalTo(whole));
      }
    }
    // A scan gives up only on a quote that crosses a line break and never closes in time.
    assertThat("most files are split", unsplittable, lessThan(1000));
  }

  @Test
  void aSplitOfOneByteGivesOneRangePerRecord() throws IOException {
    byte[] csv = bytes("\uFEFFa,b,c\r\n1,\"x\ny\",3\n\"bad\"x,\"\n4,5,6\r7,8,9");
    Path file = dir.resolve("small.csv");
    Files.write(file, csv);
    List<RecordRange> ranges;
    try (FileChannel channel = FileChannel.open(file)) {
      ranges = CsvBoundaryScanner.ranges(channel, ',', 1 << 20, 1).orElseThrow();
    }
    // Records: the quoted LF stays inside record 1; the malformed record 2 ends at its line's end,
    // so its stray quote opens nothing; record 3 ends at a lone CR; record 4 at the end of input.
    assertThat(
        ranges,
        equalTo(
            List.of(
                new RecordRange(10, 20, 1, 2, 1),
                new RecordRange(20, 29, 2, 4, 1),
                new RecordRange(29, 35, 3, 5, 1),
                new RecordRange(35, 40, 4, 6, 1))));
  }

  private static void assertPartition(
      String context, List<RecordRange> ranges, long fileBytes, long records) {
    long expectedRecord = 1;
    for (int i = 0; i < ranges.size(); i++) {
      RecordRange range = ranges.get(i);
      assertThat(context, range.firstRecordNumber(), is(expectedRecord));
      if (i > 0) {
        assertThat(context, range.start(), is(ranges.get(i - 1).end()));
      }
      expectedRecord += range.recordCount();
    }
    assertThat(context, expectedRecord - 1, is(records));
    if (!ranges.isEmpty()) {
      assertThat(context, ranges.get(ranges.size() - 1).end(), is(fileBytes));
      assertThat(context, ranges.get(0).start(), greaterThan(0L));
    }
  }

  static List<String> readWhole(CsvRecordReader reader, Path file) throws IOException {
    List<String> outcomes = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file)) {
      reader.readWhole(channel, file.toString(), outcome -> outcomes.add(render(outcome)));
    }
    return outcomes;
  }

  static List<String> readRanges(CsvRecordReader reader, Path file, List<RecordRange> ranges)
      throws IOException {
    List<String> outcomes = new ArrayList<>();
    for (RecordRange range : ranges) {
      try (FileChannel channel = FileChannel.open(file)) {
        reader.readRange(channel, file.toString(), range, outcome -> outcomes.add(render(outcome)));
      }
    }
    return outcomes;
  }

  /** Everything an outcome carries except a failure's time. */
  static String render(ParseOutcome outcome) {
    Failure failure = outcome.failure();
    if (failure != null) {
      return "failure at "
          + failure.source()
          + " "
          + failure.violations()
          + " raw="
          + failure.rawPayload()
          + " truncated="
          + failure.rawTruncated();
    }
    return "row at "
        + outcome.position()
        + " "
        + Arrays.deepToString(outcome.values())
        + " raw="
        + outcome.raw();
  }

  private static byte[] randomCsv(Random random, char delimiter) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (random.nextInt(3) == 0) {
      out.writeBytes(bytes("\uFEFF"));
    }
    String d = String.valueOf(delimiter);
    out.writeBytes(bytes(random.nextInt(10) == 0 ? "a" + d + "\"b" : "a" + d + "b" + d + "c"));
    out.writeBytes(bytes(random.nextBoolean() ? "\n" : "\r\n"));
    int records = random.nextInt(25);
    for (int r = 0; r < records; r++) {
      int fields = 1 + random.nextInt(4);
      for (int f = 0; f < fields; f++) {
        if (f > 0) {
          out.writeBytes(bytes(d));
        }
        boolean quoted = random.nextInt(3) > 0;
        if (quoted) {
          out.write('"');
        }
        int pieces = random.nextInt(6);
        for (int p = 0; p < pieces; p++) {
          byte[] piece = PIECES[random.nextInt(PIECES.length)];
          // Mostly well-formed: a quote inside a quoted field is usually doubled.
          if (quoted && piece.length == 1 && piece[0] == '"' && random.nextInt(4) > 0) {
            piece = bytes("\"\"");
          }
          out.writeBytes(piece);
        }
        if (quoted && random.nextInt(12) > 0) {
          out.write('"');
        }
      }
      int end = random.nextInt(10);
      out.writeBytes(bytes(end < 5 ? "\n" : end < 8 ? "\r\n" : end < 9 ? "\r" : "\n\n"));
    }
    if (random.nextInt(4) == 0) {
      out.writeBytes(bytes("tail" + d + "\"open"));
    }
    return out.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
