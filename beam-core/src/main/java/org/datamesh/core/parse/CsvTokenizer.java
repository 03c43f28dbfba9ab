package org.datamesh.core.parse;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Violation;

/**
 * Splits RFC 4180 text into records: quoted fields may hold the delimiter, doubled quotes and line
 * breaks; records end at LF, CRLF or a lone CR.
 *
 * <p>Unlike a parser that throws on the first malformed record, it reports the problem on that
 * record and goes on with the next line, so one bad row never costs the rest of the file. A quoted
 * field that crosses a line break and is still open at the end of the input, its record within
 * {@code maxRecordChars}, ends its record at the line that opened it; the text after that line is
 * read again as records of their own. Once such a field makes its record longer than {@code
 * maxRecordChars}, the record fails as too large and is read on, keeping nothing, to the field's
 * closing quote and the record's real end, so no line of a long valid field is ever read as a
 * record; a quote that never closes then takes the rest of the input into that one failure.
 * However long the input, it never holds more than {@code maxRecordChars} characters of a field,
 * nor of text kept to be read again.
 */
final class CsvTokenizer {

  private final RereadableText text;
  private final char delimiter;
  private final int maxRecordChars;
  private long line;

  CsvTokenizer(Reader in, char delimiter, int maxRecordChars) {
    this(in, delimiter, maxRecordChars, 1);
  }

  /**
   * A tokenizer for text that starts at a record boundary on line {@code firstLine} of its file,
   * as a split of a file does, so its records carry the lines a reader of the whole file gives.
   */
  CsvTokenizer(Reader in, char delimiter, int maxRecordChars, long firstLine) {
    this.text = new RereadableText(in);
    this.delimiter = delimiter;
    this.maxRecordChars = maxRecordChars;
    this.line = firstLine;
  }

  /** The next record, or null at the end of the input. */
  @Nullable
  CsvRecord next() throws IOException {
    int first = text.read();
    if (first == -1) {
      return null;
    }
    text.unread(first);
    return new RecordBuilder(line).readRecord();
  }

  /** After a CR: consumes the LF of a CRLF and says whether there was one. */
  private boolean takeLf() throws IOException {
    int next = text.read();
    if (next == '\n') {
      return true;
    }
    text.unread(next);
    return false;
  }

  /** The state of the record being read. */
  private final class RecordBuilder {
    private final long startLine;
    private final List<String> fields = new ArrayList<>();
    private final List<Boolean> quotedFlags = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private final StringBuilder raw = new StringBuilder();
    private final List<Violation> problems = new ArrayList<>();
    private long chars;
    private boolean tooLong;
    private boolean invalidUtf8;
    private boolean nul;
    private boolean quoted;
    /** The character before the one at hand, which tells a bad-bytes mark from half a pair. */
    private char previous;

    /**
     * Where the quoted field being read first crossed a line break, or null: the end of the line
     * that opened it, which is where its record ends if the quote never closes.
     */
    private @Nullable LineEnd openQuoteLineEnd;

    RecordBuilder(long startLine) {
      this.startLine = startLine;
    }

    CsvRecord readRecord() throws IOException {
      boolean fieldStart = true;
      boolean inQuotes = false;
      boolean afterClosingQuote = false;
      while (true) {
        int c = text.read();
        if (c == -1) {
          if (inQuotes) {
            if (openQuoteLineEnd != null) {
              endAtOpeningLine("before the end of the file");
            } else {
              problems.add(unclosedQuote("before the end of the file"));
            }
          }
          break;
        }
        if (inQuotes) {
          if (c == '"') {
            int next = text.read();
            if (next != '"') {
              text.unread(next);
              raw('"');
              inQuotes = false;
              afterClosingQuote = true;
              forgetOpeningLine();
              continue;
            }
            raw('"');
            keep('"');
          } else if (c == '\r' || c == '\n') {
            keepLineBreakInQuotes(c);
          } else {
            keep((char) c);
          }
          // After every character, doubled quotes too: the text kept for rereading grows with it.
          if (openQuoteLineEnd != null && chars > maxRecordChars) {
            keepScanningWithoutRereading();
          }
          continue;
        }
        if (c == '\r' || c == '\n') {
          if (c == '\r') {
            takeLf();
          }
          line++;
          break;
        }
        if (c == delimiter) {
          raw((char) c);
          endField();
          fieldStart = true;
          afterClosingQuote = false;
          continue;
        }
        if (afterClosingQuote) {
          problems.add(
              Violation.error(
                  "parse.malformed_quote",
                  null,
                  "unexpected text after the closing quote of column " + (fields.size() + 1)));
          raw((char) c);
          skipRestOfLine();
          break;
        }
        if (fieldStart && c == '"') {
          raw('"');
          inQuotes = true;
          quoted = true;
          fieldStart = false;
          continue;
        }
        fieldStart = false;
        keep((char) c);
      }
      endField();
      if (tooLong) {
        problems.add(0, LineProblems.tooLarge(maxRecordChars));
      }
      if (invalidUtf8) {
        problems.add(LineProblems.invalidUtf8());
      }
      if (nul) {
        problems.add(LineProblems.nulCharacter());
      }
      boolean[] quotedArray = new boolean[quotedFlags.size()];
      for (int i = 0; i < quotedArray.length; i++) {
        quotedArray[i] = quotedFlags.get(i);
      }
      return new CsvRecord(
          List.copyOf(fields), quotedArray, Utf8Text.printable(raw.toString()), startLine, problems);
    }

    /**
     * Keeps a line break inside a quoted field: LF, CRLF or a lone CR, counting lines as before
     * (inside quotes only LF starts a line). At the field's first one, marks where the record would
     * end if the quote never closed.
     */
    private void keepLineBreakInQuotes(int c) throws IOException {
      LineEnd lineEnd =
          openQuoteLineEnd == null
              ? new LineEnd(raw.length(), field.length(), chars, line, invalidUtf8, nul)
              : null;
      keep((char) c);
      boolean startsLine = c == '\n';
      if (c == '\r' && takeLf()) {
        keep('\n');
        startsLine = true;
      }
      if (startsLine) {
        line++;
      }
      if (lineEnd != null) {
        openQuoteLineEnd = lineEnd;
        text.mark();
      }
    }

    /**
     * Gives up the way back once a quoted field that crossed a line break makes its record too
     * large: the text kept for rereading is dropped, and the field is read on, character by
     * character and keeping none (its record is {@code parse.record_too_large}), to its closing
     * quote, the first point known to be outside it. Ending the record at the opening line and
     * rereading, as a quote still open at the end of the file does, would publish lines of a
     * valid long field as records; so a quote that never closes takes the rest of the file into
     * its one failed record.
     */
    private void keepScanningWithoutRereading() {
      openQuoteLineEnd = null;
      text.clearMark();
    }

    private void forgetOpeningLine() {
      if (openQuoteLineEnd != null) {
        openQuoteLineEnd = null;
        text.clearMark();
      }
    }

    /**
     * Ends the record at the end of the line whose quote never closes, as if the quote had not
     * been there, and gives back everything after that line, to be read as records of its own.
     */
    private void endAtOpeningLine(String where) {
      LineEnd lineEnd = openQuoteLineEnd;
      problems.add(unclosedQuote(where + "; the record is read as ending at the line that opened it"));
      raw.setLength(Math.min(raw.length(), lineEnd.rawLength()));
      field.setLength(Math.min(field.length(), lineEnd.fieldLength()));
      chars = lineEnd.chars();
      tooLong = chars > maxRecordChars;
      invalidUtf8 = lineEnd.invalidUtf8();
      nul = lineEnd.nul();
      line = lineEnd.line() + 1;
      openQuoteLineEnd = null;
      text.reset();
    }

    private Violation unclosedQuote(String where) {
      return Violation.error(
          "parse.unclosed_quote",
          null,
          "a quoted field in column " + (fields.size() + 1) + " is not closed " + where);
    }

    /** Adds a character to the current field and to the record's raw text. */
    private void keep(char value) {
      raw(value);
      if (!tooLong) {
        field.append(value);
      }
    }

    /** Adds a character of the record (in a field or not) to its raw text, noting bad text. */
    private void raw(char c) {
      if (Utf8Text.isInvalid(previous, c)) {
        invalidUtf8 = true;
      } else if (c == '\0') {
        nul = true;
      }
      previous = c;
      chars++;
      if (chars > maxRecordChars) {
        tooLong = true;
        field.setLength(0);
      }
      // One character beyond the cap, so that Failure knows to mark the payload as truncated.
      if (raw.length() <= Failure.MAX_RAW_PAYLOAD_CHARS) {
        raw.append(c);
      }
    }

    private void endField() {
      fields.add(field.toString());
      quotedFlags.add(quoted);
      field.setLength(0);
      quoted = false;
    }

    private void skipRestOfLine() throws IOException {
      while (true) {
        int c = text.read();
        if (c == -1) {
          return;
        }
        if (c == '\n' || c == '\r') {
          if (c == '\r') {
            takeLf();
          }
          line++;
          return;
        }
        raw((char) c);
      }
    }
  }

  /** The state of a record at the end of the line that opened its unclosed quoted field. */
  private record LineEnd(
      int rawLength, int fieldLength, long chars, long line, boolean invalidUtf8, boolean nul) {}
}
