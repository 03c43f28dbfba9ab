package org.datamesh.core.parse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.datamesh.core.StageResult;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gzip and zip files, each checked against the JDK's own reader of the same bytes: every record
 * that decompresses is published, what cannot be read is one {@code parse.read} failure after
 * the last record read, and input = published + quarantined.
 */
@ExtendWith(TestPipelineExtension.class)
class CompressedFilesTest {

  private static final int RECORDS = 2_000;
  private static final String PAST = "parse.read: the file could not be read past record ";

  @TempDir Path dir;

  @Test
  void zeroPaddingAfterAGzipMemberCostsNoRecord(TestPipeline pipeline) throws IOException {
    byte[] csv = concat(gzip(csv(RECORDS)), new byte[1024]);
    byte[] jsonl = concat(gzip(jsonLines(RECORDS)), new byte[1024]);
    assertThat("the JDK reads every record", jdkCsvIds(csv).size(), equalTo(RECORDS));
    assertThat("the JDK reads every line", jdkJsonIds(jsonl).size(), equalTo(RECORDS));
    String reason =
        PAST + RECORDS + ": its last compressed member is followed by 1024 bytes that are not"
            + " compressed data (all zero, as padding is); every record before them was read";

    expect(pipeline, parseCsv(pipeline, "padded.csv.gz", csv), jdkCsvIds(csv), Map.of(2001L, reason));
    expect(
        pipeline,
        parseJsonLines(pipeline, "padded.jsonl.gz", jsonl),
        jdkJsonIds(jsonl),
        Map.of(2001L, reason));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void otherBytesAfterAGzipMemberAreNamedToo(TestPipeline pipeline) throws IOException {
    byte[] csv = concat(gzip(csv(RECORDS)), "garbage".getBytes(StandardCharsets.US_ASCII));
    expect(
        pipeline,
        parseCsv(pipeline, "garbage.csv.gz", csv),
        jdkCsvIds(csv),
        Map.of(
            2001L,
            PAST + RECORDS + ": its last compressed member is followed by 7 bytes that are not"
                + " compressed data; every record before them was read"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aTruncatedGzipFilePublishesEveryCompleteRecordItHolds(TestPipeline pipeline)
      throws IOException {
    byte[] whole = gzip(csv(RECORDS));
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
    List<String> complete = jdkCompleteCsvIds(truncated);
    assertThat(
        "a sample that ends mid-file", complete.size() > 900 && complete.size() < 1100, equalTo(true));
    expect(
        pipeline,
        parseCsv(pipeline, "truncated.csv.gz", truncated),
        complete,
        Map.of(
            complete.size() + 1L,
            PAST + complete.size() + ": its data ends early, as a truncated compressed file's does"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void concatenatedMembersAreOneFileAndABadChecksumIsCorrupt(TestPipeline pipeline)
      throws IOException {
    byte[] two = concat(gzip(csv(RECORDS)), gzip(rows(RECORDS + 1, 2 * RECORDS)));
    expect(pipeline, parseCsv(pipeline, "two-members.csv.gz", two), jdkCsvIds(two), Map.of());
    byte[] badCrc = gzip(csv(RECORDS));
    badCrc[badCrc.length - 8] ^= 1;
    expect(
        pipeline,
        parseCsv(pipeline, "bad-crc.csv.gz", badCrc),
        ids(1, RECORDS),
        Map.of(2001L, PAST + RECORDS + ": its compressed data is corrupt"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void eachZipEntryIsReadAsAFileOfItsOwn(TestPipeline pipeline) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("a.csv"));
      // No final line break: the entry's last record must not run into the next entry.
      String a = csv(100);
      zip.write(a.substring(0, a.length() - 1).getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("folder/"));
      zip.putNextEntry(new ZipEntry("folder/b.csv"));
      zip.write(("id,note,qty\n" + rows(101, 200).replace("R105,note", "R105,x,note"))
          .getBytes(StandardCharsets.UTF_8));
    }
    byte[] archive = bytes.toByteArray();
    List<String> independent = jdkZipIds(archive);
    assertThat("Commons CSV reads 200 records in the entries", independent.size(), equalTo(200));
    independent.remove("R105");

    Path file = Files.write(dir.resolve("two.zip"), archive);
    String entry = file + "!/folder/b.csv";
    StageResult parsed =
        parse(pipeline, file, ParseCsv.of(CsvBadInputTest.SCHEMA).forProduct("test.zip"));
    PAssert.thatSingleton(parsed.recordCount()).isEqualTo(200L);
    PAssert.that(ids(parsed.rows())).containsInAnyOrder(independent);
    PAssert.thatSingleton(parsed.failures())
        .satisfies(
            failure -> {
              assertThat(failure.source().source(), equalTo(entry));
              assertThat(failure.source().offset(), equalTo(5L));
              assertThat(
                  failure.violations().get(0).reason(), equalTo("expected 3 columns, found 4"));
              return null;
            });

    Path notZip = Files.writeString(dir.resolve("plain.zip"), csv(3));
    StageResult refused =
        parse(pipeline, notZip, ParseCsv.of(CsvBadInputTest.SCHEMA).forProduct("test.zip"), "NotZip");
    PAssert.that("NotZip rows", refused.rows()).empty();
    PAssert.that("NotZip failures", refused.failures())
        .satisfies(
            failures -> {
              assertThat(
                  ValueCases.outcomes(failures),
                  equalTo(
                      Map.of(
                          1L, "parse.read: the file could not be read: it is not a zip archive")));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  // --- the pipeline side

  private StageResult parseCsv(TestPipeline pipeline, String name, byte[] bytes) throws IOException {
    return parse(
        pipeline,
        Files.write(dir.resolve(name), bytes),
        ParseCsv.of(CsvBadInputTest.SCHEMA).forProduct("test.gz"),
        name);
  }

  private StageResult parseJsonLines(TestPipeline pipeline, String name, byte[] bytes)
      throws IOException {
    return parse(
        pipeline,
        Files.write(dir.resolve(name), bytes),
        ParseJsonLines.of(CsvBadInputTest.SCHEMA).forProduct("test.gz"),
        name);
  }

  private static StageResult parse(
      TestPipeline pipeline,
      Path file,
      org.apache.beam.sdk.transforms.PTransform<PCollection<FileIO.ReadableFile>, StageResult> parse) {
    return parse(pipeline, file, parse, file.getFileName().toString());
  }

  private static StageResult parse(
      TestPipeline pipeline,
      Path file,
      org.apache.beam.sdk.transforms.PTransform<PCollection<FileIO.ReadableFile>, StageResult> parse,
      String step) {
    return pipeline
        .apply(step + " match", FileIO.match().filepattern(file.toString()))
        .apply(step + " read", FileIO.readMatches())
        .apply(step, parse);
  }

  /** Exactly these rows (by id) and these failures, "rule: reason" by record number. */
  private static void expect(
      TestPipeline pipeline, StageResult parsed, List<String> rowIds, Map<Long, String> failures) {
    String step = parsed.rows().getName();
    PAssert.thatSingleton(step + " records", parsed.recordCount())
        .isEqualTo((long) rowIds.size() + failures.size());
    PAssert.that(step + " rows", ids(parsed.rows())).containsInAnyOrder(rowIds);
    Map<Long, String> expected = new TreeMap<>(failures);
    PAssert.that(step + " failures", parsed.failures())
        .satisfies(
            found -> {
              assertThat(ValueCases.outcomes(found), equalTo(expected));
              return null;
            });
  }

  private static PCollection<String> ids(PCollection<org.apache.beam.sdk.values.Row> rows) {
    return rows.apply(
        rows.getName() + " ids",
        MapElements.into(TypeDescriptors.strings()).via(row -> row.getString("id")));
  }

  // --- the files and their independent readers

  private static String csv(int records) {
    return "id,note,qty\n" + rows(1, records);
  }

  /** Records {@code from} to {@code to}, with notes random enough to compress like real data. */
  private static String rows(int from, int to) {
    Random random = new Random(from);
    StringBuilder text = new StringBuilder();
    for (int i = from; i <= to; i++) {
      text.append("R").append(i).append(",note ").append(Long.toHexString(random.nextLong()))
          .append(",").append(i).append("\n");
    }
    return text.toString();
  }

  private static String jsonLines(int records) {
    Random random = new Random(7);
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= records; i++) {
      text.append("{\"id\":\"R").append(i).append("\",\"note\":\"")
          .append(Long.toHexString(random.nextLong())).append("\",\"qty\":").append(i).append("}\n");
    }
    return text.toString();
  }

  private static List<String> ids(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      ids.add("R" + i);
    }
    return ids;
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** The ids Commons CSV reads from what the JDK's GZIPInputStream decompresses. */
  private static List<String> jdkCsvIds(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return csvIds(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static List<String> jdkJsonIds(byte[] gz) throws IOException {
    ObjectMapper jackson = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        ids.add(jackson.readTree(line).get("id").textValue());
      }
    }
    return ids;
  }

  /**
   * The records of a truncated file that the JDK decompresses whole: read a byte at a time up to
   * its EOFException, then every record ended by a line break.
   */
  private static List<String> jdkCompleteCsvIds(byte[] gz) throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      for (int b = in.read(); b != -1; b = in.read()) {
        text.write(b);
      }
    } catch (EOFException expected) {
      // the truncation
    }
    String decompressed = text.toString(StandardCharsets.UTF_8);
    return csvIds(decompressed.substring(0, decompressed.lastIndexOf('\n') + 1));
  }

  private static List<String> jdkZipIds(byte[] archive) throws IOException {
    List<String> ids = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (!entry.isDirectory()) {
          ids.addAll(csvIds(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    }
    return ids;
  }

  private static List<String> csvIds(String csv) throws IOException {
    List<String> ids = new ArrayList<>();
    for (CSVRecord record :
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
            .parse(new StringReader(csv))) {
      ids.add(record.get("id"));
    }
    return ids;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

}
