package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import org.apache.avro.LogicalTypes;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * Timestamps as Avro: {@link DataTypes#timestamp()} as {@code timestamp-micros}, Beam's DATETIME as
 * {@code timestamp-millis}; and a file written in milliseconds (before timestamps kept
 * microseconds) read back as the same instant.
 */
class AvroRowsTimestampTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .addField("at", DataTypes.timestamp())
          .addNullableField("legacy", FieldType.DATETIME)
          .build();

  @Test
  void microsecondsAndMillisecondsKeepTheirUnit() {
    org.apache.avro.Schema avro = AvroRows.schemaOf(SCHEMA, "t");
    assertThat(
        avro.getField("at").schema().toString(),
        equalTo("{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}"));
    Row row =
        Row.withSchema(SCHEMA)
            .addValues(
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                new org.joda.time.Instant(1_700_000_000_123L))
            .build();
    GenericRecord record = AvroRows.toRecord(row, avro);
    assertThat(record.get("at"), equalTo(-1L));
    assertThat(record.get("legacy"), equalTo(1_700_000_000_123L));
    assertThat(AvroRows.toRow(record, SCHEMA), equalTo(row));
  }

  @Test
  void aFileWrittenInMillisecondsReadsAsTheSameInstant() {
    org.apache.avro.Schema millis =
        SchemaBuilder.record("t").fields()
            .name("at").type(LogicalTypes.timestampMillis().addToSchema(
                org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG))).noDefault()
            .endRecord();
    GenericRecord old = new GenericData.Record(millis);
    old.put("at", -1L);
    Schema read = Schema.builder().addField("at", DataTypes.timestamp()).build();
    assertThat(
        AvroRows.toRow(old, read).getValue("at"), equalTo(Instant.parse("1969-12-31T23:59:59.999Z")));
  }
}
