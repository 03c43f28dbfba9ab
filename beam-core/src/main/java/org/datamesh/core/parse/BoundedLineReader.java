package org.datamesh.core.parse;

import java.io.IOException;
import java.io.Reader;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;

/**
 * Reads lines (ending at LF, CRLF or a lone CR) while holding at most a bounded prefix of each, so
 * a line of gigabytes costs no more memory than a short one.
 */
final class BoundedLineReader {

  /** A line as read: its kept text, its full length, and whether it held invalid UTF-8. */
  record Line(String text, long length, boolean invalidUtf8) {}

  private final Reader in;
  private final int keepChars;
  private boolean pendingLf;

  BoundedLineReader(Reader in, int keepChars) {
    this.in = in;
    this.keepChars = Math.max(keepChars, Failure.MAX_RAW_PAYLOAD_CHARS + 1);
  }

  /** The next line, or null at the end of the input. */
  @Nullable
  Line next() throws IOException {
    StringBuilder text = new StringBuilder();
    long length = 0;
    boolean invalid = false;
    char previous = 0;
    int c = in.read();
    if (pendingLf && c == '\n') {
      c = in.read();
    }
    pendingLf = false;
    if (c == -1) {
      return null;
    }
    while (c != -1 && c != '\n' && c != '\r') {
      length++;
      if (Utf8Text.isInvalid(previous, (char) c)) {
        invalid = true;
      }
      previous = (char) c;
      if (text.length() < keepChars) {
        text.append((char) c);
      }
      c = in.read();
    }
    pendingLf = c == '\r';
    return new Line(text.toString(), length, invalid);
  }
}
