package org.datamesh.core.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.ByteEdits;
import org.datamesh.core.support.TempFolders;

/**
 * Random corruptions of valid files (bytes deleted, inserted, repeated or replaced; quotes,
 * delimiters, CR/LF, NUL, invalid UTF-8, byte order marks inserted; lines repeated, removed or
 * swapped; the file cut short) never make a run fail, and every record read is accounted for:
 *
 * <ul>
 *   <li>the run completes and commits a manifest whose counts balance: input = published +
 *       quarantined + deduplicated (key: the first column);
 *   <li>DuckDB finds exactly {@code published} rows in the data files and {@code quarantined} in
 *       the quarantine files, every one quarantined at the PARSE stage (the spec has no rules);
 *   <li>JSON lines: input is the number of lines a reader finds (LF, CRLF or lone CR ends one; a
 *       leading byte order mark is not text);
 *   <li>CSV: input is at most the number of lines after the header's first, since every record
 *       takes at least one line. Nothing more precise is asserted about broken quoting, whose
 *       resynchronisation rule is the tokenizer's to define.
 * </ul>
 */
class CorruptedInputTest {

  private static final DataProduct CSV = DataProduct.of("props", "csv_corrupted", "1.0.0");
  private static final DataProduct JSON = DataProduct.of("props", "jsonl_corrupted", "1.0.0");

  @Property(tries = 15, seed = "20261122", shrinking = ShrinkingMode.BOUNDED)
  void everyRecordIsPublishedQuarantinedOrDeduplicated(
      @ForAll("tables") RandomTables.Table table,
      @ForAll("csvEdits") List<ByteEdits.Edit> csvEdits,
      @ForAll("jsonEdits") List<ByteEdits.Edit> jsonEdits) throws Exception {
    byte[] csv = ByteEdits.apply(TableFiles.csv(table, "\r\n", true), csvEdits);
    byte[] json = ByteEdits.apply(TableFiles.jsonLines(table), jsonEdits);
    Path dir = Files.createTempDirectory("corrupted");
    try {
      Path out = dir.resolve("out");
      String key = table.columns().get(0).name();
      ProductRuns.publish(out, Map.of(
          ProductSpec.of(CSV).readingFrom(RecordFormat.csv(table.schema())).deduplicatedBy(key),
          Files.write(dir.resolve("in.csv"), csv),
          ProductSpec.of(JSON).readingFrom(RecordFormat.jsonLines(table.schema())).deduplicatedBy(key),
          Files.write(dir.resolve("in.jsonl"), json)));

      Manifest.Counts csvCounts = accountedFor(out, CSV);
      Manifest.Counts jsonCounts = accountedFor(out, JSON);
      assertThat("JSON lines", jsonCounts.input(), equalTo(lines(json)));
      assertThat("CSV", csvCounts.input(), lessThanOrEqualTo(Math.max(0, lines(csv) - 1)));
      Statistics.label("csv quarantined").collect(csvCounts.quarantined() > 0);
      Statistics.label("jsonl quarantined").collect(jsonCounts.quarantined() > 0);
    } finally {
      TempFolders.delete(dir);
    }
  }

  private static Manifest.Counts accountedFor(Path out, DataProduct product) throws Exception {
    Manifest manifest = ProductRuns.manifest(out, product);
    Manifest.Counts counts = manifest.counts();
    assertThat(product.id() + " " + counts, counts.input(),
        equalTo(counts.published() + counts.quarantined() + counts.deduplicated()));
    assertThat(ProductRuns.count(out, product, manifest.files()), equalTo(counts.published()));
    assertThat(ProductRuns.count(out, product, manifest.quarantineFiles()), equalTo(counts.quarantined()));
    assertThat(ProductRuns.quarantine(out, product), everyItem(startsWith("PARSE ")));
    return counts;
  }

  /** Lines as a line reader finds them: LF, CRLF and lone CR end one; a last unended one counts. */
  static long lines(byte[] file) {
    int start = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB
        && (file[2] & 0xFF) == 0xBF ? 3 : 0;
    long lines = 0;
    boolean open = false;
    for (int i = start; i < file.length; i++) {
      if (file[i] == '\n' || file[i] == '\r') {
        lines++;
        open = false;
        if (file[i] == '\r' && i + 1 < file.length && file[i + 1] == '\n') {
          i++;
        }
      } else {
        open = true;
      }
    }
    return open ? lines + 1 : lines;
  }

  @Provide
  Arbitrary<RandomTables.Table> tables() {
    return RandomTables.tables(4, 6);
  }

  @Provide
  Arbitrary<List<ByteEdits.Edit>> csvEdits() {
    return ByteEdits.edits(ByteEdits.CSV_TOKENS, 3);
  }

  @Provide
  Arbitrary<List<ByteEdits.Edit>> jsonEdits() {
    return ByteEdits.edits(ByteEdits.JSON_TOKENS, 3);
  }
}
