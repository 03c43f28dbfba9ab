package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.datamesh.core.support.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows written straight to Parquet (no Avro record) read back by DuckDB, an independent reader,
 * value for value and type for type, including nulls, nested rows, lists with null items and
 * empty lists, and an empty file that still carries the schema.
 */
class RowParquetSinkTest {

  private static final Schema ADDRESS =
      Schema.builder().addStringField("zip").addNullableField("street", FieldType.STRING).build();

  private static final Schema SCHEMA =
      Schema.builder()
          .addStringField("id")
          .addNullableField("flag", FieldType.BOOLEAN)
          .addNullableField("tiny", FieldType.BYTE)
          .addNullableField("small", FieldType.INT16)
          .addNullableField("n32", FieldType.INT32)
          .addNullableField("n64", FieldType.INT64)
          .addNullableField("f", FieldType.FLOAT)
          .addNullableField("d", FieldType.DOUBLE)
          .addNullableField("amount", DataTypes.decimal(18, 4))
          .addNullableField("at", DataTypes.timestamp())
          .addNullableField("at_ms", FieldType.DATETIME)
          .addNullableField("day", DataTypes.date())
          .addNullableField("clock", DataTypes.time())
          .addNullableField("address", FieldType.row(ADDRESS))
          .addNullableField("tags", FieldType.array(FieldType.STRING.withNullable(true)))
          .build();

  /** A trailing field the schema lacks, as the source position rides on published rows. */
  private static final Schema WITH_TRAILING =
      Schema.builder().addFields(SCHEMA.getFields()).addNullableField("_source", FieldType.STRING).build();

  @TempDir Path dir;

  @Test
  void duckDbReadsBackEveryTypeExactly() throws Exception {
    Row full =
        Row.withSchema(WITH_TRAILING)
            .addValues(
                "A1", true, (byte) -7, (short) 300, -123456, Long.MIN_VALUE, 1.5f, -0.25,
                new BigDecimal("-12345678901234.5678"),
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                new org.joda.time.Instant(1_700_000_000_123L),
                LocalDate.of(2026, 2, 28),
                LocalTime.of(9, 30, 15, 123_456_000),
                Row.withSchema(ADDRESS).addValues("75001", null).build(),
                Arrays.asList("gift", null, "héllo 😀"),
                "not written")
            .build();
    Row sparse =
        Row.withSchema(WITH_TRAILING)
            .addValues("B2", null, null, null, null, null, null, null, null, null, null, null, null,
                null, List.of(), null)
            .build();
    Path file = write("rows.parquet", full, sparse);

    Map<String, String> types = DuckDb.columnTypes("read_parquet('" + file + "')");
    assertThat(
        types,
        equalTo(
            linked(
                "id", "VARCHAR", "flag", "BOOLEAN", "tiny", "INTEGER", "small", "INTEGER",
                "n32", "INTEGER", "n64", "BIGINT", "f", "FLOAT", "d", "DOUBLE",
                "amount", "DECIMAL(18,4)", "at", "TIMESTAMP WITH TIME ZONE",
                "at_ms", "TIMESTAMP WITH TIME ZONE", "day", "DATE", "clock", "TIME WITH TIME ZONE",
                "address", "STRUCT(zip VARCHAR, street VARCHAR)", "tags", "VARCHAR[]")));
    List<Map<String, Object>> rows =
        DuckDb.query(
            "SELECT id, flag, tiny, small, n32, n64, f, d, amount, epoch_us(\"at\") AS at_us,"
                + " epoch_ms(at_ms) AS at_ms, CAST(day AS VARCHAR) AS day,"
                + " CAST(clock AS VARCHAR) AS clock, address.zip AS zip, address.street AS street,"
                + " CAST(tags AS VARCHAR) AS tags, len(tags) AS tag_count"
                + " FROM read_parquet('" + file + "') ORDER BY id");
    assertThat(
        rows.get(0).values().stream().map(String::valueOf).toList(),
        equalTo(
            List.of(
                "A1", "true", "-7", "300", "-123456", String.valueOf(Long.MIN_VALUE), "1.5",
                "-0.25", "-12345678901234.5678", "-1", "1700000000123", "2026-02-28",
                "09:30:15.123456+00", "75001", "null", "[gift, NULL, héllo 😀]", "3")));
    assertThat(
        rows.get(1).values().stream().map(String::valueOf).toList(),
        equalTo(
            List.of(
                "B2", "null", "null", "null", "null", "null", "null", "null", "null", "null",
                "null", "null", "null", "null", "null", "[]", "0")));
  }

  @Test
  void anEmptyFileCarriesTheSchema() throws Exception {
    Path file = write("empty.parquet");
    assertThat(
        DuckDb.query("SELECT count(*) AS n FROM read_parquet('" + file + "')").get(0).get("n"),
        equalTo(0L));
    assertThat(DuckDb.columnTypes("read_parquet('" + file + "')").size(), equalTo(15));
  }

  @Test
  void aRequiredColumnWithoutAValueIsRefusedNotWrittenUnreadable() throws Exception {
    Row missingId =
        Row.withSchema(SCHEMA).attachValues(Arrays.asList(new Object[SCHEMA.getFieldCount()]));
    IllegalStateException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> write("bad.parquet", missingId));
    assertThat(refused.getMessage(), equalTo("the required column id has no value"));
  }

  private Path write(String name, Row... rows) throws IOException {
    Path file = dir.resolve(name);
    RowParquetSink sink = RowParquetSink.of(SCHEMA, "rows");
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      sink.open(channel);
      for (Row row : rows) {
        sink.write(row);
      }
      sink.flush();
    }
    return file;
  }

  private static Map<String, String> linked(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
