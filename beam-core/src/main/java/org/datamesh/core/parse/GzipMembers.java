package org.datamesh.core.parse;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The decompressed bytes of a gzip file (RFC 1952): every member, one after the other, each
 * checked against its CRC-32 and length.
 *
 * <pre>{@code
 * GzipMembers gzip = new GzipMembers(Files.newInputStream(path));
 * gzip.transferTo(out);            // every byte that decompresses
 * gzip.trailingBytes();            // 1024: the zero padding after the last member
 * }</pre>
 *
 * <p>Written for one promise: every byte that decompresses reaches the reader before any error.
 * A {@code read} that inflated bytes returns them; a problem found after them (a truncated or
 * corrupt stream) is thrown by the next {@code read}, so the records they complete are read
 * first. Bytes after the last complete member that do not start another member (zero padding,
 * or anything else) end the data: they are counted, never decompressed, and {@link
 * #trailingBytes} tells the caller, which reports them. Commons Compress, which Beam uses, threw
 * "Garbage after a valid .gz stream" from the very {@code read} that inflated a member's last
 * bytes, and those bytes (about 6 KB, 72 CSV records in one case) were lost without a trace.
 */
final class GzipMembers extends InputStream {

  private static final int MAGIC_1 = 0x1f;
  private static final int MAGIC_2 = 0x8b;
  private static final int DEFLATE = 8;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int RESERVED_FLAGS = 0xE0;

  private enum State {
    HEADER,
    DATA,
    END
  }

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private long memberLength;
  private State state = State.HEADER;
  private boolean magicRead;
  private long trailingBytes;
  private boolean trailingZeros = true;

  /** Decompresses {@code in}, which starts with a gzip member's header. */
  GzipMembers(InputStream in) {
    this.in = in;
  }

  /** How many bytes after the last complete member were not a member; 0 when none. */
  long trailingBytes() {
    return trailingBytes;
  }

  /** Whether every one of the {@link #trailingBytes} is zero, as padding is. */
  boolean trailingZeros() {
    return trailingZeros;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] to, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (true) {
      switch (state) {
        case END:
          return -1;
        case HEADER:
          readHeader();
          break;
        case DATA:
          int n = inflate(to, offset, length);
          if (n > 0) {
            return n;
          }
          break;
        default:
          throw new IllegalStateException(state.name());
      }
    }
  }

  /**
   * Inflates what it can into {@code to}. Returns 0 when it read the member's end (then its
   * trailer and what follows) or more input instead, so the caller loops.
   */
  private int inflate(byte[] to, int offset, int length) throws IOException {
    int n;
    try {
      n = inflater.inflate(to, offset, length);
    } catch (DataFormatException e) {
      throw new ZipException("corrupt deflate data");
    }
    if (n > 0) {
      crc.update(to, offset, n);
      memberLength += n;
      return n;
    }
    if (inflater.finished()) {
      position = limit - inflater.getRemaining();
      readTrailer();
      startNextMember();
    } else if (inflater.needsInput()) {
      if (!fill()) {
        throw new EOFException("the data ends inside a gzip member");
      }
      inflater.setInput(buffer, position, limit - position);
      position = limit;
    } else {
      throw new ZipException("corrupt deflate data (a preset dictionary)");
    }
    return 0;
  }

  private void readHeader() throws IOException {
    if (!magicRead && (next() != MAGIC_1 || next() != MAGIC_2)) {
      throw new ZipException("not in gzip format");
    }
    if (next() != DEFLATE) {
      throw new ZipException("corrupt gzip header (not deflate)");
    }
    int flags = next();
    if ((flags & RESERVED_FLAGS) != 0) {
      throw new ZipException("corrupt gzip header (reserved flags)");
    }
    skip(6); // modification time, extra flags, operating system
    if ((flags & FEXTRA) != 0) {
      skip(next() | next() << 8);
    }
    if ((flags & FNAME) != 0) {
      skipZeroTerminated();
    }
    if ((flags & FCOMMENT) != 0) {
      skipZeroTerminated();
    }
    if ((flags & FHCRC) != 0) {
      skip(2);
    }
    inflater.reset();
    crc.reset();
    memberLength = 0;
    inflater.setInput(buffer, position, limit - position);
    position = limit;
    state = State.DATA;
  }

  private void readTrailer() throws IOException {
    long expectedCrc = littleEndianInt();
    long expectedLength = littleEndianInt();
    if (expectedCrc != crc.getValue()) {
      throw new ZipException("corrupt gzip member (CRC-32 mismatch)");
    }
    if (expectedLength != (memberLength & 0xFFFFFFFFL)) {
      throw new ZipException("corrupt gzip member (length mismatch)");
    }
  }

  /** After a member: the end of the input, another member, or bytes that are neither. */
  private void startNextMember() throws IOException {
    int first = nextOrEnd();
    if (first == -1) {
      state = State.END;
      return;
    }
    int second = first == MAGIC_1 ? nextOrEnd() : -2;
    if (second == MAGIC_2) {
      magicRead = true;
      state = State.HEADER;
      return;
    }
    state = State.END;
    countTrailing(first);
    if (second >= 0) {
      countTrailing(second);
    }
    for (int b = nextOrEnd(); b != -1; b = nextOrEnd()) {
      countTrailing(b);
    }
  }

  private void countTrailing(int b) {
    trailingBytes++;
    trailingZeros &= b == 0;
  }

  private long littleEndianInt() throws IOException {
    return next() | next() << 8 | next() << 16 | (long) next() << 24;
  }

  private void skip(int bytes) throws IOException {
    for (int i = 0; i < bytes; i++) {
      next();
    }
  }

  private void skipZeroTerminated() throws IOException {
    while (next() != 0) {
      // a file name or comment, Latin-1, not needed
    }
  }

  /** The next raw byte. */
  private int next() throws IOException {
    int b = nextOrEnd();
    if (b == -1) {
      throw new EOFException("the data ends inside a gzip header or trailer");
    }
    return b;
  }

  private int nextOrEnd() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xFF;
  }

  /** Reads more raw bytes into the empty buffer; false at the end of the input. */
  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    in.close();
  }
}
