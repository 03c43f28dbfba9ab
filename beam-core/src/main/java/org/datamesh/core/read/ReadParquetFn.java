package org.datamesh.core.read;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.datamesh.core.publish.AvroRows;
import org.datamesh.core.publish.ChannelInputFile;
import org.datamesh.core.publish.ParquetSettings;

/**
 * Reads each published Parquet file as rows of {@code schema}, a projection of the file's columns:
 * parquet-avro reads only the projected columns from disk, row group by row group, and each
 * record becomes a row at once (records of a projection come in the file's shape, so they never
 * meet a coder). A file is read whole by one worker: files are the unit of parallelism.
 *
 * <p>Why not Beam's {@code ParquetIO}: the files come through Beam's own file systems here as
 * well ({@link ChannelInputFile}), and without it the library can be tested on Beam releases
 * whose ParquetIO the package registry here does not serve. Why not parquet-avro's {@code
 * AvroParquetReader}: its builder (parquet 1.13) makes a Hadoop {@code Configuration} with
 * Hadoop's defaults for every file, and parsing those is what {@link ParquetSettings} avoids.
 */
final class ReadParquetFn extends DoFn<FileIO.ReadableFile, Row> {

  private final Schema schema;
  private final String projection;
  private transient ParquetSettings settings;

  ReadParquetFn(Schema schema) {
    this.schema = schema;
    this.projection = AvroRows.schemaOf(schema, "row").toString();
  }

  @Setup
  public void setup() {
    settings = ParquetSettings.of(Map.of(AvroReadSupport.AVRO_REQUESTED_PROJECTION, projection));
  }

  @ProcessElement
  public void processElement(@Element FileIO.ReadableFile file, OutputReceiver<Row> out)
      throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            ChannelInputFile.of(file), HadoopReadOptions.builder(settings).build())) {
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
      for (PageReadStore rowGroup = reader.readNextRowGroup();
          rowGroup != null;
          rowGroup = reader.readNextRowGroup()) {
        RecordReader<GenericRecord> records =
            columns
                .getColumnIO(context.getRequestedSchema(), fileSchema, true)
                .getRecordReader(rowGroup, materializer, FilterCompat.NOOP);
        for (long i = 0; i < rowGroup.getRowCount(); i++) {
          out.output(AvroRows.toRow(records.read(), schema));
        }
      }
    }
  }

  /** The footer's metadata as {@link InitContext} takes it: each key with its one value. */
  private static Map<String, Set<String>> asSets(Map<String, String> metadata) {
    Map<String, Set<String>> sets = new HashMap<>();
    metadata.forEach((key, value) -> sets.put(key, Collections.singleton(value)));
    return sets;
  }
}
