package org.datamesh.examples.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.datamesh.core.publish.ChannelOutputFile;

/**
 * parquet-avro writers configured as Beam's {@code ParquetIO.sink} configures them by default:
 * Snappy, 128 MiB row groups, parquet-avro's default data model, overwrite.
 *
 * <pre>{@code
 * try (ParquetWriter<GenericRecord> out = ParquetWriters.open(path, OrderAvro.ORDERS)) { ... }
 * }</pre>
 */
final class ParquetWriters {

  /** ParquetIO's default row-group size (ParquetIO.Sink in Beam 2.62). */
  static final int ROW_GROUP_SIZE = 128 * 1024 * 1024;

  static final CompressionCodecName CODEC = CompressionCodecName.SNAPPY;

  private ParquetWriters() {}

  static ParquetWriter<GenericRecord> open(Path path, Schema schema) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    FileChannel file =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    // Straight into a stream, without Hadoop's file system, as Beam's ParquetIO sink writes.
    return AvroParquetWriter.<GenericRecord>builder(ChannelOutputFile.closing(file))
        .withSchema(schema)
        .withCompressionCodec(CODEC)
        .withRowGroupSize(ROW_GROUP_SIZE)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build();
  }
}
