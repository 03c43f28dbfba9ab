package org.datamesh.core.publish;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A seekable channel as parquet-java's {@link InputFile}: Parquet seeks in the channel a file
 * system opens (local, S3, ...), with no Hadoop file system in between. The reading counterpart
 * of {@link ChannelOutputFile}.
 *
 * <pre>{@code
 * ParquetRecords.forEach(ChannelInputFile.of(readableFile), settings, record -> ...);
 * try (ParquetFileReader footer = ParquetFileReader.open(ChannelInputFile.named(name))) { ... }
 * }</pre>
 */
public final class ChannelInputFile implements InputFile {

  /** Opens the file's channel, at position 0. */
  @FunctionalInterface
  private interface Opener {
    SeekableByteChannel open() throws IOException;
  }

  private final Opener opener;
  private final long length;

  private ChannelInputFile(Opener opener, long length) {
    this.opener = opener;
    this.length = length;
  }

  /** A file Beam's {@code FileIO} matched, with the size its match found. */
  public static ChannelInputFile of(FileIO.ReadableFile file) {
    return new ChannelInputFile(file::openSeekable, file.getMetadata().sizeBytes());
  }

  /**
   * The file named {@code name} on any Beam file system, taken as one file (its name is no glob:
   * {@code *}, {@code ?} and {@code [} are characters of the name); its size is read from the
   * opened channel.
   */
  public static ChannelInputFile named(String name) throws IOException {
    ResourceId file = FileSystems.matchNewResource(name, false);
    Opener opener = () -> seekable(FileSystems.open(file), name);
    try (SeekableByteChannel channel = opener.open()) {
      return new ChannelInputFile(opener, channel.size());
    }
  }

  /** A file of the local disk. */
  public static ChannelInputFile local(Path file) throws IOException {
    return new ChannelInputFile(() -> Files.newByteChannel(file), Files.size(file));
  }

  private static SeekableByteChannel seekable(ReadableByteChannel channel, String name)
      throws IOException {
    if (!(channel instanceof SeekableByteChannel seekable)) {
      channel.close();
      throw new IOException("cannot read the Parquet file " + name + ": its file system cannot seek");
    }
    return seekable;
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    SeekableByteChannel channel = opener.open();
    return new DelegatingSeekableInputStream(Channels.newInputStream(channel)) {
      @Override
      public long getPos() throws IOException {
        return channel.position();
      }

      @Override
      public void seek(long position) throws IOException {
        channel.position(position);
      }

      // Through the channel itself, into the buffer Parquet gives (a column chunk): no
      // intermediate array when the buffer is a direct one.
      @Override
      public int read(ByteBuffer buffer) throws IOException {
        return channel.read(buffer);
      }

      @Override
      public void readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
          if (channel.read(buffer) < 0) {
            throw new EOFException(
                "the file ended with " + buffer.remaining() + " bytes still to read");
          }
        }
      }
    };
  }
}
