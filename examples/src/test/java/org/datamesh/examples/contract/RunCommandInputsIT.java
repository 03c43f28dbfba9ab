package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input catalogue, through {@code run}: one glob over a folder of mixed files (plain and
 * gzip CSV, a text file, a subfolder, a gzip file cut short, one failing its checksum, one not
 * readable by the user) publishes what can be read and quarantines each file or record that cannot
 * be, with its reason; the run completes and its counts balance.
 */
class RunCommandInputsIT {

  private static final String HEADER =
      "order_id,customer_id,order_ts,updated_at,amount,currency,status,quantity\n";

  @TempDir Path dir;

  @Test
  void aGlobOverAMixedFolderReadsEveryFileItMatchesAndQuarantinesTheUnreadable() throws Exception {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    Files.writeString(exports.resolve("a.csv"), HEADER + orders(1, 2));
    Files.write(exports.resolve("b.csv.gz"), gzip(HEADER + orders(3, 4)));
    // Named .gz but not compressed: Beam reads a file without the gzip magic bytes as it is.
    Files.writeString(exports.resolve("c.csv.gz"), HEADER + orders(5, 5));
    Files.writeString(exports.resolve("notes.txt"), "meeting notes\nbuy milk\n");
    Files.writeString(
        Files.createDirectories(exports.resolve("sub")).resolve("d.csv"), HEADER + orders(6, 6));
    byte[] whole = gzip(HEADER + orders(7, 9));
    // Without its 8-byte trailer: every record decompresses, then the stream ends early.
    Files.write(exports.resolve("truncated.csv.gz"), Arrays.copyOf(whole, whole.length - 8));
    byte[] badChecksum = gzip(HEADER + orders(10, 11));
    badChecksum[badChecksum.length - 8] ^= 1;
    Files.write(exports.resolve("checksum.csv.gz"), badChecksum);
    Path locked = Files.writeString(exports.resolve("locked.csv"), HEADER + orders(12, 12));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    // Root reads a file whatever its permissions; only another user sees it as unreadable.
    boolean lockedIsReadable = Files.isReadable(locked);
    Path output = dir.resolve("mesh");

    CliOutcome outcome =
        CliOutcome.run(
            "run",
            "--contract=" + OrdersContract.write(dir, "orders.yaml"),
            "--input=" + exports + "/*",
            "--output=" + output,
            "--runner=DirectRunner");

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(outcome.err(), not(containsString("\tat ")));
    Path productDir = output.resolve("sales/orders");
    Manifest manifest = Manifest.read(productDir);
    // Published: a 1-2, b 3-4, c 5, truncated 7-9 and checksum 10-11 (every byte that
    // decompresses reaches the reader before the error; their records used to be lost with the
    // reader's buffer), and locked 12 when readable. Quarantined: the notes' record, truncated
    // and checksum as one failure each after their last record, and locked when unreadable.
    long published = 10 + (lockedIsReadable ? 1 : 0);
    long quarantined = 3 + (lockedIsReadable ? 0 : 1);
    assertThat(
        manifest.counts(),
        equalTo(new Manifest.Counts(published + quarantined, published, quarantined, 0)));
    assertThat(
        DuckDb.query(
                "SELECT string_agg(order_id, ',' ORDER BY order_id) AS ids FROM "
                    + DuckDb.parquet(productDir, manifest.files()))
            .get(0)
            .get("ids"),
        equalTo(
            "ORD-000001,ORD-000002,ORD-000003,ORD-000004,ORD-000005,ORD-000007,ORD-000008,"
                + "ORD-000009,ORD-000010,ORD-000011"
                + (lockedIsReadable ? ",ORD-000012" : "")));

    Map<String, String> expected = new TreeMap<>();
    // A .txt file matched by the glob is read as CSV: its header names none of the columns, so
    // its one record has every required value missing (validation, not parsing: the contract's
    // raw schema reads every column as optional text).
    expected.put(
        "notes.txt record 1",
        Stream.of("order_id", "customer_id", "order_ts", "amount", "currency", "status")
            .map(c -> c + ".not_null: " + c + " is required but missing")
            .collect(Collectors.joining(" | ")));
    expected.put(
        "truncated.csv.gz record 4",
        "parse.read: the file could not be read past record 3: its data ends early, as a truncated"
            + " compressed file's does");
    expected.put(
        "checksum.csv.gz record 3",
        "parse.read: the file could not be read past record 2: its compressed data is corrupt");
    if (!lockedIsReadable) {
      expected.put(
          "locked.csv record 1", "parse.read: the file could not be read: permission denied");
    }
    assertThat(quarantine(productDir, manifest), equalTo(expected));
  }

  /** Each quarantined record as "file record n" to its violations, "rule: reason". */
  private static Map<String, String> quarantine(Path productDir, Manifest manifest)
      throws Exception {
    Map<String, String> byRecord = new TreeMap<>();
    for (Map<String, Object> row :
        DuckDb.query(
            "SELECT source.source AS file, source.\"offset\" AS record, array_to_string("
                + "list_transform(violations, lambda v: v.rule_id || ': ' || v.reason), ' | ') AS why"
                + " FROM "
                + DuckDb.parquet(productDir, manifest.quarantineFiles()))) {
      String file = Path.of(row.get("file").toString()).getFileName().toString();
      byRecord.put(file + " record " + row.get("record"), row.get("why").toString());
    }
    return byRecord;
  }

  /** Valid orders numbered {@code from} to {@code to}, one a line. */
  private static String orders(int from, int to) {
    StringBuilder csv = new StringBuilder();
    for (int i = from; i <= to; i++) {
      csv.append(String.format("ORD-%06d,C-%d,2024-03-05T10:00:00Z,,12.50,EUR,PAID,2\n", i, i));
    }
    return csv.toString();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
