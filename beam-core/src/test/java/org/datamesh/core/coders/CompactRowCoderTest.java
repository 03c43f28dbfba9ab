package org.datamesh.core.coders;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class CompactRowCoderTest {

  private static final Schema SOURCE =
      Schema.builder().addStringField("file").addInt64Field("offset").build();

  private static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("text", FieldType.STRING)
          .addNullableField("small", FieldType.INT16)
          .addNullableField("count", FieldType.INT32)
          .addNullableField("big", FieldType.INT64)
          .addNullableField("ratio", FieldType.FLOAT)
          .addNullableField("share", FieldType.DOUBLE)
          .addNullableField("flag", FieldType.BOOLEAN)
          .addNullableField("raw_amount", FieldType.DECIMAL)
          .addNullableField("amount", DataTypes.decimal(18, 4))
          .addNullableField("day", DataTypes.date())
          .addNullableField("at", FieldType.DATETIME)
          .addNullableField("at_micros", DataTypes.timestamp())
          .addNullableField("bytes", FieldType.BYTES)
          .addNullableField("source", FieldType.row(SOURCE))
          .build();

  private static Row full() {
    return Row.withSchema(SCHEMA)
        .addValues(
            "héllo, 世界 😀",
            (short) -7,
            -123456,
            Long.MAX_VALUE,
            1.5f,
            -0.25,
            true,
            new BigDecimal("-12345678901234567890.000100"),
            new BigDecimal("12.3400"),
            LocalDate.of(2026, 2, 28),
            new Instant(1_700_000_000_123L),
            java.time.Instant.parse("1969-12-31T23:59:59.999999Z"),
            new byte[] {0, 1, -1},
            Row.withSchema(SOURCE).addValues("/data/orders.csv", 42L).build())
        .build();
  }

  @Test
  void everySupportedTypeRoundTripsExactly() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CompactRowCoder.of(SCHEMA), full());
  }

  @Test
  void nullsRoundTrip() throws Exception {
    Row allNull = Row.nullRow(SCHEMA);
    CoderProperties.coderDecodeEncodeEqual(CompactRowCoder.of(SCHEMA), allNull);
  }

  @Test
  void decimalsKeepTheirScale() throws Exception {
    Row row = Row.fromRow(full()).withFieldValue("raw_amount", new BigDecimal("1.10")).build();
    Row decoded =
        CoderUtils.decodeFromByteArray(
            CompactRowCoder.of(SCHEMA), CoderUtils.encodeToByteArray(CompactRowCoder.of(SCHEMA), row));
    assertThat(decoded.getDecimal("raw_amount").scale(), is(2));
  }

  @Test
  void isSmallerThanBeamsRowCoder() throws Exception {
    int compact = CoderUtils.encodeToByteArray(CompactRowCoder.of(SCHEMA), full()).length;
    int beam = CoderUtils.encodeToByteArray(RowCoder.of(SCHEMA), full()).length;
    assertThat(compact, lessThan(beam + 1));
  }

  @Test
  void keepsTheSchemaAndFallsBackForMaps() {
    assertThat(CompactRowCoder.of(SCHEMA).getSchema(), is(SCHEMA));
    Schema withMap = Schema.builder().addMapField("tags", FieldType.STRING, FieldType.STRING).build();
    assertThat(CompactRowCoder.of(withMap), instanceOf(RowCoder.class));
    assertThat(CompactRowCoder.of(SCHEMA), not(instanceOf(RowCoder.class)));
  }

  @Test
  void roundTripsArraysNestedRowsAndTimes() throws Exception {
    Schema line = Schema.builder().addStringField("sku").addNullableField("qty", FieldType.INT32).build();
    Schema nested =
        Schema.builder()
            .addNullableField("tags", FieldType.array(FieldType.STRING.withNullable(true)))
            .addArrayField("lines", FieldType.row(line))
            .addArrayField("matrix", FieldType.array(FieldType.INT64))
            .addIterableField("slots", DataTypes.time())
            .addNullableField("at", DataTypes.time())
            .build();
    Row row =
        Row.withSchema(nested)
            .addValues(
                java.util.Arrays.asList("gift", null),
                java.util.List.of(
                    Row.withSchema(line).addValues("A", 2).build(),
                    Row.withSchema(line).addValues("B", null).build()),
                java.util.List.of(java.util.List.of(1L, 2L), java.util.List.of()),
                java.util.List.of(java.time.LocalTime.of(8, 0)),
                java.time.LocalTime.of(9, 30, 15, 123_456_000))
            .build();

    assertThat(CompactRowCoder.of(nested), not(instanceOf(RowCoder.class)));
    CoderProperties.coderDecodeEncodeEqual(CompactRowCoder.of(nested), row);
    CoderProperties.coderDecodeEncodeEqual(
        CompactRowCoder.of(nested), Row.withSchema(nested).addValues(null, java.util.List.of(), java.util.List.of(), java.util.List.of(), null).build());
  }

  @Test
  void equalForEqualSchemas() {
    assertThat(CompactRowCoder.of(SCHEMA).equals(CompactRowCoder.of(SCHEMA)), is(true));
    assertThat(CompactRowCoder.of(SCHEMA).equals(RowCoder.of(SCHEMA)), is(false));
  }
}
