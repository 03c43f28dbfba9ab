package org.datamesh.core.pipeline;

import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.StageResult;
import org.datamesh.core.dedup.DeduplicateRows;
import org.datamesh.core.dedup.DeduplicationResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.protect.ProtectFailures;
import org.datamesh.core.publish.ProductRecords;

/**
 * Builds a product's records from its input files as its {@link ProductSpec} says: each record is
 * parsed and run through the record path in one step, then deduplicated by the primary key. Every
 * failure, the input count and the warnings are gathered into the {@link ProductRecords} that
 * {@code PublishDataProduct} takes, so a product needs no plumbing of its own.
 *
 * <pre>{@code
 * ProductRecords records = files.apply(BuildProduct.of(spec));
 * records.apply(PublishDataProduct.of(spec.product()).to("/data/products"));
 * }</pre>
 *
 * <p>IO stays outside, so tests feed it files and assert on every output with {@code PAssert};
 * {@link DataProductPipeline} adds reading and publishing around it.
 */
public final class BuildProduct
    extends PTransform<PCollection<FileIO.ReadableFile>, ProductRecords> {

  private final ProductSpec spec;
  private final int deduplicationShards;

  private BuildProduct(ProductSpec spec, int deduplicationShards) {
    this.spec = spec;
    this.deduplicationShards = deduplicationShards;
  }

  public static BuildProduct of(ProductSpec spec) {
    spec.outputSchema();
    return new BuildProduct(spec, DeduplicateRows.DEFAULT_SHARDS);
  }

  /**
   * Returns a {@link BuildProduct} like this one but deduplicating in {@code shards} groups (see
   * {@link DeduplicateRows#withShards}).
   */
  public BuildProduct withDeduplicationShards(int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be positive");
    }
    return new BuildProduct(spec, shards);
  }

  @Override
  public ProductRecords expand(PCollection<FileIO.ReadableFile> files) {
    StageResult records =
        files.apply("Records", spec.format().parse(spec.product().id(), spec.path()));
    return finish(spec, records, deduplicationShards);
  }

  /**
   * What every product does after its record path, wherever its records came from: deduplicates
   * by the primary key, protects the failures, gathers the counts and warnings, and runs the
   * dataset checks.
   */
  static ProductRecords finish(ProductSpec spec, StageResult records, int deduplicationShards) {
    PCollection<Row> published = records.rows();
    PCollection<Row> duplicates;
    if (spec.key().isEmpty()) {
      Schema schema = published.getSchema();
      duplicates =
          published.getPipeline().apply("NoDuplicates", Create.empty(RowCoder.of(schema)))
              .setRowSchema(schema);
    } else {
      DeduplicateRows deduplicate =
          DeduplicateRows.byKey(spec.key().toArray(new String[0]))
              .withShards(deduplicationShards);
      if (spec.latestBy() != null) {
        deduplicate = deduplicate.keepingLatestBy(spec.latestBy());
      }
      DeduplicationResult deduplicated = published.apply("Deduplicate", deduplicate);
      published = deduplicated.unique();
      duplicates = deduplicated.duplicates();
    }
    PCollection<Failure> failures = records.failures();
    if (spec.failureKeys() != null) {
      failures = failures.apply("ProtectFailures", ProtectFailures.with(spec.failureKeys()));
    }
    ProductRecords built =
        ProductRecords.of(records.recordCount(), published, failures, duplicates)
            .withWarningCounts(records.warningCounts())
            .named(spec.tableName());
    if (!spec.key().isEmpty()
        && spec.key().stream().allMatch(published.getSchema()::hasField)) {
      built = built.withUniqueKey(spec.key()); // deduplicated by it just above
    }
    if (spec.checks() == null) {
      return built;
    }
    return built.checkedBy("DatasetChecks", spec.checks());
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("product", spec.product().id()).withLabel("Product"))
        .add(DisplayData.item("version", spec.product().version()).withLabel("Contract version"))
        .add(DisplayData.item("table", spec.tableName()).withLabel("Table"))
        .add(DisplayData.item("format", spec.format().toString()).withLabel("Input format"))
        .add(DisplayData.item("key", String.join(",", spec.key())).withLabel("Primary key"))
        .addIfNotNull(DisplayData.item("latestBy", spec.latestBy()).withLabel("Keep latest by"))
        .add(
            DisplayData.item("failurePayloads", spec.failureKeys() == null ? "clear" : "encrypted")
                .withLabel("Failure payloads"))
        .add(DisplayData.item("shards", deduplicationShards).withLabel("Deduplication groups"))
        .add(DisplayData.item("checked", spec.checks() != null).withLabel("Dataset checks"));
  }
}
