package org.datamesh.core.parse;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.failure.SourcePosition;

/**
 * Exactly one of a parsed record's field values (in schema order) or the failure explaining why;
 * with values, the record's raw text too, kept for a later step's failure, and the ids of the
 * warnings the record was read with (such as {@code parse.unknown_column}), counted once it is
 * published.
 */
record ParseOutcome(
    @Nullable Object[] values,
    SourcePosition position,
    @Nullable String raw,
    @Nullable Failure failure,
    List<String> warnings) {

  static ParseOutcome of(Object[] values, SourcePosition position, String raw) {
    return new ParseOutcome(values, position, raw, null, List.of());
  }

  static ParseOutcome of(Object[] values, SourcePosition position, String raw, List<String> warnings) {
    return new ParseOutcome(values, position, raw, null, warnings);
  }

  /** The outcome of a record that could not be parsed, with every problem found and its text. */
  static ParseOutcome failure(
      String product, List<Violation> problems, SourcePosition position, String raw) {
    return of(
        Failure.builder(Stage.PARSE, product)
            .setViolations(problems)
            .setSource(position)
            .setRawPayload(raw)
            .build());
  }

  static ParseOutcome of(Failure failure) {
    return new ParseOutcome(null, failure.source(), null, failure, List.of());
  }
}
