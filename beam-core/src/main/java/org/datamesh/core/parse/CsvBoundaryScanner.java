package org.datamesh.core.parse;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.List;

/**
 * Finds where CSV records start by running the {@link CsvTokenizer}'s rules for where a record
 * ends over the raw bytes of a file, without decoding them or keeping any field.
 *
 * <p>Whether a byte is inside a quoted field cannot be known without reading the file from its
 * start, and the tokenizer's recovery from broken quoting (the record ends at the next line break)
 * must be followed exactly, so this is one sequential pass. It mirrors the tokenizer rule for rule:
 * a quote opens a quoted field only at the start of a field; inside quotes a doubled quote is a
 * quote and line breaks are text; after a closing quote anything but the delimiter or a line break
 * makes the record end at the next line break; a record ends at LF, CRLF or a lone CR; lines are
 * counted as the tokenizer counts them (inside quotes only LF starts a line). Quote, CR, LF and the
 * delimiter are ASCII, so the rules see the same boundaries in bytes as in text (see {@link
 * BoundaryScanner}); hence the delimiter must be ASCII.
 */
final class CsvBoundaryScanner extends BoundaryScanner {

  private final int delimiter;

  CsvBoundaryScanner(ReadableByteChannel in, char delimiter) {
    super(in);
    if (!isScannable(delimiter)) {
      throw new IllegalArgumentException("only an ASCII delimiter can be scanned as bytes");
    }
    this.delimiter = delimiter;
  }

  /** Whether files with this delimiter can be scanned, hence split. */
  static boolean isScannable(char delimiter) {
    return delimiter < 0x80;
  }

  /** The ranges of a CSV file with a header; see {@link BoundaryScanner#ranges}. */
  static List<RecordRange> ranges(ReadableByteChannel in, char delimiter, long splitBytes)
      throws IOException {
    return new CsvBoundaryScanner(in, delimiter).ranges(splitBytes, true);
  }

  @Override
  void skipRecord() throws IOException {
    boolean fieldStart = true;
    boolean inQuotes = false;
    boolean afterClosingQuote = false;
    while (true) {
      int c = read();
      if (c == -1) {
        return;
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
          countLine();
        }
        continue;
      }
      if (c == '\r' || c == '\n') {
        endLine(c);
        return;
      }
      if (c == delimiter) {
        fieldStart = true;
        afterClosingQuote = false;
        continue;
      }
      if (afterClosingQuote) {
        skipRestOfLine();
        return;
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
}
