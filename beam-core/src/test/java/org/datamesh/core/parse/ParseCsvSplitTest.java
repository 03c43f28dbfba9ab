package org.datamesh.core.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.standardize.StandardizationStep;
import org.datamesh.core.standardize.Standardizers;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file split into ranges of 64 bytes, where quoted line breaks straddle the split points, is
 * parsed exactly as one reader parses it: the same rows and failures, record numbers, lines and raw
 * text, none lost or doubled.
 */
@ExtendWith(TestPipelineExtension.class)
class ParseCsvSplitTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .addStringField("id")
          .addNullableField("note", FieldType.STRING)
          .addNullableField("qty", FieldType.INT32)
          .build();

  private static final int RECORDS = 48;
  private static final long SPLIT_BYTES = 64;

  @TempDir Path dir;

  /** Many lines of text for a quoted field, so that split points fall among them. */
  private static final String LINES =
      "line one é\nline two \uD83D\uDE00\r\nline three\nline four\nline five\nline six\nline seven";

  /**
   * A BOM, a CRLF header, then records whose quoted fields hold LF, CRLF and lone CR line breaks,
   * doubled quotes, multi-byte characters and invalid UTF-8, mixed with a malformed quote followed
   * by a stray quote on its line, a record starting with U+FEFF (text there, not a BOM), empty
   * lines, lone-CR record ends and a value of the wrong type. Every split point of 64 bytes falls
   * inside a quoted field with line breaks after it (asserted below).
   */
  static byte[] straddlingCsv() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("\uFEFFid,note,qty\r\n"));
    for (int i = 1; i <= RECORDS; i++) {
      String id = "R" + i;
      switch (i % 8) {
        case 0 -> out.writeBytes(utf8(id + ",\"" + LINES + "\nend\"," + i + "\n"));
        case 1 -> out.writeBytes(utf8(id + ",\"He said \"\"hi\"\"\r\n" + LINES + "\"," + i + "\r\n"));
        case 2 -> out.writeBytes(utf8(id + ",\"bad\"x \"\n"));
        case 3 -> out.writeBytes(utf8("\uFEFF" + id + ",\"not a BOM\n" + LINES + "\"," + i + "\n"));
        case 4 -> {
          out.writeBytes(utf8(id + ",\"bytes "));
          out.writeBytes(new byte[] {(byte) 0xFF, ' ', (byte) 0xE2, (byte) 0x82});
          out.writeBytes(utf8("\n" + LINES + "\"," + i + "\n"));
        }
        case 5 -> out.writeBytes(utf8("\n"));
        case 6 -> out.writeBytes(utf8(id + ",\"lone\rcr and\n" + LINES + "\",\r"));
        default -> out.writeBytes(utf8(id + ",\"ünïcödé\n\n" + LINES + "\",many\n"));
      }
    }
    return out.toByteArray();
  }

  @Test
  void splitsGiveExactlyWhatOneReaderGives(TestPipeline pipeline) throws IOException {
    Path file = dir.resolve("straddling.csv");
    Files.write(file, straddlingCsv());
    PCollection<FileIO.ReadableFile> files =
        pipeline.apply(FileIO.match().filepattern(file.toString())).apply(FileIO.readMatches());
    ParseCsv parse =
        ParseCsv.of(SCHEMA)
            .forProduct("test.split")
            .withSourcePositions()
            .then(StandardizationStep.of(Standardizers.upperCase("note")));

    StageResult single = files.apply("OneReader", parse);
    StageResult split = files.apply("Split", parse.withSplitBytes(SPLIT_BYTES));

    PAssert.thatSingleton(split.recordCount()).isEqualTo((long) RECORDS);
    PAssert.that(tagged(single, "one reader", split, "split"))
        .satisfies(
            all -> {
              assertSameOutcomes(all, "one reader", "split");
              return null;
            });
    PipelineResult run = pipeline.run();
    run.waitUntilFinish();
    assertThat("the file went through the split path", splitRanges(run), greaterThan(30L));
  }

  @Test
  void aGzipFileIsParsedWholeAndCorrectly(TestPipeline pipeline) throws IOException {
    Path plain = dir.resolve("plain.csv");
    Files.write(plain, straddlingCsv());
    Path gzip = dir.resolve("packed.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
      out.write(straddlingCsv());
    }
    assertThat("large enough to be split were it not compressed", Files.size(gzip), greaterThan(SPLIT_BYTES));
    ParseCsv parse = ParseCsv.of(SCHEMA).forProduct("test.split").withSourcePositions();

    StageResult fromPlain =
        pipeline
            .apply("MatchPlain", FileIO.match().filepattern(plain.toString()))
            .apply("ReadPlain", FileIO.readMatches())
            .apply("OneReader", parse);
    StageResult fromGzip =
        pipeline
            .apply("MatchGzip", FileIO.match().filepattern(gzip.toString()))
            .apply("ReadGzip", FileIO.readMatches())
            .apply("Gzip", parse.withSplitBytes(SPLIT_BYTES));

    PAssert.that(tagged(fromPlain, "plain", fromGzip, "gzip"))
        .satisfies(
            all -> {
              assertSameOutcomes(all, "plain", "gzip");
              return null;
            });
    PipelineResult run = pipeline.run();
    run.waitUntilFinish();
    assertThat("the gzip file was not split", splitRanges(run), equalTo(0L));
  }

  @Test
  void quotedLineBreaksStraddleTheSplitPoints() throws IOException {
    Path file = dir.resolve("straddling.csv");
    byte[] csv = straddlingCsv();
    Files.write(file, csv);
    List<RecordRange> ranges;
    List<RecordRange> records;
    try (FileChannel channel = FileChannel.open(file)) {
      ranges = CsvBoundaryScanner.ranges(channel, ',', 1 << 20, SPLIT_BYTES).orElseThrow();
    }
    try (FileChannel channel = FileChannel.open(file)) {
      records = CsvBoundaryScanner.ranges(channel, ',', 1 << 20, 1).orElseThrow();
    }
    assertThat(records, hasSize(RECORDS));
    Set<Long> recordStarts = new HashSet<>();
    records.forEach(record -> recordStarts.add(record.start()));
    // Where a naive splitter (seek, then start after the next line break) would start each split:
    // in this file, inside a quoted field every time, so it would cut records.
    List<Long> naiveStarts = new ArrayList<>();
    for (int i = 1; i < ranges.size(); i++) {
      int at = (int) (ranges.get(i - 1).start() + SPLIT_BYTES);
      while (csv[at] != '\n' && csv[at] != '\r') {
        at++;
      }
      naiveStarts.add((long) at + 1);
    }
    assertThat(ranges.size(), greaterThan(30));
    assertThat(naiveStarts.stream().filter(recordStarts::contains).toList(), equalTo(List.of()));
  }

  @Test
  void displaysTheSplitSizeAndRefusesNonPositiveOnes() {
    DisplayData data = DisplayData.from(ParseCsv.of(SCHEMA).withSplitBytes(1 << 20));
    assertThat(
        data.asMap()
            .get(DisplayData.Identifier.of(DisplayData.Path.root(), ParseCsv.class, "splitBytes"))
            .getValue(),
        equalTo(1L << 20));
    assertThrows(IllegalArgumentException.class, () -> ParseCsv.of(SCHEMA).withSplitBytes(0));
  }

  static long splitRanges(PipelineResult run) {
    long ranges = 0;
    for (MetricResult<Long> counter :
        run.metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(
                        MetricNameFilter.named(RecordParsingFn.METRICS_NAMESPACE, "splitRanges"))
                    .build())
            .getCounters()) {
      ranges += counter.getAttempted();
    }
    return ranges;
  }

  /** Both results' rows and failures as text, each prefixed with its result's tag. */
  static PCollection<String> tagged(
      StageResult first, String firstTag, StageResult second, String secondTag) {
    return PCollectionList.of(rendered(first.rows(), firstTag, ParseCsvSplitTest::renderRow))
        .and(rendered(first.failures(), firstTag, ParseCsvSplitTest::renderFailure))
        .and(rendered(second.rows(), secondTag, ParseCsvSplitTest::renderRow))
        .and(rendered(second.failures(), secondTag, ParseCsvSplitTest::renderFailure))
        .apply(firstTag + " and " + secondTag, Flatten.pCollections());
  }

  private static <T> PCollection<String> rendered(
      PCollection<T> items, String tag, org.apache.beam.sdk.transforms.SerializableFunction<T, String> render) {
    return items.apply(
        "Render " + tag + " " + items.getName(),
        MapElements.into(TypeDescriptors.strings()).via((T item) -> tag + "|" + render.apply(item)));
  }

  private static void assertSameOutcomes(Iterable<String> all, String firstTag, String secondTag) {
    assertSameOutcomes(all, firstTag, secondTag, RECORDS);
  }

  /** Each tag saw exactly {@code records} distinct outcomes, and the same ones. */
  static void assertSameOutcomes(
      Iterable<String> all, String firstTag, String secondTag, int records) {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (String item : all) {
      String[] parts = item.split("\\|", 2);
      (parts[0].equals(firstTag) ? first : second).add(parts[1]);
    }
    assertThat(first, hasSize(records));
    assertThat("no record doubled", new TreeSet<>(second), hasSize(records));
    assertThat(second, hasSize(records));
    assertThat(new TreeSet<>(second), equalTo(new TreeSet<>(first)));
  }

  /** A row's values and its record number and line; not the file, which the gzip test changes. */
  private static String renderRow(Row row) {
    SourcePosition position = SourceField.positionOf(row);
    List<Object> values = new ArrayList<>(row.getValues());
    values.remove(values.size() - 1);
    return "record " + position.offset() + " line " + position.line() + " row " + values;
  }

  private static String renderFailure(Failure failure) {
    return "record "
        + failure.source().offset()
        + " line "
        + failure.source().line()
        + " "
        + failure.stage()
        + " "
        + failure.violations()
        + " raw="
        + failure.rawPayload();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
