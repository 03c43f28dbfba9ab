package org.datamesh.core.read;

import java.io.IOException;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.datamesh.core.publish.AvroRows;
import org.datamesh.core.publish.ChannelInputFile;
import org.datamesh.core.publish.ParquetSettings;

/**
 * Reads each published Parquet file as rows of {@code schema}, a projection of the file's columns:
 * parquet-avro reads only the projected columns from disk, and each record becomes a row at once
 * (records of a projection come in the file's shape, so they never meet a coder).
 *
 * <p>Why not Beam's {@code ParquetIO}: the files come through Beam's own file systems here as
 * well ({@link ChannelInputFile}), and without ParquetIO the library depends only on Beam's core,
 * which keeps it usable with the newer Beam releases that publish no ParquetIO.
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
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(ChannelInputFile.of(file))
            .withDataModel(GenericData.get())
            .withConf(settings)
            .build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        out.output(AvroRows.toRow(record, schema));
      }
    }
  }
}
