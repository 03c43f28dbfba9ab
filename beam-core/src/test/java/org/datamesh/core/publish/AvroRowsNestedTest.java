package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.junit.jupiter.api.Test;

/** Nested rows, arrays and times as Avro: records, arrays (items nullable) and time-micros. */
class AvroRowsNestedTest {

  private static final Schema ADDRESS =
      Schema.builder().addStringField("zip").addNullableField("street", FieldType.STRING).build();
  private static final Schema ORDER =
      Schema.builder()
          .addRowField("address", ADDRESS)
          .addNullableField("tags", FieldType.array(FieldType.STRING.withNullable(true)))
          .addArrayField("matrix", FieldType.array(FieldType.INT64))
          .addField("at", DataTypes.time())
          .build();

  @Test
  void schemaOfNestedTypes() {
    org.apache.avro.Schema avro = AvroRows.schemaOf(ORDER, "order");

    assertThat(
        avro.getField("address").schema().toString(),
        equalTo(
            "{\"type\":\"record\",\"name\":\"order_address\",\"namespace\":\"org.datamesh.product\","
                + "\"fields\":[{\"name\":\"zip\",\"type\":\"string\"},{\"name\":\"street\","
                + "\"type\":[\"null\",\"string\"],\"default\":null}]}"));
    assertThat(
        avro.getField("tags").schema().toString(),
        equalTo("[\"null\",{\"type\":\"array\",\"items\":[\"null\",\"string\"]}]"));
    assertThat(
        avro.getField("matrix").schema().toString(),
        equalTo("{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":\"long\"}}"));
    assertThat(
        avro.getField("at").schema().toString(),
        equalTo("{\"type\":\"long\",\"logicalType\":\"time-micros\"}"));
  }

  @Test
  void recordOfNestedValues() {
    Row row =
        Row.withSchema(ORDER)
            .addValues(
                Row.withSchema(ADDRESS).addValues("75001", null).build(),
                Arrays.asList("gift", null),
                List.of(List.of(1L, 2L), List.of()),
                LocalTime.of(9, 30, 15, 123_456_000))
            .build();

    GenericRecord record = AvroRows.toRecord(row, AvroRows.schemaOf(ORDER, "order"));

    GenericRecord address = (GenericRecord) record.get("address");
    assertThat(address.get("zip"), equalTo("75001"));
    assertThat(address.get("street"), equalTo(null));
    assertThat(record.get("tags"), equalTo(Arrays.asList("gift", null)));
    assertThat(record.get("matrix"), equalTo(List.of(List.of(1L, 2L), List.of())));
    assertThat(record.get("at"), equalTo(34_215_123_456L)); // microseconds of the day
  }

  @Test
  void manifestNamesNestedTypes() {
    assertThat(
        Manifest.columnsOf(ORDER).stream().map(Manifest.Column::type).toList(),
        equalTo(
            List.of(
                "STRUCT(zip STRING NOT NULL, street STRING)",
                "ARRAY<STRING>",
                "ARRAY<ARRAY<INT64 NOT NULL> NOT NULL>",
                "TIME")));
  }
}
