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
 * }</pre>
 */
public final class StageResult implements POutput {

  private final Pipeline pipeline;
  private final TupleTag<Row> rowsTag;
  private final PCollection<Row> rows;
  private final TupleTag<Failure> failuresTag;
  private final PCollection<Failure> failures;
  private final @Nullable TupleTag<String> warningsTag;
  private final @Nullable PCollection<String> warnings;
  private @Nullable PCollection<Long> recordCount;
  private @Nullable PCollection<KV<String, Long>> warningCounts;

  private StageResult(
      Pipeline pipeline,
      TupleTag<Row> rowsTag,
      PCollection<Row> rows,
      TupleTag<Failure> failuresTag,
      PCollection<Failure> failures,
      @Nullable TupleTag<String> warningsTag,
      @Nullable PCollection<String> warnings) {
    this.pipeline = pipeline;
    this.rowsTag = rowsTag;
    this.rows = rows;
    this.failuresTag = failuresTag;
    this.failures = failures;
    this.warningsTag = warningsTag;
    this.warnings = warnings;
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
   * The result held by {@code tuple} under the three tags; {@code warningsTag} holds the rule id
   * of each WARN violation of a record that passed.
   */
  public static StageResult in(
      PCollectionTuple tuple,
      TupleTag<Row> rowsTag,
      TupleTag<Failure> failuresTag,
      TupleTag<String> warningsTag) {
    return new StageResult(
        tuple.getPipeline(),
        rowsTag,
        tuple.get(rowsTag),
        failuresTag,
        tuple.get(failuresTag).setCoder(FailureSchemaProvider.coder()),
        warningsTag,
        tuple.get(warningsTag));
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
   * How often each WARN rule fired on a record that passed, as {@code KV(ruleId, hits)}; empty
   * when the stage has no WARN rules. Built once and reused.
   */
  public PCollection<KV<String, Long>> warningCounts() {
    if (warningCounts == null) {
      warningCounts =
          warnings == null
              ? pipeline.apply(
                  "NoWarnings", Create.empty(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
              : warnings.apply("CountWarnings", Count.perElement());
    }
    return warningCounts;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return warningsTag == null
        ? Map.of(rowsTag, rows, failuresTag, failures)
        : Map.of(rowsTag, rows, failuresTag, failures, warningsTag, warnings);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, org.apache.beam.sdk.values.PInput input, PTransform<?, ?> transform) {}
}
