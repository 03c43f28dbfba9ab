package org.datamesh.rules;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a rule checks about a whole record: several columns together (a CEL expression, a Java
 * predicate). The check is a serializable description; {@link #compile} turns it into what runs
 * per record, once per worker, as the record path compiles its steps.
 */
interface RecordCheck extends Serializable {

  /** The rule family, for display: {@code expression}, {@code predicate}. */
  String kind();

  /** The columns the check names as its fields; empty when it is about the record as a whole. */
  List<String> fields();

  /** Throws, saying why, when records of {@code schema} cannot be checked this way. */
  void checkApplicable(Schema schema);

  /** The check resolved against records of {@code schema}. */
  Compiled compile(Schema schema);

  /** The expectation in words: {@code "satisfy ship_date >= order_date"}. */
  String describe();

  /** A record check resolved against a schema. Not thread-safe: one per record path. */
  interface Compiled {

    /**
     * Why the record whose values (in schema order) are {@code values} breaks the rule, naming
     * the expectation but never a value; null when it keeps it.
     */
    @Nullable
    String violation(@Nullable Object[] values);
  }
}
