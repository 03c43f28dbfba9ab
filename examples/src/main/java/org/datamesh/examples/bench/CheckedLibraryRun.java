package org.datamesh.examples.bench;

import java.nio.file.Path;
import java.util.List;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.pipelines.orders.OrdersProduct;
import org.datamesh.rules.dataset.Check;
import org.datamesh.rules.dataset.Comparison;
import org.datamesh.rules.dataset.DatasetChecks;

/**
 * Child JVM main: the orders product as {@link LibraryRun} runs it, with a full set of dataset
 * checks (every analyzer kind, each passing on the generated data): what checks cost.
 *
 * <pre>{@code
 * java -cp CP org.datamesh.examples.bench.CheckedLibraryRun in.csv out warm.csv --runner=FlinkRunner --parallelism=2
 * }</pre>
 */
public final class CheckedLibraryRun {

  private CheckedLibraryRun() {}

  public static void main(String[] args) {
    ChildRun.main("library-checked", args, CheckedLibraryRun::run);
  }

  static Counts run(String input, Path output, String[] beamArgs) throws Exception {
    ProductSpec spec =
        OrdersProduct.SPEC.checkedBy(
            DatasetChecks.of(
                Check.rowCount(Comparison.mustBeGreaterThan(0)),
                Check.nullValues("customer_id", Comparison.mustBe(0)),
                Check.nullValues("updated_at", Comparison.mustBeLessOrEqualTo(100)).inPercent(),
                Check.duplicateValues(List.of("order_id"), Comparison.mustBe(0)),
                Check.approxDistinct("customer_id", Comparison.mustBeGreaterThan(0)),
                Check.min("amount", Comparison.mustBeGreaterOrEqualTo(0)),
                Check.max("quantity", Comparison.mustBeGreaterThan(0)),
                Check.mean("amount", Comparison.mustBeGreaterThan(0)),
                Check.stddev("amount", Comparison.mustBeGreaterOrEqualTo(0)),
                Check.sum("quantity", Comparison.mustBeGreaterThan(0))));
    return LibraryRun.runSpec(spec, input, output, beamArgs);
  }
}
