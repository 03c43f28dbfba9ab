package org.datamesh.core.parse;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourcePosition;

/** Exactly one of a parsed record's field values (in schema order) or the failure explaining why. */
record ParseOutcome(
    @Nullable List<Object> values, SourcePosition position, @Nullable Failure failure) {

  static ParseOutcome of(List<Object> values, SourcePosition position) {
    return new ParseOutcome(values, position, null);
  }

  static ParseOutcome of(Failure failure) {
    return new ParseOutcome(null, failure.source(), failure);
  }
}
