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
  private final @Nullable FooterFold<Object, ?> fold;
  private transient @Nullable ParquetWriter<Row> writer;
  private transient @Nullable RowWriteSupport support;
  private transient @Nullable Object folded;

  private RowParquetSink(Schema schema, String name, @Nullable FooterFold<Object, ?> fold) {
    this.schema = schema;
    this.name = name;
    this.fold = fold;
    new RowWriteSupport(schema, name); // refuse an unpublishable schema when the pipeline is built
  }

  /** Writes rows whose first fields are those of {@code schema}, in a message named {@code name}. */
  static RowParquetSink of(Schema schema, String name) {
    return new RowParquetSink(schema, name, null);
  }

  /**
   * Returns a sink like this one but folding each file's rows with {@code fold} as they are
   * written, the accumulator kept in the file's footer ({@link FooterFold#KEY}).
   */
  @SuppressWarnings("unchecked")
  RowParquetSink folding(FooterFold<?, ?> fold) {
    return new RowParquetSink(schema, name, (FooterFold<Object, ?>) fold);
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    support = new RowWriteSupport(schema, name);
    folded = fold == null ? null : fold.start();
    writer =
        new Builder(ChannelOutputFile.leavingOpen(channel), support)
            .withConf(ParquetSettings.of(java.util.Map.of()))
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build();
  }

  @Override
  public void write(Row row) throws IOException {
    writer.write(row);
    if (fold != null) {
      folded = fold.add(folded, row);
    }
  }

  /** Ends the file: Parquet's footer, with the fold's accumulator, is written as the writer closes. */
  @Override
  public void flush() throws IOException {
    if (fold != null) {
      support.putAtEnd(FooterFold.KEY, fold.encode(folded));
    }
    writer.close();
    writer = null;
    support = null;
    folded = null;
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
