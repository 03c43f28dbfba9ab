package org.datamesh.core;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.FailureSchemaProvider;

/**
 * What a stage of a data product's flow produces: the rows that passed it and a failure for each
 * record that did not. Every record that enters a stage leaves in exactly one of the two.
 *
 * <pre>{@code
 * StageResult parsed = files.apply(ParseCsv.of(schema).forProduct("sales.orders"));
 * PCollection<Row> rows = parsed.rows();
 * PCollection<Failure> failures = parsed.failures();
 * PCollection<KV<String, Long>> warnings = parsed.warningCounts();  // WARN hits per rule
 * PCollection<Long> read = parsed.recordCount();                     // rows + failures
 * }</pre>
 */
public final class StageResult implements POutput {

  private final Pipeline pipeline;
  private final TupleTag<Row> rowsTag;
  private final PCollection<Row> rows;
  private final TupleTag<Failure> failuresTag;
  private final PCollection<Failure> failures;
  private static final TupleTag<KV<String, Long>> WARNING_COUNTS = new TupleTag<>("warningCounts");
  private static final TupleTag<Long> RECORD_COUNT = new TupleTag<>("recordCount");

  private @Nullable PCollection<KV<String, Long>> warningCounts;
  private @Nullable PCollection<Long> recordCount;
  /** Whether the stage computed its counts itself: then they are among its outputs. */
  private final boolean ownCounts;
  /** Whether the stage reported its WARN hits itself (a stream's): then they are an output. */
  private final boolean ownWarnings;

  private StageResult(
      Pipeline pipeline,
      TupleTag<Row> rowsTag,
      PCollection<Row> rows,
      TupleTag<Failure> failuresTag,
      PCollection<Failure> failures,
      @Nullable PCollection<KV<String, Long>> warningCounts,
      @Nullable PCollection<Long> recordCount) {
    this.pipeline = pipeline;
    this.rowsTag = rowsTag;
    this.rows = rows;
    this.failuresTag = failuresTag;
    this.failures = failures;
    this.warningCounts = warningCounts;
    this.recordCount = recordCount;
    this.ownCounts = recordCount != null;
    this.ownWarnings = warningCounts != null;
  }

  /** The result held by {@code tuple} under the two tags. */
  public static StageResult in(
      PCollectionTuple tuple, TupleTag<Row> rowsTag, TupleTag<Failure> failuresTag) {
    return new StageResult(
        tuple.getPipeline(),
        rowsTag,
        tuple.get(rowsTag),
        failuresTag,
        tuple.get(failuresTag).setCoder(FailureSchemaProvider.coder()),
        null,
        null);
  }

  /**
   * A result whose warning counts and record count the stage computed itself, such as a parsing
   * step that counts per bundle rather than counting its rows again.
   */
  public static StageResult of(
      PCollection<Row> rows,
      PCollection<Failure> failures,
      PCollection<KV<String, Long>> warningCounts,
      PCollection<Long> recordCount) {
    return new StageResult(
        rows.getPipeline(),
        new TupleTag<>("rows"),
        rows,
        new TupleTag<>("failures"),
        failures,
        warningCounts,
        recordCount);
  }

  /**
   * A result on an unbounded input: no record count (a stream counts its messages per window
   * itself), and as {@link #warningCounts} each WARN hit, {@code KV(ruleId, hits)} with its
   * record's timestamp, not summed: a stream sums them per window.
   */
  public static StageResult streamed(
      PCollection<Row> rows,
      PCollection<Failure> failures,
      PCollection<KV<String, Long>> warningHits) {
    return new StageResult(
        rows.getPipeline(),
        new TupleTag<>("rows"),
        rows,
        new TupleTag<>("failures"),
        failures,
        warningHits,
        null);
  }

  /** The rows that passed the stage. */
  public PCollection<Row> rows() {
    return rows;
  }

  /** One failure for each record that did not pass the stage. */
  public PCollection<Failure> failures() {
    return failures;
  }

  /**
   * How many records entered the stage: rows plus failures, as a single-element collection. Built
   * once and reused, so asking twice adds no second transform.
   */
  public PCollection<Long> recordCount() {
    if (recordCount == null) {
      recordCount =
          PCollectionList.of(rows.apply("CountRows", Count.globally()))
              .and(failures.apply("CountFailures", Count.globally()))
              .apply("AllCounts", Flatten.pCollections())
              .apply("SumRecords", Sum.longsGlobally());
    }
    return recordCount;
  }

  /**
   * How often each WARN rule fired, as {@code KV(ruleId, hits)}: on the records that passed the
   * steps raising them (a record a later step stops keeps its earlier steps' hits); empty when
   * the stage has no WARN rules. Built once and reused. Summed over the whole input for a bounded
   * one; for a stream ({@link #streamed}), one element per hit, timestamped like its record.
   */
  public PCollection<KV<String, Long>> warningCounts() {
    if (warningCounts == null) {
      warningCounts =
          pipeline.apply(
              "NoWarnings", Create.empty(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
    }
    return warningCounts;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> outputs = new java.util.LinkedHashMap<>();
    outputs.put(rowsTag, rows);
    outputs.put(failuresTag, failures);
    if (ownCounts) {
      outputs.put(WARNING_COUNTS, warningCounts);
      outputs.put(RECORD_COUNT, recordCount);
    } else if (ownWarnings) {
      outputs.put(WARNING_COUNTS, warningCounts);
    }
    return outputs;
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, org.apache.beam.sdk.values.PInput input, PTransform<?, ?> transform) {}
}
