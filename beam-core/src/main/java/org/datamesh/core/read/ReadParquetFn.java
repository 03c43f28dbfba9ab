package org.datamesh.core.read;

import java.io.IOException;
import java.util.Map;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.avro.AvroReadSupport;
import org.datamesh.core.publish.AvroRows;
import org.datamesh.core.publish.ChannelInputFile;
import org.datamesh.core.publish.ParquetRecords;
import org.datamesh.core.publish.ParquetSettings;

/**
 * Reads published Parquet files as rows of {@code schema}, a projection of the files' columns,
 * one row group at a time: {@link RowGroups} lists each file's row groups, and a row group is the
 * unit of work, so a product of a few large files is still read by every worker. Only the
 * projected columns are read from disk ({@link ParquetRecords}), and each record becomes a row at
 * once (records of a projection come in the file's shape, so they never meet a coder).
 *
 * <p>Why not Beam's {@code ParquetIO}: the files come through Beam's own file systems here as
 * well ({@link ChannelInputFile}), and without it the library can be tested on Beam releases
 * whose ParquetIO the package registry here does not serve.
 */
final class ReadParquetFn extends DoFn<KV<FileIO.ReadableFile, Integer>, Row> {

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
  public void processElement(
      @Element KV<FileIO.ReadableFile, Integer> rowGroup, OutputReceiver<Row> out)
      throws IOException {
    ParquetRecords.forEachIn(
        ChannelInputFile.of(rowGroup.getKey()),
        settings,
        rowGroup.getValue(),
        record -> out.output(AvroRows.toRow(record, schema)));
  }

  /** Each file's row groups, by number: {@code (file, 0)}, {@code (file, 1)}, ... */
  static final class RowGroups extends DoFn<FileIO.ReadableFile, KV<FileIO.ReadableFile, Integer>> {

    private transient ParquetSettings settings;

    @Setup
    public void setup() {
      settings = ParquetSettings.of(Map.of());
    }

    @ProcessElement
    public void processElement(
        @Element FileIO.ReadableFile file, OutputReceiver<KV<FileIO.ReadableFile, Integer>> out)
        throws IOException {
      int rowGroups = ParquetRecords.rowGroups(ChannelInputFile.of(file), settings);
      for (int i = 0; i < rowGroups; i++) {
        out.output(KV.of(file, i));
      }
    }
  }
}
