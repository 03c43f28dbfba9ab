package org.datamesh.core.publish;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A writable channel as parquet-java's {@link OutputFile}, buffered, with no Hadoop file system
 * in between: how publication hands Parquet the channels Beam's {@code FileIO} opens.
 *
 * <pre>{@code
 * ParquetWriter<Row> writer = builder(ChannelOutputFile.leavingOpen(channel)).build();
 * }</pre>
 */
public final class ChannelOutputFile implements OutputFile {

  private final WritableByteChannel channel;
  private final boolean closeChannel;

  private ChannelOutputFile(WritableByteChannel channel, boolean closeChannel) {
    this.channel = channel;
    this.closeChannel = closeChannel;
  }

  /** Closing the Parquet stream flushes it; the channel stays open for its owner to close. */
  public static ChannelOutputFile leavingOpen(WritableByteChannel channel) {
    return new ChannelOutputFile(channel, false);
  }

  /** Closing the Parquet stream flushes it and closes {@code channel}. */
  public static ChannelOutputFile closing(WritableByteChannel channel) {
    return new ChannelOutputFile(channel, true);
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    return new CountingStream(Channels.newOutputStream(channel), closeChannel);
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    return create(blockSizeHint);
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  private static final class CountingStream extends PositionOutputStream {
    private final OutputStream out;
    private final boolean closeChannel;
    private long position;

    CountingStream(OutputStream channel, boolean closeChannel) {
      this.out = new BufferedOutputStream(channel, 1 << 16);
      this.closeChannel = closeChannel;
    }

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
      if (closeChannel) {
        out.close();
      } else {
        out.flush();
      }
    }
  }
}
