package org.datamesh.core.parse;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.FailureSchemaProvider;

/** Turns a parsing step's notes into the failures, warning counts and record count it reports. */
final class RecordNotes {

  private RecordNotes() {}

  static StageResult split(PCollection<Row> rows, PCollection<RecordNote> notes) {
    TupleTag<Failure> failures = new TupleTag<>() {};
    TupleTag<KV<String, Long>> warnings = new TupleTag<>() {};
    TupleTag<Long> records = new TupleTag<>() {};
    PCollectionTuple parts =
        notes.apply(
            "SplitNotes",
            ParDo.of(new SplitFn(failures, warnings, records))
                .withOutputTags(failures, TupleTagList.of(warnings).and(records)));
    PCollection<KV<String, Long>> warningCounts =
        parts
            .get(warnings)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
            .apply("SumWarnings", Sum.longsPerKey());
    PCollection<Long> recordCount =
        parts.get(records).setCoder(VarLongCoder.of()).apply("SumRecords", Sum.longsGlobally());
    return StageResult.of(
        rows,
        parts.get(failures).setCoder(FailureSchemaProvider.coder()),
        warningCounts,
        recordCount);
  }

  /**
   * The rows, failures and WARN hits of a step that counts no records itself (a stream's): no
   * grouping, so an unbounded input stays unbounded. Each hit is {@code KV(ruleId, 1)} with its
   * record's timestamp, for the stream to count per window.
   */
  static StageResult unbounded(PCollection<Row> rows, PCollection<RecordNote> notes) {
    TupleTag<Failure> failures = new TupleTag<>() {};
    TupleTag<KV<String, Long>> warnings = new TupleTag<>() {};
    PCollectionTuple parts =
        notes.apply(
            "SplitNotes",
            ParDo.of(new UnboundedSplitFn(failures, warnings))
                .withOutputTags(failures, TupleTagList.of(warnings)));
    return StageResult.streamed(
        rows,
        parts.get(failures).setCoder(FailureSchemaProvider.coder()),
        parts.get(warnings).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
  }

  /** Failures to the main output, WARN hits to {@code warnings}; a stream's notes hold no counts. */
  private static final class UnboundedSplitFn extends DoFn<RecordNote, Failure> {
    private final TupleTag<Failure> failures;
    private final TupleTag<KV<String, Long>> warnings;

    UnboundedSplitFn(TupleTag<Failure> failures, TupleTag<KV<String, Long>> warnings) {
      this.failures = failures;
      this.warnings = warnings;
    }

    @ProcessElement
    public void process(@Element RecordNote note, MultiOutputReceiver out) {
      if (note.failure() != null) {
        out.get(failures).output(note.failure());
      } else if (note.warningRule() != null) {
        out.get(warnings).output(KV.of(note.warningRule(), note.count()));
      }
    }
  }

  private static final class SplitFn extends DoFn<RecordNote, Failure> {
    private final TupleTag<Failure> failures;
    private final TupleTag<KV<String, Long>> warnings;
    private final TupleTag<Long> records;

    SplitFn(
        TupleTag<Failure> failures, TupleTag<KV<String, Long>> warnings, TupleTag<Long> records) {
      this.failures = failures;
      this.warnings = warnings;
      this.records = records;
    }

    @ProcessElement
    public void process(@Element RecordNote note, MultiOutputReceiver out) {
      if (note.failure() != null) {
        out.get(failures).output(note.failure());
      } else if (note.warningRule() != null) {
        out.get(warnings).output(KV.of(note.warningRule(), note.count()));
      } else {
        out.get(records).output(note.count());
      }
    }
  }
}
