package org.datamesh.core.parse;

import java.io.IOException;
import java.io.Reader;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The characters of a reader, with two ways back: the character just read can be given back, and
 * everything read since a mark can be read again.
 *
 * <p>The CSV tokenizer marks the text after the first line break inside a quoted field. If the
 * quote never closes, it rereads from there, so the lines after the one that opened the quote are
 * judged on their own. The caller bounds how much is read after a mark; nothing else does.
 */
final class RereadableText {

  private static final int NONE = -2;

  private final Reader in;
  private int pushedBack = NONE;
  private String again = "";
  private int againPosition;
  private @Nullable StringBuilder sinceMark;

  RereadableText(Reader in) {
    this.in = in;
  }

  /** The next character, or -1 at the end of the text. */
  int read() throws IOException {
    int c;
    if (pushedBack != NONE) {
      c = pushedBack;
      pushedBack = NONE;
    } else if (againPosition < again.length()) {
      c = again.charAt(againPosition++);
    } else {
      c = in.read();
    }
    if (sinceMark != null && c != -1) {
      sinceMark.append((char) c);
    }
    return c;
  }

  /** Gives back {@code c}, the character (or end of text) just read; one at a time. */
  void unread(int c) {
    pushedBack = c;
    if (sinceMark != null && c != -1) {
      sinceMark.setLength(sinceMark.length() - 1);
    }
  }

  /** Starts keeping what is read from here on, so that {@link #reset} can go back to here. */
  void mark() {
    sinceMark = new StringBuilder();
  }

  boolean isMarked() {
    return sinceMark != null;
  }

  /** Forgets the mark and what was kept since. */
  void clearMark() {
    sinceMark = null;
  }

  /** Goes back to the mark: what was read since it will be read again, then the rest. */
  void reset() {
    if (sinceMark == null) {
      throw new IllegalStateException("reset without a mark");
    }
    StringBuilder replay = sinceMark;
    sinceMark = null;
    if (pushedBack >= 0) {
      replay.append((char) pushedBack);
    }
    pushedBack = NONE;
    replay.append(again, againPosition, again.length());
    again = replay.toString();
    againPosition = 0;
  }
}
