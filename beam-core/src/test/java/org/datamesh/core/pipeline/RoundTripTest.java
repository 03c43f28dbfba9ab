package org.datamesh.core.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import org.datamesh.core.product.DataProduct;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.TempFolders;

/**
 * A valid record round-trips: for a random schema of every type the parsers fill and random valid
 * rows (text with delimiters, quotes, line breaks, non-ASCII; empty text apart from missing
 * values), the CSV and the JSON-lines file of the same rows are parsed and published by {@link
 * DataProductPipeline} on the Direct runner, and DuckDB reads back exactly the rows written, with
 * the documented normalisations: timestamps as UTC microseconds, decimals at the column's scale.
 */
class RoundTripTest {

  private static final DataProduct CSV = DataProduct.of("props", "csv_round_trip", "1.0.0");
  private static final DataProduct JSON = DataProduct.of("props", "jsonl_round_trip", "1.0.0");

  /** One pipeline a try, both formats in it; shrinking re-runs pipelines, so it is bounded. */
  @Property(tries = 10, seed = "20261122", shrinking = ShrinkingMode.BOUNDED)
  void validRecordsReadBackUnchanged(
      @ForAll("tables") RandomTables.Table table,
      @ForAll @From("lineEnds") String lineEnd,
      @ForAll boolean endsWithBreak) throws Exception {
    Path dir = Files.createTempDirectory("round-trip");
    try {
      Path csv = Files.write(dir.resolve("in.csv"), TableFiles.csv(table, lineEnd, endsWithBreak));
      Path json = Files.write(dir.resolve("in.jsonl"), TableFiles.jsonLines(table));
      Path out = dir.resolve("out");
      ProductRuns.publish(out, Map.of(
          ProductSpec.of(CSV).readingFrom(RecordFormat.csv(table.schema())), csv,
          ProductSpec.of(JSON).readingFrom(RecordFormat.jsonLines(table.schema())), json));

      long n = table.rows().size();
      for (DataProduct product : new DataProduct[] {CSV, JSON}) {
        assertThat(
            product.id() + " quarantined " + ProductRuns.quarantine(out, product),
            ProductRuns.manifest(out, product).counts(),
            equalTo(new Manifest.Counts(n, n, 0, 0)));
        assertThat(
            product.id(),
            ProductRuns.rows(out, product, table.columns()),
            equalTo(ProductRuns.sorted(table.expected())));
      }
    } finally {
      TempFolders.delete(dir);
    }
  }

  @Provide
  Arbitrary<RandomTables.Table> tables() {
    return RandomTables.tables(6, 8);
  }

  @Provide
  Arbitrary<String> lineEnds() {
    return net.jqwik.api.Arbitraries.of("\n", "\r\n", "\r");
  }
}
