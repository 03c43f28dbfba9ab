package org.datamesh.core.parse;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One sequential pass over a file's raw bytes that finds where its records start, so that ranges of
 * whole records can be parsed by different workers. Subclasses say where a record ends; this class
 * reads the bytes (skipping a leading UTF-8 byte order mark, as {@link Utf8Text#reader} does),
 * counts them, and cuts the file into ranges.
 *
 * <p>Scanning bytes rather than decoded text gives the same boundaries as long as every character
 * the rules look at is ASCII: UTF-8 never uses an ASCII byte inside a multi-byte sequence, so every
 * other byte, valid or not, is just "some other character" to the rules.
 */
abstract class BoundaryScanner {

  /** Opens a scanner of one format over a file's bytes; part of a pipeline, so serializable. */
  interface Factory extends Serializable {
    BoundaryScanner open(ReadableByteChannel in);
  }

  private static final int NONE = -2;
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final ReadableByteChannel in;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
  private long offset;
  private long line = 1;
  private int pushedBack = NONE;
  private boolean started;

  BoundaryScanner(ReadableByteChannel in) {
    this.in = in;
    buffer.flip();
  }

  /**
   * Cuts the file into ranges of about {@code splitBytes} bytes, each starting at the first record
   * that starts at least {@code splitBytes} bytes after the previous range's start. With {@code
   * header}, the first record is a header and belongs to no range. An empty list means the file
   * has no data records; an empty result, that its records cannot be found without decoding it
   * (see {@link #skipRecord}), so it must be read whole.
   */
  final Optional<List<RecordRange>> ranges(long splitBytes, boolean header) throws IOException {
    try {
      return Optional.of(cut(splitBytes, header));
    } catch (MustReadWhole e) {
      return Optional.empty();
    }
  }

  private List<RecordRange> cut(long splitBytes, boolean header) throws IOException {
    List<RecordRange> ranges = new ArrayList<>();
    begin();
    if (header && !nextRecord()) {
      return ranges;
    }
    long start = offset;
    long firstLine = line;
    long firstRecord = 1;
    long records = 0;
    while (true) {
      if (records > 0 && offset - start >= splitBytes) {
        ranges.add(new RecordRange(start, offset, firstRecord, firstLine, records));
        start = offset;
        firstLine = line;
        firstRecord += records;
        records = 0;
      }
      if (!nextRecord()) {
        break;
      }
      records++;
    }
    if (records > 0) {
      ranges.add(new RecordRange(start, offset, firstRecord, firstLine, records));
    }
    return ranges;
  }

  /** The byte offset where the next record starts (the end of the input after the last one). */
  final long offset() {
    return offset;
  }

  /** The line the next record starts on. */
  final long line() {
    return line;
  }

  /** Skips one record; false, having read nothing, at the end of the input. */
  final boolean nextRecord() throws IOException {
    begin();
    int first = read();
    if (first == -1) {
      return false;
    }
    unread(first);
    skipRecord();
    return true;
  }

  /** Skips the byte order mark, if any, before the first record: it belongs to no record. */
  private void begin() throws IOException {
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
  }

  /**
   * Reads one record that is known to have at least one byte, counting its line breaks.
   *
   * @throws MustReadWhole if where the record ends depends on what only decoding shows
   */
  abstract void skipRecord() throws IOException;

  /**
   * Thrown by {@link #skipRecord} when the bytes do not settle where a record ends; the file is
   * then read whole by one reader, which settles it.
   */
  static final class MustReadWhole extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MustReadWhole(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Reads up to and including the next line break (LF, CRLF or CR), or to the end of the input. */
  final void skipRestOfLine() throws IOException {
    while (true) {
      int c = read();
      if (c == -1) {
        return;
      }
      if (c == '\n' || c == '\r') {
        endLine(c);
        return;
      }
    }
  }

  /** Ends a line at {@code c}, LF or CR: consumes the LF of a CRLF and counts the line. */
  final void endLine(int c) throws IOException {
    if (c == '\r') {
      int next = read();
      if (next != '\n') {
        unread(next);
      }
    }
    countLine();
  }

  final void countLine() {
    line++;
  }

  /** The next byte (0 to 255), or -1 at the end of the input. */
  final int read() throws IOException {
    int c;
    if (pushedBack != NONE) {
      c = pushedBack;
      pushedBack = NONE;
    } else {
      while (!buffer.hasRemaining()) {
        buffer.clear();
        int n = in.read(buffer);
        buffer.flip();
        if (n < 0) {
          return -1;
        }
      }
      c = buffer.get() & 0xFF;
    }
    if (c != -1) {
      offset++;
    }
    return c;
  }

  /** Gives back the byte (or end of input) just read; at most one at a time. */
  final void unread(int c) {
    pushedBack = c;
    if (c != -1) {
      offset--;
    }
  }

  private void skipByteOrderMark() throws IOException {
    for (int i = 0; i < BYTE_ORDER_MARK.length; i++) {
      if (!fill() || buffer.get(buffer.position() + i) != BYTE_ORDER_MARK[i]) {
        return;
      }
    }
    buffer.position(buffer.position() + BYTE_ORDER_MARK.length);
    offset += BYTE_ORDER_MARK.length;
  }

  /** Reads until the buffer holds at least the bytes a byte order mark needs, or the input ends. */
  private boolean fill() throws IOException {
    while (buffer.remaining() < BYTE_ORDER_MARK.length) {
      buffer.compact();
      int n = in.read(buffer);
      buffer.flip();
      if (n < 0) {
        return false;
      }
    }
    return true;
  }
}
