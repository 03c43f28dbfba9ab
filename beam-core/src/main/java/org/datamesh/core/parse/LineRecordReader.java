package org.datamesh.core.parse;

import java.io.IOException;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * Reads the lines of a file with one record a line, or of one {@link RecordRange} of it, numbered
 * as a reader of the whole file numbers them (a line's record number is its line number).
 */
final class LineRecordReader {

  /** Receives each line with its number. */
  interface Sink {
    void accept(long number, BoundedLineReader.Line line);
  }

  private LineRecordReader() {}

  /** Reads every line of a file from its start. */
  static void readWhole(ReadableByteChannel file, int keepChars, Sink out) throws IOException {
    try (Reader reader = Utf8Text.reader(Channels.newInputStream(file))) {
      BoundedLineReader lines = new BoundedLineReader(reader, keepChars);
      long number = 0;
      for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
        number++;
        out.accept(number, line);
      }
    }
  }

  /**
   * Reads the lines of {@code range} alone.
   *
   * @throws IllegalStateException if the range does not hold the lines the scan found in it
   */
  static void readRange(
      SeekableByteChannel file, String name, RecordRange range, int keepChars, Sink out)
      throws IOException {
    try (Reader reader = Utf8Text.readerInsideFile(LimitedInputStream.rangeOf(file, range))) {
      BoundedLineReader lines = new BoundedLineReader(reader, keepChars);
      long number = range.firstRecordNumber();
      long end = number + range.recordCount();
      for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
        if (number == end) {
          throw range.notFoundIn(name);
        }
        out.accept(number, line);
        number++;
      }
      if (number != end) {
        throw range.notFoundIn(name);
      }
    }
  }
}
