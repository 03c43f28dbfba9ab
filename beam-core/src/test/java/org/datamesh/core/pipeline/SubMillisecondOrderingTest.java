package org.datamesh.core.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.datamesh.core.DataTypes;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versions of a key less than a millisecond apart: the later one wins whatever its place in the
 * file, and the published timestamp keeps its microseconds. The expected rows come from the same
 * bytes read by Commons CSV and Jackson and ordered by {@link Instant}, not from the library.
 */
class SubMillisecondOrderingTest {

  private static final DataProduct CSV = DataProduct.of("timing", "csv_versions", "1.0.0");
  private static final DataProduct JSON = DataProduct.of("timing", "json_versions", "1.0.0");

  private static final Schema SCHEMA =
      Schema.builder()
          .addStringField("order_id")
          .addStringField("status")
          .addField("updated_at", DataTypes.timestamp())
          .build();

  /** Order id, status, updated_at: the later version of each key comes first. */
  private static final String[][] VERSIONS = {
    {"A", "SHIPPED", "2024-03-05T10:15:30.0008Z"}, // 0.8 ms after the next line
    {"A", "PLACED", "2024-03-05T10:15:30Z"},
    {"B", "PAID", "2024-03-05T10:15:30.000002Z"}, // one microsecond apart
    {"B", "PLACED", "2024-03-05T10:15:30.000001Z"},
    {"C", "PLACED", "2024-03-05T11:15:30.123456+01:00"},
    {"C", "PAID", "2024-03-05T10:15:30.1234569Z"}, // later by 0.9 us; the 100 ns digit is cut
    {"D", "PLACED", "1969-12-31T23:59:59.999999Z"}, // before the epoch: microseconds go down
  };

  @TempDir Path dir;

  @Test
  void theLaterVersionWinsAndKeepsItsMicroseconds() throws Exception {
    StringBuilder csv = new StringBuilder("order_id,status,updated_at\n");
    StringBuilder json = new StringBuilder();
    for (String[] version : VERSIONS) {
      csv.append(String.join(",", version)).append('\n');
      json.append("{\"order_id\":\"").append(version[0]).append("\",\"status\":\"")
          .append(version[1]).append("\",\"updated_at\":\"").append(version[2]).append("\"}\n");
    }
    Path out = dir.resolve("out");
    ProductRuns.publish(
        out,
        Map.of(
            ProductSpec.of(CSV)
                .readingFrom(RecordFormat.csv(SCHEMA))
                .deduplicatedBy("order_id")
                .keepingLatestBy("updated_at"),
            Files.writeString(dir.resolve("in.csv"), csv),
            ProductSpec.of(JSON)
                .readingFrom(RecordFormat.jsonLines(SCHEMA))
                .deduplicatedBy("order_id")
                .keepingLatestBy("updated_at"),
            Files.writeString(dir.resolve("in.jsonl"), json)));

    List<String> expectedFromCsv = latestByKey(csvVersions(Files.readString(dir.resolve("in.csv"))));
    List<String> expectedFromJson =
        latestByKey(jsonVersions(Files.readAllBytes(dir.resolve("in.jsonl"))));
    assertThat(
        expectedFromCsv,
        equalTo(
            List.of(
                "A|SHIPPED|1709633730000800",
                "B|PAID|1709633730000002",
                "C|PAID|1709633730123456",
                "D|PLACED|-1")));
    assertThat(expectedFromJson, equalTo(expectedFromCsv));

    assertThat(published(out, CSV), equalTo(expectedFromCsv));
    assertThat(published(out, JSON), equalTo(expectedFromJson));
    for (DataProduct product : List.of(CSV, JSON)) {
      Manifest.Counts counts = ProductRuns.manifest(out, product).counts();
      assertThat(counts, equalTo(new Manifest.Counts(VERSIONS.length, 4, 0, 3)));
    }
  }

  /** What DuckDB reads from the published files: id, status and epoch microseconds, by id. */
  private static List<String> published(Path out, DataProduct product) throws Exception {
    Manifest manifest = ProductRuns.manifest(out, product);
    List<String> rows = new ArrayList<>();
    for (Map<String, Object> row :
        DuckDb.query(
            "SELECT order_id, status, epoch_us(updated_at) AS us FROM "
                + DuckDb.parquet(ProductRuns.folder(out, product), manifest.files())
                + " ORDER BY order_id")) {
      rows.add(row.get("order_id") + "|" + row.get("status") + "|" + row.get("us"));
    }
    return rows;
  }

  private static List<String[]> csvVersions(String text) throws Exception {
    List<String[]> versions = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
    for (CSVRecord record : format.parse(new StringReader(text))) {
      versions.add(
          new String[] {record.get("order_id"), record.get("status"), record.get("updated_at")});
    }
    return versions;
  }

  private static List<String[]> jsonVersions(byte[] bytes) throws Exception {
    List<String[]> versions = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      JsonNode node = mapper.readTree(line);
      versions.add(
          new String[] {
            node.get("order_id").asText(), node.get("status").asText(), node.get("updated_at").asText()
          });
    }
    return versions;
  }

  /** The latest version of each key, compared at full precision, published to the microsecond. */
  private static List<String> latestByKey(List<String[]> versions) {
    Map<String, String[]> latest = new LinkedHashMap<>();
    for (String[] version : versions) {
      latest.merge(
          version[0],
          version,
          (a, b) -> instant(a[2]).compareTo(instant(b[2])) >= 0 ? a : b);
    }
    List<String> rows = new ArrayList<>();
    latest.values().stream()
        .sorted((a, b) -> a[0].compareTo(b[0]))
        .forEach(
            v -> {
              Instant at = instant(v[2]).truncatedTo(ChronoUnit.MICROS);
              long micros = Math.floorDiv(at.getEpochSecond() * 1_000_000_000L + at.getNano(), 1_000L);
              rows.add(v[0] + "|" + v[1] + "|" + micros);
            });
    return rows;
  }

  private static Instant instant(String text) {
    return java.time.OffsetDateTime.parse(text).toInstant();
  }
}
