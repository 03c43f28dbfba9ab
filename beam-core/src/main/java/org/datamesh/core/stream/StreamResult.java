package org.datamesh.core.stream;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.datamesh.core.failure.Failure;

/**
 * What a streaming product produces ({@link StreamDataProduct}): the rows to publish, the failures
 * to quarantine, the rows set aside as duplicates, a {@link WindowTally} per window and pane,
 * and what the dataset checks found per window ({@link WindowQuality}).
 * Every message ends in exactly one of the first three.
 */
public final class StreamResult implements POutput {

  private static final TupleTag<Row> PUBLISHED = new TupleTag<>("published");
  private static final TupleTag<Failure> FAILURES = new TupleTag<>("failures");
  private static final TupleTag<Row> DUPLICATES = new TupleTag<>("duplicates");
  private static final TupleTag<WindowTally> TALLIES = new TupleTag<>("tallies");
  private static final TupleTag<WindowQuality> QUALITY = new TupleTag<>("quality");
  private static final TupleTag<String> MANIFESTS = new TupleTag<>("manifests");

  private final Pipeline pipeline;
  private final PCollection<Row> published;
  private final PCollection<Failure> failures;
  private final PCollection<Row> duplicates;
  private final PCollection<WindowTally> tallies;
  private final PCollection<WindowQuality> quality;
  private final PCollection<String> manifests;

  StreamResult(
      PCollection<Row> published,
      PCollection<Failure> failures,
      PCollection<Row> duplicates,
      PCollection<WindowTally> tallies,
      PCollection<WindowQuality> quality,
      PCollection<String> manifests) {
    this.pipeline = published.getPipeline();
    this.published = published;
    this.failures = failures;
    this.duplicates = duplicates;
    this.tallies = tallies;
    this.quality = quality;
    this.manifests = manifests;
  }

  /**
   * The rows to publish, protected, in the product's published schema plus the {@link
   * org.datamesh.core.failure.SourceField} (topic, partition, offset): a key's first row, then its
   * newer versions.
   */
  public PCollection<Row> published() {
    return published;
  }

  /** Every message that failed to parse or a step, with its reasons; payloads protected. */
  public PCollection<Failure> failures() {
    return failures;
  }

  /** The rows set aside as repeats or older versions of a key already published. */
  public PCollection<Row> duplicates() {
    return duplicates;
  }

  /** The counts of each event-time window, per pane. */
  public PCollection<WindowTally> tallies() {
    return tallies;
  }

  /** What the spec's dataset checks found in each window; empty when it has none. */
  public PCollection<WindowQuality> quality() {
    return quality;
  }

  /**
   * The product's manifest (its JSON, {@link org.datamesh.core.publish.Manifest#parse}) after
   * each commit of a window's files; empty when the product publishes no files ({@link
   * StreamDataProduct#withFiles}).
   */
  public PCollection<String> manifests() {
    return manifests;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(
        PUBLISHED, published, FAILURES, failures, DUPLICATES, duplicates, TALLIES, tallies,
        QUALITY, quality, MANIFESTS, manifests);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
