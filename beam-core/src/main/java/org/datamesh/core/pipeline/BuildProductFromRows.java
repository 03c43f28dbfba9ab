package org.datamesh.core.pipeline;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.StageResult;
import org.datamesh.core.dedup.DeduplicateRows;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.record.RunRecordPath;

/**
 * Builds one table of a product from rows a pipeline computed: a consumer-aligned product (a
 * Customer 360, a forecast) made from other products. The rows go through the same record path
 * as a file's records (the contract's rules, the conversion to the published schema, the
 * protection), then the same deduplication, failure protection, counts and dataset checks as
 * {@link BuildProduct}; so a computed product keeps every promise a product read from files does.
 *
 * <pre>{@code
 * ProductSpec spec = ContractProducts.spec(contract, table, RecordFormat.Kind.ROWS, keys);
 * ProductRecords records = segments.apply(BuildProductFromRows.of(spec));
 * records.apply(PublishDataProduct.of(spec.product()).to("/data/products"));
 * }</pre>
 *
 * <p>The spec must read {@link RecordFormat#rows rows}, whose schema the rows must have (columns
 * in order, types alike but for nullability).
 */
public final class BuildProductFromRows extends PTransform<PCollection<Row>, ProductRecords> {

  private final ProductSpec spec;

  private BuildProductFromRows(ProductSpec spec) {
    this.spec = spec;
  }

  public static BuildProductFromRows of(ProductSpec spec) {
    if (spec.format().kind() != RecordFormat.Kind.ROWS) {
      throw new IllegalArgumentException(
          spec.product().id() + " reads " + spec.format() + " files; BuildProductFromRows needs a"
              + " spec reading rows (RecordFormat.rows)");
    }
    spec.outputSchema();
    return new BuildProductFromRows(spec);
  }

  @Override
  public ProductRecords expand(PCollection<Row> rows) {
    StageResult records =
        rows.apply(
            "Records",
            RunRecordPath.of(spec.path(), spec.format().schema()).forProduct(spec.product().id()));
    return BuildProduct.finish(spec, records, DeduplicateRows.DEFAULT_SHARDS);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("product", spec.product().id()).withLabel("Product"))
        .add(DisplayData.item("version", spec.product().version()).withLabel("Contract version"))
        .add(DisplayData.item("table", spec.tableName()).withLabel("Table"))
        .add(DisplayData.item("key", String.join(",", spec.key())).withLabel("Primary key"));
  }
}
