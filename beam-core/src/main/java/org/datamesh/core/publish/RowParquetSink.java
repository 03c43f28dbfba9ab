package org.datamesh.core.publish;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A {@link FileIO.Sink} that writes Beam rows as Snappy-compressed Parquet through {@link
 * RowWriteSupport}: no Avro schema, record or conversion on the way.
 *
 * <pre>{@code
 * rows.apply(FileIO.<Row>write().via(RowParquetSink.of(schema, "orders")).to("/data/out"));
 * }</pre>
 */
final class RowParquetSink implements FileIO.Sink<Row> {

  private static final long serialVersionUID = 1L;

  private final Schema schema;
  private final String name;
  private transient @Nullable ParquetWriter<Row> writer;

  private RowParquetSink(Schema schema, String name) {
    this.schema = schema;
    this.name = name;
    new RowWriteSupport(schema, name); // refuse an unpublishable schema when the pipeline is built
  }

  /** Writes rows whose first fields are those of {@code schema}, in a message named {@code name}. */
  static RowParquetSink of(Schema schema, String name) {
    return new RowParquetSink(schema, name);
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    writer =
        new Builder(
                ChannelOutputFile.leavingOpen(channel), new RowWriteSupport(schema, name))
            .withConf(ParquetSettings.of(java.util.Map.of()))
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build();
  }

  @Override
  public void write(Row row) throws IOException {
    writer.write(row);
  }

  /** Ends the file: Parquet's footer is written when its writer closes. */
  @Override
  public void flush() throws IOException {
    writer.close();
    writer = null;
  }

  private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return support;
    }
  }
}
