package org.datamesh.core.publish;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * A Parquet file's records as parquet-avro reads them, row group by row group, with the settings
 * given and nothing else: only the columns of an Avro projection, when the settings name one.
 *
 * <pre>{@code
 * ParquetSettings settings =
 *     ParquetSettings.of(Map.of(AvroReadSupport.AVRO_REQUESTED_PROJECTION, projection.toString()));
 * ParquetRecords.forEach(ChannelInputFile.of(file), settings, record -> ...);
 * }</pre>
 *
 * <p>Why not parquet-avro's {@code AvroParquetReader}: its builder (parquet 1.13) makes a Hadoop
 * {@code Configuration} with Hadoop's defaults for every file, and parsing those is what {@link
 * ParquetSettings} avoids.
 */
public final class ParquetRecords {

  private ParquetRecords() {}

  /** Hands each record of {@code file} to {@code each}, in the file's order. */
  public static void forEach(
      InputFile file, ParquetSettings settings, Consumer<GenericRecord> each) throws IOException {
    read(file, settings, EVERY_ROW_GROUP, each);
  }

  /**
   * Hands each record of the file's row group number {@code rowGroup} (from 0, in the footer's
   * order) to {@code each}, in the file's order: the row groups of one file can be read by
   * different workers.
   */
  public static void forEachIn(
      InputFile file, ParquetSettings settings, int rowGroup, Consumer<GenericRecord> each)
      throws IOException {
    if (rowGroup < 0) {
      throw new IllegalArgumentException("row groups are numbered from 0, not " + rowGroup);
    }
    read(file, settings, rowGroup, each);
  }

  /** How many row groups {@code file} has, from its footer. */
  public static int rowGroups(InputFile file, ParquetSettings settings) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(file, HadoopReadOptions.builder(settings).build())) {
      return reader.getRowGroups().size();
    }
  }

  private static final int EVERY_ROW_GROUP = -1;

  private static void read(
      InputFile file, ParquetSettings settings, int only, Consumer<GenericRecord> each)
      throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(file, HadoopReadOptions.builder(settings).build())) {
      FileMetaData footer = reader.getFooter().getFileMetaData();
      MessageType fileSchema = footer.getSchema();
      Map<String, String> metadata = footer.getKeyValueMetaData();
      AvroReadSupport<GenericRecord> support = new AvroReadSupport<>(GenericData.get());
      ReadSupport.ReadContext context =
          support.init(new InitContext(settings, asSets(metadata), fileSchema));
      reader.setRequestedSchema(context.getRequestedSchema());
      RecordMaterializer<GenericRecord> materializer =
          support.prepareForRead(settings, metadata, fileSchema, context);
      ColumnIOFactory columns = new ColumnIOFactory(footer.getCreatedBy());
      if (only != EVERY_ROW_GROUP) {
        if (only >= reader.getRowGroups().size()) {
          throw new IllegalArgumentException(
              file + " has " + reader.getRowGroups().size() + " row groups, no number " + only);
        }
        emit(reader.readRowGroup(only), columns, context, fileSchema, materializer, each);
        return;
      }
      for (PageReadStore rowGroup = reader.readNextRowGroup();
          rowGroup != null;
          rowGroup = reader.readNextRowGroup()) {
        emit(rowGroup, columns, context, fileSchema, materializer, each);
      }
    }
  }

  private static void emit(
      PageReadStore rowGroup,
      ColumnIOFactory columns,
      ReadSupport.ReadContext context,
      MessageType fileSchema,
      RecordMaterializer<GenericRecord> materializer,
      Consumer<GenericRecord> each) {
    RecordReader<GenericRecord> records =
        columns
            .getColumnIO(context.getRequestedSchema(), fileSchema, true)
            .getRecordReader(rowGroup, materializer, FilterCompat.NOOP);
    for (long i = 0; i < rowGroup.getRowCount(); i++) {
      each.accept(records.read());
    }
  }

  /** The footer's metadata as {@link InitContext} takes it: each key with its one value. */
  private static Map<String, Set<String>> asSets(Map<String, String> metadata) {
    Map<String, Set<String>> sets = new HashMap<>();
    metadata.forEach((key, value) -> sets.put(key, Collections.singleton(value)));
    return sets;
  }
}
