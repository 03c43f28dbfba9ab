package org.datamesh.core;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;

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
  private @Nullable PCollection<Long> recordCount;

  private StageResult(
      Pipeline pipeline,
      TupleTag<Row> rowsTag,
      PCollection<Row> rows,
      TupleTag<Failure> failuresTag,
      PCollection<Failure> failures) {
    this.pipeline = pipeline;
    this.rowsTag = rowsTag;
    this.rows = rows;
    this.failuresTag = failuresTag;
    this.failures = failures;
  }

  /** The result held by {@code tuple} under the two tags. */
  public static StageResult in(
      PCollectionTuple tuple, TupleTag<Row> rowsTag, TupleTag<Failure> failuresTag) {
    return new StageResult(
        tuple.getPipeline(), rowsTag, tuple.get(rowsTag), failuresTag, tuple.get(failuresTag));
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

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(rowsTag, rows, failuresTag, failures);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, org.apache.beam.sdk.values.PInput input, PTransform<?, ?> transform) {}
}
