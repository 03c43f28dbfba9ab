package org.datamesh.rules;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;

/**
 * What {@link Validate} produces: the rows that broke no ERROR rule, a failure for each row that
 * did, and how often each WARN rule fired on the rows that passed.
 */
public final class ValidationResult implements POutput {

  private final StageResult stage;
  private final TupleTag<KV<String, Long>> warningsTag;
  private final PCollection<KV<String, Long>> warningCounts;

  ValidationResult(
      StageResult stage,
      TupleTag<KV<String, Long>> warningsTag,
      PCollection<KV<String, Long>> warningCounts) {
    this.stage = stage;
    this.warningsTag = warningsTag;
    this.warningCounts = warningCounts;
  }

  /** Rows that broke no ERROR rule (they may have broken WARN rules). */
  public PCollection<Row> rows() {
    return stage.rows();
  }

  /** One failure per row that broke an ERROR rule, listing every rule it broke. */
  public PCollection<Failure> failures() {
    return stage.failures();
  }

  /** Per WARN rule id, how many published rows broke it. */
  public PCollection<KV<String, Long>> warningCounts() {
    return warningCounts;
  }

  @Override
  public Pipeline getPipeline() {
    return stage.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> values = new java.util.LinkedHashMap<>(stage.expand());
    values.put(warningsTag, warningCounts);
    return values;
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
