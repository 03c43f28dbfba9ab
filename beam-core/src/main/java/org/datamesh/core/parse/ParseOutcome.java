package org.datamesh.core.parse;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.failure.Failure;

/** Exactly one of a parsed row or the failure that explains why there is none. */
record ParseOutcome(@Nullable Row row, @Nullable Failure failure) {

  static ParseOutcome of(Row row) {
    return new ParseOutcome(row, null);
  }

  static ParseOutcome of(Failure failure) {
    return new ParseOutcome(null, failure);
  }
}
