package org.datamesh.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The baselines' own RFC 4180 splitter: quoted fields may hold commas, doubled quotes and line
 * breaks; records end at LF, CRLF or a lone CR. A malformed record is returned with its problems
 * (rule ids as the library names them) so the caller can quarantine it and go on.
 *
 * <pre>{@code
 * try (CsvSplitter csv = CsvSplitter.open(Files.newInputStream(file))) {
 *   for (CsvSplitter.Record r = csv.next(); r != null; r = csv.next()) { ... }
 * }
 * }</pre>
 *
 * <p>Written for the benchmark only, without the library's parser, so the plain baseline pays for
 * the same work in its own plain way: a char buffer and two string builders.
 */
final class CsvSplitter implements AutoCloseable {

  /** What a malformed UTF-8 byte sequence decodes to: a noncharacter that real text never holds. */
  static final char INVALID = '\uFFFF';

  static final int MAX_RECORD_CHARS = 1 << 20;
  static final int MAX_RAW_CHARS = 64 * 1024;

  /**
   * One record.
   *
   * @param fields the fields' text
   * @param quoted which fields were quoted (an unquoted empty field is a missing value)
   * @param raw the record's text, for the quarantine
   * @param line the line the record starts on
   * @param problems parse rule ids; empty when the record is well formed
   */
  record Record(List<String> fields, boolean[] quoted, String raw, long line, List<String> problems) {
    boolean isEmptyLine() {
      return raw.isEmpty() && fields.size() == 1 && !quoted[0];
    }
  }

  private final Reader in;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int length;
  private long line = 1;

  private CsvSplitter(Reader in) {
    this.in = in;
  }

  /** Splits UTF-8 bytes; a leading byte order mark is skipped. */
  static CsvSplitter open(InputStream bytes) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(String.valueOf(INVALID));
    CsvSplitter splitter = new CsvSplitter(new InputStreamReader(bytes, decoder));
    if (splitter.peek() == '\uFEFF') {
      splitter.read();
    }
    return splitter;
  }

  private int peek() throws IOException {
    if (position == length) {
      length = Math.max(0, in.read(buffer, 0, buffer.length));
      position = 0;
      if (length == 0) {
        return -1;
      }
    }
    return buffer[position];
  }

  private int read() throws IOException {
    int c = peek();
    if (c != -1) {
      position++;
    }
    return c;
  }

  /** The next record, or null at the end of the input. */
  Record next() throws IOException {
    if (peek() == -1) {
      return null;
    }
    RecordText text = new RecordText(line);
    boolean fieldStart = true;
    boolean inQuotes = false;
    boolean afterClosingQuote = false;
    while (true) {
      int c = read();
      if (c == -1) {
        if (inQuotes) {
          text.problems.add("parse.unclosed_quote");
        }
        break;
      }
      if (inQuotes) {
        if (c != '"') {
          line += c == '\n' ? 1 : 0;
          text.keep((char) c);
        } else if (peek() == '"') {
          read(); // a doubled quote is one quote in the field, two in the raw text
          text.raw('"');
          text.keep('"');
        } else {
          text.raw('"');
          inQuotes = false;
          afterClosingQuote = true;
        }
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && peek() == '\n') {
          read();
        }
        line++;
        break;
      } else if (c == ',') {
        text.raw(',');
        text.endField();
        fieldStart = true;
        afterClosingQuote = false;
      } else if (afterClosingQuote) {
        text.problems.add("parse.malformed_quote");
        text.raw((char) c);
        skipRestOfLine(text);
        break;
      } else if (fieldStart && c == '"') {
        text.raw('"');
        text.quoted = true;
        inQuotes = true;
        fieldStart = false;
      } else {
        fieldStart = false;
        text.keep((char) c);
      }
    }
    return text.build();
  }

  /** The record being read: its fields so far, its raw text and what is wrong with it. */
  private static final class RecordText {
    final long startLine;
    final List<String> fields = new ArrayList<>(8);
    final List<Boolean> quotedFlags = new ArrayList<>(8);
    final List<String> problems = new ArrayList<>(0);
    final StringBuilder field = new StringBuilder(32);
    final StringBuilder raw = new StringBuilder(128);
    long chars;
    boolean tooLong;
    boolean invalid;
    boolean quoted;

    RecordText(long startLine) {
      this.startLine = startLine;
    }

    /** A character of the current field, also part of the raw text. */
    void keep(char c) {
      raw(c);
      invalid |= c == INVALID;
      if (!tooLong) {
        field.append(c);
      }
    }

    /** A character of the raw text; every one counts towards the record's size. */
    void raw(char c) {
      chars++;
      if (chars > MAX_RECORD_CHARS) {
        tooLong = true;
        field.setLength(0);
      }
      if (raw.length() <= MAX_RAW_CHARS) {
        raw.append(c);
      }
    }

    void endField() {
      fields.add(field.toString());
      quotedFlags.add(quoted);
      field.setLength(0);
      quoted = false;
    }

    Record build() {
      endField();
      if (tooLong) {
        problems.add(0, "parse.record_too_large");
      }
      if (invalid) {
        problems.add("parse.encoding");
      }
      boolean[] flags = new boolean[quotedFlags.size()];
      for (int i = 0; i < flags.length; i++) {
        flags[i] = quotedFlags.get(i);
      }
      return new Record(
          fields, flags, raw.toString().replace(INVALID, '\uFFFD'), startLine, problems);
    }
  }

  /** Reads the rest of a malformed record's line into its raw text. */
  private void skipRestOfLine(RecordText text) throws IOException {
    while (true) {
      int c = read();
      if (c == -1) {
        return;
      }
      if (c == '\n' || c == '\r') {
        if (c == '\r' && peek() == '\n') {
          read();
        }
        line++;
        return;
      }
      text.invalid |= c == INVALID;
      text.raw((char) c);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
