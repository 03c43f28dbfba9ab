package org.datamesh.core.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;

/** Ends the input after a given number of bytes: the end of a {@link RecordRange}. */
final class LimitedInputStream extends InputStream {

  private final InputStream in;
  private long left;

  private LimitedInputStream(InputStream in, long limit) {
    this.in = in;
    this.left = limit;
  }

  /** The bytes of {@code range}: positions {@code file} at its start and ends at its end. */
  static InputStream rangeOf(SeekableByteChannel file, RecordRange range) throws IOException {
    file.position(range.start());
    return new LimitedInputStream(Channels.newInputStream(file), range.end() - range.start());
  }

  @Override
  public int read() throws IOException {
    if (left <= 0) {
      return -1;
    }
    int b = in.read();
    if (b >= 0) {
      left--;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (left <= 0) {
      return -1;
    }
    int n = in.read(buffer, offset, (int) Math.min(length, left));
    if (n > 0) {
      left -= n;
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
