package org.datamesh.core.parse;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Violation;

/**
 * What can be wrong with a line before its content is read, the same for every line-based format
 * (JSON lines, log lines): too long, not UTF-8, holding a NUL character, or empty. CSV records,
 * which may span lines, share the first three.
 */
final class LineProblems {

  private LineProblems() {}

  /** The line's problem, or null when its content can be read. */
  static @Nullable Violation of(BoundedLineReader.Line line, int maxRecordChars) {
    if (line.length() > maxRecordChars) {
      return tooLarge(maxRecordChars);
    }
    if (line.invalidUtf8()) {
      return invalidUtf8();
    }
    if (line.text().indexOf('\0') >= 0) {
      return nulCharacter();
    }
    if (line.text().isBlank()) {
      return Violation.error("parse.empty_line", null, "the record is an empty line");
    }
    return null;
  }

  /** A record longer than the longest allowed; CSV records too. */
  static Violation tooLarge(int maxRecordChars) {
    return Violation.error(
        "parse.record_too_large", null, "the record is longer than " + maxRecordChars + " characters");
  }

  /** A record holding bytes that are not UTF-8; CSV records too. */
  static Violation invalidUtf8() {
    return Violation.error(
        "parse.encoding", null, "the record contains bytes that are not valid UTF-8");
  }

  /**
   * A NUL character (U+0000) in a record: text never holds one, so the file is most likely binary
   * or UTF-16, and many consumers (PostgreSQL among them) refuse it in a string.
   */
  static Violation nulCharacter() {
    return Violation.error(
        "parse.nul_character",
        null,
        "the record contains a NUL character (U+0000): is the file binary or UTF-16?");
  }
}
