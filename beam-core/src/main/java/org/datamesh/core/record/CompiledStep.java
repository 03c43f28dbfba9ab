package org.datamesh.core.record;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A {@link RecordStep} resolved against a schema: what runs on each record. */
public interface CompiledStep {

  /**
   * Applies the step to one record's field values and reports every violation to {@code issues}.
   *
   * @param values the record's values in the order of the step's input schema; the step may
   *     rewrite them in place
   * @return the values in the order of the step's output schema: {@code values} itself, or a new
   *     array when the step adds or removes fields
   */
  @Nullable
  Object[] apply(@Nullable Object[] values, RecordIssues issues);
}
