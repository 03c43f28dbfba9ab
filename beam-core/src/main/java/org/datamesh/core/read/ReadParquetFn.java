package org.datamesh.core.read;

import java.io.IOException;
import java.util.Map;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.avro.AvroReadSupport;
import org.datamesh.core.publish.AvroRows;
import org.datamesh.core.publish.ChannelInputFile;
import org.datamesh.core.publish.ParquetRecords;
import org.datamesh.core.publish.ParquetSettings;

/**
 * Reads each published Parquet file as rows of {@code schema}, a projection of the file's columns:
 * only the projected columns are read from disk ({@link ParquetRecords}), and each record becomes
 * a row at once (records of a projection come in the file's shape, so they never meet a coder). A
 * file is read whole by one worker: files are the unit of parallelism.
 *
 * <p>Why not Beam's {@code ParquetIO}: the files come through Beam's own file systems here as
 * well ({@link ChannelInputFile}), and without it the library can be tested on Beam releases
 * whose ParquetIO the package registry here does not serve.
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
    ParquetRecords.forEach(
        ChannelInputFile.of(file), settings, record -> out.output(AvroRows.toRow(record, schema)));
  }
}
