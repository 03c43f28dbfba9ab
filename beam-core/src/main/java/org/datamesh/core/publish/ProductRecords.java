package org.datamesh.core.publish;

import java.util.LinkedHashMap;
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
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;

/**
 * Everything one run of a data product produced, ready to publish: how many records came in, the
 * rows to publish, the failures to quarantine, the duplicates set aside, and (optionally) how often
 * each WARN rule fired. A domain's product transform returns it; {@link PublishDataProduct} takes it.
 *
 * <pre>{@code
 * ProductRecords records =
 *     ProductRecords.of(parsed.recordCount(), deduplicated.unique(), allFailures,
 *         deduplicated.duplicates());
 * records.apply(PublishDataProduct.of(product).to("/data/products").withRunId(runId));
 * }</pre>
 */
public final class ProductRecords implements PInput, POutput {

  private static final TupleTag<Long> INPUT_COUNT = new TupleTag<>("inputCount");
  private static final TupleTag<Row> PUBLISHED = new TupleTag<>("published");
  private static final TupleTag<Failure> QUARANTINED = new TupleTag<>("quarantined");
  private static final TupleTag<Row> DUPLICATES = new TupleTag<>("duplicates");
  private static final TupleTag<KV<String, Long>> WARNINGS = new TupleTag<>("warnings");

  private final PCollection<Long> inputCount;
  private final PCollection<Row> published;
  private final PCollection<Failure> quarantined;
  private final PCollection<Row> duplicates;
  private final @Nullable PCollection<KV<String, Long>> warnings;

  private ProductRecords(
      PCollection<Long> inputCount,
      PCollection<Row> published,
      PCollection<Failure> quarantined,
      PCollection<Row> duplicates,
      @Nullable PCollection<KV<String, Long>> warnings) {
    this.inputCount = inputCount;
    this.published = published;
    this.quarantined = quarantined;
    this.duplicates = duplicates;
    this.warnings = warnings;
  }

  /**
   * A run's records.
   *
   * @param inputCount a single element: how many records were read
   * @param published the rows to publish, with a schema
   * @param quarantined a failure for each record that cannot be published
   * @param duplicates the rows set aside as duplicates of a published row
   */
  public static ProductRecords of(
      PCollection<Long> inputCount,
      PCollection<Row> published,
      PCollection<Failure> quarantined,
      PCollection<Row> duplicates) {
    if (!published.hasSchema()) {
      throw new IllegalArgumentException("the rows to publish need a schema (setRowSchema)");
    }
    return new ProductRecords(inputCount, published, quarantined, duplicates, null);
  }

  /** Returns these records with how often each WARN rule fired, for the quality summary. */
  public ProductRecords withWarningCounts(PCollection<KV<String, Long>> warningsByRule) {
    return new ProductRecords(inputCount, published, quarantined, duplicates, warningsByRule);
  }

  public PCollection<Long> inputCount() {
    return inputCount;
  }

  public PCollection<Row> published() {
    return published;
  }

  public PCollection<Failure> quarantined() {
    return quarantined;
  }

  public PCollection<Row> duplicates() {
    return duplicates;
  }

  public @Nullable PCollection<KV<String, Long>> warningCounts() {
    return warnings;
  }

  /** Applies {@code transform} to these records, as {@code PCollection.apply} does. */
  public <OutputT extends POutput> OutputT apply(
      String name, PTransform<ProductRecords, OutputT> transform) {
    return Pipeline.applyTransform(name, this, transform);
  }

  /** Applies {@code transform} to these records, named after the transform. */
  public <OutputT extends POutput> OutputT apply(PTransform<ProductRecords, OutputT> transform) {
    return Pipeline.applyTransform(this, transform);
  }

  @Override
  public Pipeline getPipeline() {
    return published.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> values = new LinkedHashMap<>();
    values.put(INPUT_COUNT, inputCount);
    values.put(PUBLISHED, published);
    values.put(QUARANTINED, quarantined);
    values.put(DUPLICATES, duplicates);
    if (warnings != null) {
      values.put(WARNINGS, warnings);
    }
    return values;
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
