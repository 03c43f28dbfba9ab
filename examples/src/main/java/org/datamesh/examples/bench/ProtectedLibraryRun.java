package org.datamesh.examples.bench;

import java.nio.file.Path;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.FieldProtection;
import org.datamesh.core.protect.ProtectionStep;
import org.datamesh.pipelines.orders.OrdersProduct;

/**
 * Child JVM main: the orders product as {@link LibraryRun} runs it, with its customer column
 * tokenized and its status encrypted (fresh keys each run): what protection costs.
 *
 * <pre>{@code
 * java -cp CP org.datamesh.examples.bench.ProtectedLibraryRun in.csv out warm.csv --runner=FlinkRunner --parallelism=2
 * }</pre>
 */
public final class ProtectedLibraryRun {

  private ProtectedLibraryRun() {}

  public static void main(String[] args) {
    ChildRun.main("library-protected", args, ProtectedLibraryRun::run);
  }

  static Counts run(String input, Path output, String[] beamArgs) throws Exception {
    ProductSpec spec =
        OrdersProduct.SPEC.protectedBy(
            ProtectionStep.of(
                DataKeys.generate(),
                FieldProtection.tokenize("customer_id"),
                FieldProtection.encrypt("status")));
    return LibraryRun.runSpec(spec, input, output, beamArgs);
  }

}
