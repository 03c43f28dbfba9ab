package org.datamesh.core.parse;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 without giving up on a file that holds a few bad bytes.
 *
 * <pre>{@code
 * char previous = 0;
 * for (int c = reader.read(); c != -1; previous = (char) c, c = reader.read()) {
 *   invalid |= Utf8Text.isInvalid(previous, (char) c);
 * }
 * }</pre>
 *
 * <p>Malformed byte sequences decode to {@link #INVALID}, a low surrogate. Decoding valid UTF-8
 * never gives a low surrogate on its own: each comes right after its high surrogate, as the second
 * half of a character beyond U+FFFF (UTF-8 that encodes a surrogate by itself is malformed). So a
 * low surrogate that does not follow a high one marks bad bytes and nothing else, and every valid
 * character, U+FFFF and U+FFFE included, is read as itself. A reader that meets the mark knows
 * that exactly the record at hand held invalid UTF-8, and can quarantine that record alone while
 * the rest of the file goes on. (The mark used to be U+FFFF, a valid character, so a record holding
 * it was quarantined as "not valid UTF-8".)
 */
final class Utf8Text {

  /** What an invalid byte sequence decodes to; see {@link #isInvalid} for how it is told apart. */
  static final char INVALID = '\uDFFF';

  private static final char REPLACEMENT = '\uFFFD';

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
    return new BufferedReader(new InputStreamReader(in, decoder()), 1 << 16);
  }

  /**
   * All of {@code bytes} decoded as {@link #reader} reads them (bad sequences as {@link #INVALID},
   * a leading BOM skipped), in one call: for a message held in memory, without the reader's
   * 64 KiB buffer and a call per character (measured: decoding Kafka messages through the reader
   * was a fifth of a stream's CPU, most of it allocating that buffer per message).
   */
  static String decode(byte[] bytes) {
    CharBuffer chars;
    try {
      chars = decoder().decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder refused its input", e);
    }
    int start = chars.length() > 0 && chars.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    return chars.subSequence(start, chars.length()).toString();
  }

  private static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .replaceWith(String.valueOf(INVALID));
  }

  /**
   * Whether {@code c}, read right after {@code previous} (0 at the start of a text), marks bytes
   * that are not UTF-8: a low surrogate that is not the second half of a pair.
   */
  static boolean isInvalid(char previous, char c) {
    return Character.isLowSurrogate(c) && !Character.isHighSurrogate(previous);
  }

  /** Replaces each {@link #INVALID} mark with U+FFFD, the visible replacement character, for storage. */
  static String printable(String text) {
    StringBuilder out = null;
    char previous = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isInvalid(previous, c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append(REPLACEMENT);
      } else if (out != null) {
        out.append(c);
      }
      previous = c;
    }
    return out == null ? text : out.toString();
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
