package org.datamesh.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.failure.Violation;

/**
 * Reads one log line (of a file, or a message) into the values of a schema's fields through a log
 * pattern's named groups, or into a parse failure: see {@link ParseLogLines} for the rules. Not
 * thread-safe: it resets one matcher, as a DoFn instance runs one bundle at a time.
 */
final class LogLineParser {

  private final Schema schema;
  private final LogPattern pattern;
  private final int maxRecordChars;
  private final String product;
  /** Each field's group number, or -1 for a field the pattern does not capture. */
  private final int[] groups;
  private @Nullable Matcher matcher;

  LogLineParser(Schema schema, LogPattern pattern, int maxRecordChars, String product) {
    this.schema = schema;
    this.pattern = pattern;
    this.maxRecordChars = maxRecordChars;
    this.product = product;
    this.groups = new int[schema.getFieldCount()];
    for (int f = 0; f < groups.length; f++) {
      groups[f] = pattern.group(schema.getField(f).getName());
    }
  }

  private Matcher matcher(String text) {
    if (matcher == null) {
      matcher = pattern.compile().matcher(text);
      return matcher;
    }
    return matcher.reset(text);
  }

  ParseOutcome parse(BoundedLineReader.Line line, SourcePosition position) {
    List<Violation> problems = new ArrayList<>();
    Matcher match = null;
    Violation lineProblem = LineProblems.of(line, maxRecordChars);
    if (lineProblem != null) {
      problems.add(lineProblem);
    } else {
      match = matcher(line.text());
      if (!match.matches()) {
        problems.add(
            Violation.error("parse.log_pattern", null, "the record does not match the log pattern"));
      }
    }
    Object[] values = new Object[schema.getFieldCount()];
    if (problems.isEmpty()) {
      for (int f = 0; f < values.length; f++) {
        Field field = schema.getField(f);
        String text = groups[f] < 0 ? null : match.group(groups[f]);
        try {
          // An empty capture is a missing value, as an unquoted empty CSV field is.
          values[f] = FieldValues.parse(field, text == null || text.isEmpty() ? null : text);
        } catch (FieldValueException e) {
          problems.add(e.violation());
        }
      }
    }
    if (!problems.isEmpty()) {
      return ParseOutcome.failure(product, problems, position, Utf8Text.printable(line.text()));
    }
    return ParseOutcome.of(values, position, line.text());
  }
}
