package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's records read whole, and read one row group at a time, as different workers would. */
class ParquetRecordsTest {

  private static final int RECORDS = 1_000;

  @TempDir Path dir;

  @Test
  void rowGroupsReadOneByOneMakeTheWholeFileInItsOrder() throws Exception {
    Path file = writeManyRowGroups();
    ParquetSettings settings = ParquetSettings.of(Map.of());

    int groups = ParquetRecords.rowGroups(ChannelInputFile.local(file), settings);
    assertThat("small row groups: several in one file", groups, greaterThan(2));
    List<Long> whole = new ArrayList<>();
    ParquetRecords.forEach(ChannelInputFile.local(file), settings, r -> whole.add((Long) r.get("id")));
    List<Long> byGroup = new ArrayList<>();
    for (int group = 0; group < groups; group++) {
      ParquetRecords.forEachIn(
          ChannelInputFile.local(file), settings, group, r -> byGroup.add((Long) r.get("id")));
    }

    assertThat(whole, equalTo(LongStream.range(0, RECORDS).boxed().toList()));
    assertThat(byGroup, hasSize(RECORDS));
    assertThat(byGroup, equalTo(whole));
  }

  @Test
  void aRowGroupTheFileDoesNotHaveIsRefused() throws Exception {
    Path file = writeManyRowGroups();
    ParquetSettings settings = ParquetSettings.of(Map.of());
    int groups = ParquetRecords.rowGroups(ChannelInputFile.local(file), settings);

    assertThrows(
        IllegalArgumentException.class,
        () -> ParquetRecords.forEachIn(ChannelInputFile.local(file), settings, groups, r -> {}));
    assertThrows(
        IllegalArgumentException.class,
        () -> ParquetRecords.forEachIn(ChannelInputFile.local(file), settings, -1, r -> {}));
  }

  private Path writeManyRowGroups() throws Exception {
    Schema schema =
        SchemaBuilder.record("r").fields().requiredLong("id").requiredString("name").endRecord();
    Path file = dir.resolve("many-row-groups.parquet");
    try (ParquetWriter<GenericRecord> writer =
        AvroParquetWriter.<GenericRecord>builder(
                ChannelOutputFile.closing(
                    FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)))
            .withSchema(schema)
            .withConf(ParquetSettings.of(Map.of()))
            .withRowGroupSize(1_024) // checked every 100 records at the least: a group per check
            .build()) {
      for (long i = 0; i < RECORDS; i++) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", i);
        record.put("name", "n" + i);
        writer.write(record);
      }
    }
    return file;
  }
}
