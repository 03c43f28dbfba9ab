package org.datamesh.core.parse;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Violation;

/**
 * What can be wrong with a line before its content is read, the same for every line-based format
 * (JSON lines, log lines): too long, not UTF-8, or empty.
 */
final class LineProblems {

  private LineProblems() {}

  /** The line's problem, or null when its content can be read. */
  static @Nullable Violation of(BoundedLineReader.Line line, int maxRecordChars) {
    if (line.length() > maxRecordChars) {
      return Violation.error(
          "parse.record_too_large",
          null,
          "the record is longer than " + maxRecordChars + " characters");
    }
    if (line.invalidUtf8()) {
      return Violation.error(
          "parse.encoding", null, "the record contains bytes that are not valid UTF-8");
    }
    if (line.text().isBlank()) {
      return Violation.error("parse.empty_line", null, "the record is an empty line");
    }
    return null;
  }
}
