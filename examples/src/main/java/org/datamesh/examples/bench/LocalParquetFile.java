package org.datamesh.examples.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A local file as parquet-java's {@link OutputFile}, without Hadoop's file system (parquet 1.13
 * has no local one of its own), so the raw baseline writes bytes the way Beam's ParquetIO sink
 * does: straight into a stream.
 *
 * <pre>{@code
 * AvroParquetWriter.<GenericRecord>builder(new LocalParquetFile(path)).withSchema(schema).build();
 * }</pre>
 */
final class LocalParquetFile implements OutputFile {

  private final Path path;

  LocalParquetFile(Path path) {
    this.path = path;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    return createOrOverwrite(blockSizeHint);
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
    return new PositionOutputStream() {
      private long position;

      @Override
      public long getPos() {
        return position;
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        position++;
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        position += length;
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }
}
