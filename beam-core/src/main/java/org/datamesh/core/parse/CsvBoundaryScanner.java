package org.datamesh.core.parse;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import java.util.Optional;

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
 *
 * <p>One tokenizer rule cannot be followed in bytes: a quoted field that crosses a line break and
 * is still open at the end of the file ends its record at the line that opened it (when the record
 * is within the longest allowed), and what follows is read again as records of their own.
 * Rereading a file by ranges would need the decisions of the whole, so when a quoted field that
 * crossed a line break is still open at the end of the file, the scan gives up and the file is
 * read whole. It also gives up after {@code maxRecordChars} bytes of such a field's record (never
 * fewer bytes than characters), where the tokenizer used to end the record at the opening line
 * too; it now reads on to the closing quote, so this is only cautious. Well-formed files with
 * fields that short never meet either; a broken one costs its split, never a record.
 */
final class CsvBoundaryScanner extends BoundaryScanner {

  private final int delimiter;
  private final int maxRecordChars;

  CsvBoundaryScanner(ReadableByteChannel in, char delimiter, int maxRecordChars) {
    super(in);
    if (!isScannable(delimiter)) {
      throw new IllegalArgumentException("only an ASCII delimiter can be scanned as bytes");
    }
    this.delimiter = delimiter;
    this.maxRecordChars = maxRecordChars;
  }

  /** Whether files with this delimiter can be scanned, hence split. */
  static boolean isScannable(char delimiter) {
    return delimiter < 0x80;
  }

  /** The ranges of a CSV file with a header; see {@link BoundaryScanner#ranges}. */
  static Optional<List<RecordRange>> ranges(
      ReadableByteChannel in, char delimiter, int maxRecordChars, long splitBytes)
      throws IOException {
    return new CsvBoundaryScanner(in, delimiter, maxRecordChars).ranges(splitBytes, true);
  }

  @Override
  void skipRecord() throws IOException {
    long start = offset();
    boolean fieldStart = true;
    boolean inQuotes = false;
    boolean crossedLine = false;
    boolean afterClosingQuote = false;
    while (true) {
      int c = read();
      if (c == -1) {
        if (inQuotes && crossedLine) {
          throw new MustReadWhole("a quoted field that crosses a line break is never closed");
        }
        return;
      }
      if (inQuotes) {
        if (c == '"') {
          int next = read();
          if (next != '"') {
            unread(next);
            inQuotes = false;
            crossedLine = false;
            afterClosingQuote = true;
          }
        } else if (c == '\n' || c == '\r') {
          crossedLine = true;
          if (c == '\n') {
            countLine();
          }
        }
        if (crossedLine && offset() - start > maxRecordChars) {
          throw new MustReadWhole("a quoted field that crosses a line break outgrows its record");
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
}
