package org.datamesh.core.parse;

import java.util.List;
import org.datamesh.core.failure.Violation;

/**
 * One record as the CSV tokenizer found it: its fields, which of them were quoted (an unquoted
 * empty field is a missing value, a quoted one is an empty string), its raw text for the
 * quarantine, the line it starts on, and any problem that makes it unusable.
 */
record CsvRecord(
    List<String> fields, boolean[] quoted, String raw, long line, List<Violation> problems) {

  /** Whether the record is an empty line. */
  boolean isBlank() {
    return raw.isEmpty() && fields.size() == 1 && !quoted[0];
  }

  boolean isUsable() {
    return problems.isEmpty();
  }
}
