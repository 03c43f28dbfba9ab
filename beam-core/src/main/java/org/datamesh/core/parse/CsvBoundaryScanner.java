package org.datamesh.core.parse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where CSV records start, in bytes, by running the {@link CsvTokenizer}'s rules for where a
 * record ends over the raw bytes of a file, without decoding them or keeping any field.
 *
 * <p>Whether a byte is inside a quoted field cannot be known without reading the file from its
 * start, and the tokenizer's recovery from broken quoting (the record ends at the next line break)
 * must be followed exactly, so this is one sequential pass. It mirrors the tokenizer rule for rule:
 * a quote opens a quoted field only at the start of a field; inside quotes a doubled quote is a
 * quote and line breaks are text; after a closing quote anything but the delimiter or a line break
 * makes the record end at the next line break; a record ends at LF, CRLF or a lone CR; lines are
 * counted as the tokenizer counts them (inside quotes only LF starts a line).
 *
 * <p>Working on bytes gives the same boundaries as the tokenizer gives on characters because every
 * character these rules look at (quote, CR, LF, the delimiter) is ASCII, so it is exactly one byte,
 * and UTF-8 never uses an ASCII byte inside a longer sequence: every other byte, valid or not, is
 * just "some other character" to the rules. Hence the delimiter must be ASCII. A byte order mark at
 * the very start is skipped, as {@link Utf8Text#reader} skips it.
 */
final class CsvBoundaryScanner {

  private static final int NONE = -2;
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final ReadableByteChannel in;
  private final int delimiter;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
  private long offset;
  private long line = 1;
  private int pushedBack = NONE;
  private boolean started;

  CsvBoundaryScanner(ReadableByteChannel in, char delimiter) {
    if (!isScannable(delimiter)) {
      throw new IllegalArgumentException("only an ASCII delimiter can be scanned as bytes");
    }
    this.in = in;
    this.delimiter = delimiter;
    buffer.flip();
  }

  /** Whether files with this delimiter can be scanned, hence split. */
  static boolean isScannable(char delimiter) {
    return delimiter < 0x80;
  }

  /**
   * Splits a file into ranges of about {@code splitBytes} bytes, each starting at the first record
   * that starts at least {@code splitBytes} bytes after the previous range's start. The header
   * (the first record) belongs to no range. An empty list means the file has no data records.
   */
  static List<CsvRange> ranges(ReadableByteChannel in, char delimiter, long splitBytes)
      throws IOException {
    CsvBoundaryScanner scanner = new CsvBoundaryScanner(in, delimiter);
    List<CsvRange> ranges = new ArrayList<>();
    if (!scanner.skipRecord()) {
      return ranges;
    }
    long start = scanner.offset();
    long firstLine = scanner.line();
    long firstRecord = 1;
    long records = 0;
    while (true) {
      long boundary = scanner.offset();
      if (records > 0 && boundary - start >= splitBytes) {
        ranges.add(new CsvRange(start, boundary, firstRecord, firstLine, records));
        start = boundary;
        firstLine = scanner.line();
        firstRecord += records;
        records = 0;
      }
      if (!scanner.skipRecord()) {
        break;
      }
      records++;
    }
    if (records > 0) {
      ranges.add(new CsvRange(start, scanner.offset(), firstRecord, firstLine, records));
    }
    return ranges;
  }

  /** The byte offset where the next record starts (the end of the input after the last one). */
  long offset() {
    return offset;
  }

  /** The line the next record starts on. */
  long line() {
    return line;
  }

  /** Skips one record, as {@link CsvTokenizer#next} reads one; false at the end of the input. */
  boolean skipRecord() throws IOException {
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
    int first = read();
    if (first == -1) {
      return false;
    }
    unread(first);
    boolean fieldStart = true;
    boolean inQuotes = false;
    boolean afterClosingQuote = false;
    while (true) {
      int c = read();
      if (c == -1) {
        return true;
      }
      if (inQuotes) {
        if (c == '"') {
          int next = read();
          if (next != '"') {
            unread(next);
            inQuotes = false;
            afterClosingQuote = true;
          }
        } else if (c == '\n') {
          line++;
        }
        continue;
      }
      if (c == '\r' || c == '\n') {
        endLine(c);
        return true;
      }
      if (c == delimiter) {
        fieldStart = true;
        afterClosingQuote = false;
        continue;
      }
      if (afterClosingQuote) {
        skipRestOfLine();
        return true;
      }
      if (fieldStart && c == '"') {
        inQuotes = true;
      }
      fieldStart = false;
    }
  }

  private void skipRestOfLine() throws IOException {
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

  /** Consumes the LF of a CRLF and counts the line. */
  private void endLine(int c) throws IOException {
    if (c == '\r') {
      int next = read();
      if (next != '\n') {
        unread(next);
      }
    }
    line++;
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

  private int read() throws IOException {
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

  private void unread(int c) {
    pushedBack = c;
    if (c != -1) {
      offset--;
    }
  }
}
