package org.datamesh.examples.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.EmbeddedFlinkFolder;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.cli.OutputFolder;
import org.datamesh.examples.cli.UsageException;
import org.datamesh.examples.demo.mesh.MeshLedger;
import org.datamesh.examples.demo.mesh.MeshSampleGenerator;
import org.datamesh.examples.demo.mesh.MeshSize;
import org.datamesh.pipelines.mesh.Mesh;
import org.datamesh.pipelines.mesh.MeshProduct;
import org.datamesh.pipelines.mesh.SourceProduct;

/**
 * {@code datamesh demo --output=DIR}: the seeds' mesh in one command. Generates sample data for
 * every domain with defects at known rates and real signal, builds the seven source-aligned
 * products and then the consumer-aligned products built from them, each as its own run in
 * dependency order, writes the catalog, and prints a table of every product with the two
 * backtests. Each source product's counts are checked against what the generator injected; a
 * mismatch, or a product that is not published, is exit 1.
 */
public final class DemoCommand implements Command {

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "Generate the sample mesh and build all its products: sources, then consumers";
  }

  @Override
  public Class<DemoOptions> optionsType() {
    return DemoOptions.class;
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    DemoOptions options = Options.parse(args, DemoOptions.class);
    EmbeddedFlinkFolder.use(options);
    Path output = OutputFolder.prepare(options.getOutput());
    if (records(options) < MeshSize.MIN_ORDERS) {
      throw new UsageException("--records must be at least " + MeshSize.MIN_ORDERS);
    }
    DataKeys keys = DemoKeyset.openOrCreate(output, out);
    Path samples = output.resolve("_samples");
    long start = System.nanoTime();
    MeshLedger ledger =
        MeshSampleGenerator.write(samples, MeshSize.ofOrders(records(options)), options.getSeed());
    out.printf(
        Locale.ROOT,
        "Generated the sample mesh (seed %d): %,d records in %d files in %s (%.1f s)%n",
        options.getSeed(), ledger.records(), ledger.tables().size(), samples, seconds(start));

    List<MeshProduct> products = chosen(options.getProducts());
    String runner = options.getRunner().getSimpleName();
    out.printf(Locale.ROOT, "Building %d products on %s, sources first:%n", products.size(), runner);
    MeshRun runs = new MeshRun(options, samples, output, keys, out);
    List<MeshRun.Outcome> outcomes = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    long records = 0;
    for (int i = 0; i < products.size(); i++) {
      MeshProduct product = products.get(i);
      out.printf(Locale.ROOT, "  [%2d/%d] %-26s ", i + 1, products.size(), product.path());
      out.flush();
      MeshRun.Outcome outcome = runs.run(product);
      outcomes.add(outcome);
      if (!outcome.published()) {
        out.println("NOT PUBLISHED: " + outcome.problem());
        break; // the products after it may read it
      }
      records += outcome.manifest().counts().input();
      out.printf(
          Locale.ROOT, "%,9d in, %,9d published  %5.1f s   (%,d records so far)%n",
          outcome.manifest().counts().input(), outcome.manifest().counts().published(),
          outcome.seconds(), records);
      if (product instanceof SourceProduct) {
        mismatches.addAll(LedgerCheck.mismatches(outcome.manifest(), ledger));
      }
    }
    MeshSummary.print(out, outcomes, output);
    out.printf(Locale.ROOT, "Whole demo: %.1f s%n", seconds(start));
    out.println("Catalog: " + output.resolve("catalog.json") + "  (page: " + output.resolve("index.html") + ")");
    if (!mismatches.isEmpty()) {
      out.println("MISMATCH against the generator's ledger:");
      mismatches.forEach(m -> out.println("  " + m));
    } else if (outcomes.stream().allMatch(MeshRun.Outcome::published)) {
      out.println("Every source product's counts match the defects the generator injected.");
    }
    boolean allPublished =
        outcomes.size() == products.size() && outcomes.stream().allMatch(MeshRun.Outcome::published);
    return allPublished && mismatches.isEmpty() ? ExitCode.OK : ExitCode.RUN_FAILED;
  }

  /** {@code --records}, or its default (kept here: bench has the option too, with another). */
  static int records(DemoOptions options) {
    return options.getRecords() == null ? MeshSize.DEFAULT_ORDERS : options.getRecords();
  }

  /** The mesh's products, or those named by {@code --products}, in the mesh's order. */
  static List<MeshProduct> chosen(String names) throws UsageException {
    List<MeshProduct> all = Mesh.products();
    if (names == null || names.isBlank()) {
      return all;
    }
    List<String> wanted = new ArrayList<>();
    for (String name : names.split(",")) {
      String path = name.trim();
      if (all.stream().noneMatch(p -> p.path().equals(path))) {
        throw new UsageException(
            "--products names " + path + ", which is not a product of the mesh; its products: "
                + String.join(", ", all.stream().map(MeshProduct::path).toList()));
      }
      wanted.add(path);
    }
    return all.stream().filter(p -> wanted.contains(p.path())).toList();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
