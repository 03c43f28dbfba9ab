package org.datamesh.core.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.FailureSchemaProvider;

/**
 * Everything a parsing step says besides its rows, on one output: a record's failure, how often a
 * WARN rule fired in a bundle, or how many records a bundle read.
 *
 * <p>Why one output: on Flink every output of a multi-output step is a consumer of all its
 * elements, so each extra output costs an encoding and a decoding of every row. Rows go out alone;
 * the few notes are split afterwards.
 */
record RecordNote(@Nullable Failure failure, @Nullable String warningRule, long count) {

  static RecordNote of(Failure failure) {
    return new RecordNote(failure, null, 1);
  }

  static RecordNote warnings(String ruleId, long hits) {
    return new RecordNote(null, ruleId, hits);
  }

  static RecordNote records(long count) {
    return new RecordNote(null, null, count);
  }

  /** A tag byte, then the failure's schema encoding, or the rule id and the count. */
  static final class Coder extends CustomCoder<RecordNote> {
    private static final long serialVersionUID = 1L;
    private static final int FAILURE = 0;
    private static final int WARNINGS = 1;
    private static final int RECORDS = 2;
    private final SchemaCoder<Failure> failures = FailureSchemaProvider.coder();

    @Override
    public void encode(RecordNote note, OutputStream out) throws IOException {
      if (note.failure() != null) {
        out.write(FAILURE);
        failures.encode(note.failure(), out);
      } else if (note.warningRule() != null) {
        out.write(WARNINGS);
        StringUtf8Coder.of().encode(note.warningRule(), out);
        VarLongCoder.of().encode(note.count(), out);
      } else {
        out.write(RECORDS);
        VarLongCoder.of().encode(note.count(), out);
      }
    }

    @Override
    public RecordNote decode(InputStream in) throws IOException {
      int tag = in.read();
      switch (tag) {
        case FAILURE:
          return of(failures.decode(in));
        case WARNINGS:
          String rule = StringUtf8Coder.of().decode(in);
          return warnings(rule, VarLongCoder.of().decode(in));
        case RECORDS:
          return records(VarLongCoder.of().decode(in));
        default:
          throw new IOException("not a record note: tag " + tag);
      }
    }
  }
}
