package org.datamesh.core.parse;

import static org.datamesh.core.parse.CsvBadInputTest.utf8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.StageResult;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the broken-CSV catalogue ({@link CsvBadInputTest}) in one folder, parsed by one
 * pipeline, read whole and split at every record: the run completes, and each way every record is
 * a row or a failure, in exactly the numbers the catalogue gives.
 */
@ExtendWith(TestPipelineExtension.class)
class CsvBadInputPipelineTest {

  private static final long RECORDS = 26;
  private static final long ROWS = 17;
  private static final long FAILURES = 9;
  private static final long SPLIT_RANGES = 17;

  @TempDir Path dir;

  @Test
  void theWholeCatalogueBalances(TestPipeline pipeline) throws IOException {
    writeCatalogue();
    PCollection<FileIO.ReadableFile> files =
        pipeline
            .apply(FileIO.match().filepattern(dir.resolve("*").toString()))
            .apply(FileIO.readMatches());
    ParseCsv parse = ParseCsv.of(CsvBadInputTest.SCHEMA).forProduct("test.bad");

    assertCounts("Whole", files.apply("Whole", parse));
    assertCounts("Split", files.apply("Split", parse.withSplitBytes(1)));
    PipelineResult run = pipeline.run();
    run.waitUntilFinish();
    // One byte: every record of a file is a range of its own. Files of one record are read whole,
    // and so is unclosed.csv, whose scan gives up (its quote never closes): 17 ranges in all
    // (stray 2, cr 2, columns 3, unknown 2, semicolons 2, invalid 2, nul 2, huge 2).
    assertThat("the split half splits", ParseCsvSplitTest.splitRanges(run), equalTo(SPLIT_RANGES));
  }

  @Test
  void aFileWithAQuoteThatNeverClosesIsReadWholeAndLosesOnlyThatLine(TestPipeline pipeline)
      throws IOException {
    StringBuilder csv = new StringBuilder("id,note,qty\n");
    for (int i = 1; i <= 20; i++) {
      csv.append(i == 7 ? "R7,\"never closed,7\n" : "R" + i + ",fine," + i + "\n");
    }
    Path file = dir.resolve("unclosed.csv");
    Files.writeString(file, csv);
    StageResult parsed =
        pipeline
            .apply(FileIO.match().filepattern(file.toString()))
            .apply(FileIO.readMatches())
            .apply(ParseCsv.of(CsvBadInputTest.SCHEMA).forProduct("test.split").withSplitBytes(64));

    PAssert.thatSingleton(parsed.recordCount()).isEqualTo(20L);
    PAssert.thatSingleton(parsed.rows().apply("CountRows", Count.globally()))
        .isEqualTo(19L);
    PAssert.thatSingleton(parsed.failures())
        .satisfies(
            failure -> {
              assertThat(failure.source().offset(), equalTo(7L));
              assertThat(failure.source().line(), equalTo(8L));
              assertThat(failure.rawPayload(), equalTo("R7,\"never closed,7"));
              assertThat(failure.violations().get(0).ruleId(), equalTo("parse.unclosed_quote"));
              return null;
            });
    PipelineResult run = pipeline.run();
    run.waitUntilFinish();
    assertThat("the scan gave up, so the file was read whole", ParseCsvSplitTest.splitRanges(run), equalTo(0L));
  }

  private static void assertCounts(String name, StageResult parsed) {
    PAssert.thatSingleton(name + " records", parsed.recordCount()).isEqualTo(RECORDS);
    PAssert.thatSingleton(name + " rows", parsed.rows().apply(name + "Rows", Count.globally()))
        .isEqualTo(ROWS);
    PAssert.thatSingleton(
            name + " failures", parsed.failures().apply(name + "Failures", Count.globally()))
        .isEqualTo(FAILURES);
    PAssert.that(name + " warnings", parsed.warningCounts())
        .containsInAnyOrder(
            KV.of(CsvHeader.UNKNOWN_COLUMN, 3L), KV.of(CsvHeader.MISSING_COLUMN, 1L));
  }

  /** The files, each with its rows and failures. */
  private void writeCatalogue() throws IOException {
    // 5 rows, 1 failure: the unclosed quote costs its line only.
    write("unclosed.csv", "id,note,qty\nR1,a,1\nR2,b,2\nR3,c,3\nR4,d,4\nR5,\"open,5\nR6,f,6\n");
    // 1 row, 1 failure: a stray quote closed by the next quote.
    write("stray.csv", "id,note,qty\nR1,\"open,1\nR2,x,2\nR3,\"quoted\",3\nR4,y,4\n");
    // 2 rows, lone CR line ends.
    write("cr.csv", "id,note,qty\rR1,a,1\rR2,b,2\r");
    // 1 row, behind a byte order mark.
    write("bom.csv", "\uFEFFid,note,qty\r\nR1,a,1\r\n");
    // 1 row, 2 failures: too many and too few columns.
    write("columns.csv", "id,note,qty\nR1,a,1,extra\nR2,b\nR3,c,3\n");
    // 2 rows, each warned of the unknown column.
    write("unknown.csv", "id,note,qty,colour\nR1,a,1,red\nR2,b,2,blue\n");
    // 1 row, warned of the missing nullable column.
    write("missing.csv", "id,qty\nR1,1\n");
    // 2 failures: the wrong delimiter leaves no column for the required id.
    write("semicolons.csv", "id;note;qty\nR1;a;1\nR2;b;2\n");
    // 1 row, 1 failure: invalid UTF-8.
    ByteArrayOutputStream invalid = new ByteArrayOutputStream();
    invalid.writeBytes(utf8("id,note,qty\nR1,a"));
    invalid.writeBytes(new byte[] {(byte) 0xC3, 0x28});
    invalid.writeBytes(utf8(",1\nR2,b,2\n"));
    Files.write(dir.resolve("invalid.csv"), invalid.toByteArray());
    // 1 row, 1 failure: a NUL character.
    write("nul.csv", "id,note,qty\nR1,a\u0000b,1\nR2,b,2\n");
    // 1 row, 1 failure: a 10 MB field.
    write("huge.csv", "id,note,qty\nR1," + "x".repeat(10 << 20) + ",1\nR2,b,2\n");
    // 1 row under 10,000 header columns, warned of the unknown ones.
    StringBuilder wide = new StringBuilder("id,note,qty");
    for (int i = 4; i <= 10_000; i++) {
      wide.append(",c").append(i);
    }
    write("wide.csv", wide + "\nR1,a,1" + ",v".repeat(10_000 - 3) + "\n");
    // No records.
    write("empty.csv", "");
    write("header-only.csv", "id,note,qty\n");
  }

  private void write(String name, String content) throws IOException {
    Files.write(dir.resolve(name), utf8(content));
  }
}
