package org.datamesh.core.parse;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 without giving up on a file that holds a few bad bytes.
 *
 * <p>Malformed byte sequences decode to {@link #INVALID}, the noncharacter U+FFFF, which never
 * occurs in interchanged text. A reader that meets it knows that exactly the record at hand held
 * invalid UTF-8, and can quarantine that record alone while the rest of the file goes on.
 */
final class Utf8Text {

  /** What an invalid byte sequence decodes to. */
  static final char INVALID = '\uFFFF';

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private Utf8Text() {}

  /** A reader over UTF-8 bytes that maps bad sequences to {@link #INVALID} and skips a leading BOM. */
  static Reader reader(InputStream in) {
    return new BomSkippingReader(readerInsideFile(in));
  }

  /**
   * A reader over UTF-8 bytes that start inside a file, at a record boundary: a U+FEFF there is
   * text, not a byte order mark, exactly as a reader of the whole file would see it.
   *
   * <p>Starting to decode in the middle of a file gives the same characters as decoding it from
   * its start as long as the start follows an ASCII byte (a record boundary follows a line break):
   * the decoder never joins an ASCII byte to a neighbouring bad sequence.
   */
  static Reader readerInsideFile(InputStream in) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(String.valueOf(INVALID));
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }

  /** Replaces {@link #INVALID} with U+FFFD, the visible replacement character, for storage. */
  static String printable(String text) {
    return text.replace(INVALID, '\uFFFD');
  }

  /** Skips U+FEFF if it is the very first character. */
  private static final class BomSkippingReader extends java.io.FilterReader {
    private boolean atStart = true;

    BomSkippingReader(Reader in) {
      super(in);
    }

    @Override
    public int read() throws java.io.IOException {
      int c = super.read();
      if (atStart) {
        atStart = false;
        if (c == BYTE_ORDER_MARK) {
          c = super.read();
        }
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws java.io.IOException {
      if (length == 0) {
        return 0;
      }
      if (atStart) {
        int c = read();
        if (c == -1) {
          return -1;
        }
        buffer[offset] = (char) c;
        int rest = length > 1 ? super.read(buffer, offset + 1, length - 1) : 0;
        return rest <= 0 ? 1 : 1 + rest;
      }
      return super.read(buffer, offset, length);
    }
  }
}
