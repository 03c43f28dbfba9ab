package org.datamesh.core.dedup;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/** The rows kept (one per key) and the rows set aside as duplicates of a kept one. */
public final class DeduplicationResult implements POutput {

  private final Pipeline pipeline;
  private final TupleTag<Row> uniqueTag;
  private final PCollection<Row> unique;
  private final TupleTag<Row> duplicatesTag;
  private final PCollection<Row> duplicates;

  private DeduplicationResult(
      PCollectionTuple tuple, TupleTag<Row> uniqueTag, TupleTag<Row> duplicatesTag) {
    this.pipeline = tuple.getPipeline();
    this.uniqueTag = uniqueTag;
    this.unique = tuple.get(uniqueTag);
    this.duplicatesTag = duplicatesTag;
    this.duplicates = tuple.get(duplicatesTag);
  }

  static DeduplicationResult in(
      PCollectionTuple tuple, TupleTag<Row> uniqueTag, TupleTag<Row> duplicatesTag) {
    return new DeduplicationResult(tuple, uniqueTag, duplicatesTag);
  }

  /** One row per key: the latest. */
  public PCollection<Row> unique() {
    return unique;
  }

  /** Every other row of a key. */
  public PCollection<Row> duplicates() {
    return duplicates;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(uniqueTag, unique, duplicatesTag, duplicates);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
