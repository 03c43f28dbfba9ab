package org.datamesh.core.pipeline;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.publish.PublishDataProduct;
import org.datamesh.core.support.DuckDb;

/**
 * Runs several products in one pipeline on the Direct runner (one pipeline costs seconds, so a
 * property publishes all of a try's products at once) and reads back what each published.
 */
final class ProductRuns {

  private ProductRuns() {}

  /** Publishes each spec from its input file under {@code out}, in one pipeline, run to its end. */
  static void publish(Path out, Map<ProductSpec, Path> inputs) {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    inputs.forEach((spec, input) ->
        pipeline.apply(
            spec.product().name(),
            DataProductPipeline.of(spec).from(input.toString()).to(out.toString()).withRunId("run-1")));
    pipeline.run().waitUntilFinish();
  }

  static Path folder(Path out, DataProduct product) {
    return Path.of(PublishDataProduct.productDirectory(out.toString(), product).toString());
  }

  static Manifest manifest(Path out, DataProduct product) throws Exception {
    return Manifest.read(folder(out, product));
  }

  /** The published rows, each as {@code columns} select and normalize them, sorted by their text. */
  static List<List<Object>> rows(Path out, DataProduct product, List<RandomTables.Column> columns)
      throws Exception {
    String select = columns.stream().map(RandomTables.Column::select).collect(Collectors.joining(", "));
    Manifest manifest = manifest(out, product);
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> read :
        DuckDb.query("SELECT " + select + " FROM " + DuckDb.parquet(folder(out, product), manifest.files()))) {
      List<Object> row = new ArrayList<>();
      List<Object> values = new ArrayList<>(read.values());
      for (int c = 0; c < columns.size(); c++) {
        row.add(columns.get(c).normalize(values.get(c)));
      }
      rows.add(row);
    }
    return sorted(rows);
  }

  /** The quarantined records' stages and reasons, for messages. */
  static List<String> quarantine(Path out, DataProduct product) throws Exception {
    Manifest manifest = manifest(out, product);
    List<String> reasons = new ArrayList<>();
    for (Map<String, Object> row :
        DuckDb.query("SELECT stage, reason FROM " + DuckDb.parquet(folder(out, product), manifest.quarantineFiles()))) {
      reasons.add(row.get("stage") + " " + row.get("reason"));
    }
    return reasons;
  }

  /** The number of rows in a product's data or quarantine files, as DuckDB counts them. */
  static long count(Path out, DataProduct product, List<String> files) throws SQLException {
    return (Long) DuckDb.query("SELECT count(*) AS n FROM " + DuckDb.parquet(folder(out, product), files))
        .get(0).get("n");
  }

  static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Object::toString));
    return copy;
  }
}
