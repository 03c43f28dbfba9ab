package org.datamesh.examples.demo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.pipelines.mesh.Mesh;
import org.datamesh.pipelines.mesh.MeshProduct;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every product of the mesh, unchanged, on the Direct runner and on embedded Flink: a small mesh
 * (100 orders, seed 3) built by {@code demo} on each, then each product's tables compared row for
 * row (tokens included: both use the same keys) and read back against its contract.
 */
class MeshOnRunnersIT {

  @TempDir static Path dir;

  private static Path flink;
  private static Path direct;

  @BeforeAll
  static void buildTheMeshOnBothRunners() throws Exception {
    flink = dir.resolve("flink");
    direct = dir.resolve("direct");
    String onFlink = demo("--output=" + flink, "--records=100", "--seed=3");
    assertThat(onFlink, containsString("Building 12 products on FlinkRunner"));
    // The same keys on both, so tokens can be compared too.
    Files.createDirectories(direct.resolve("_keys"));
    Files.copy(flink.resolve(DemoKeyset.FILE), direct.resolve(DemoKeyset.FILE));
    // Immutability enforcement off: the Direct runner pays it per bundle, a bundle per grouped
    // key. Each product's transforms run with it on in their own TestPipeline tests.
    String onDirect =
        demo(
            "--output=" + direct, "--records=100", "--seed=3", "--runner=DirectRunner",
            "--enforceImmutability=false");
    assertThat(onDirect, containsString("Building 12 products on DirectRunner"));
  }

  static Stream<MeshProduct> products() {
    List<MeshProduct> products = Mesh.products();
    assertThat(products, hasSize(12));
    return products.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("products")
  void isTheSameOnTheDirectRunnerAsOnEmbeddedFlink(MeshProduct product) throws Exception {
    Manifest onFlink = MeshReadback.check(flink, product);
    Manifest onDirect = MeshReadback.check(direct, product);
    assertThat(product.path() + " counts", onDirect.counts(), equalTo(onFlink.counts()));
    for (var table : product.contract().tables()) {
      // Encryption is randomized on purpose: the same name encrypts differently each time.
      String columns = product.path().equals("crm/customers") ? "* EXCLUDE (full_name)" : "*";
      String a = MeshReadback.table(flink, product.path(), table.folder());
      String b = MeshReadback.table(direct, product.path(), table.folder());
      long rows = (Long) DuckDb.query("SELECT count(*) AS n FROM " + a).get(0).get("n");
      assertThat(product.path() + "." + table.folder() + " rows", rows, greaterThan(0L));
      String differing =
          "SELECT count(*) AS n FROM ((SELECT " + columns + " FROM " + a + " EXCEPT ALL SELECT "
              + columns + " FROM " + b + ") UNION ALL (SELECT " + columns + " FROM " + b
              + " EXCEPT ALL SELECT " + columns + " FROM " + a + "))";
      assertThat(
          product.path() + "." + table.folder() + " rows that differ between the runners",
          DuckDb.query(differing).get(0).get("n"),
          is(0L));
    }
  }

  private static String demo(String... args) {
    String[] command = Stream.concat(Stream.of("demo"), Stream.of(args)).toArray(String[]::new);
    CliOutcome demo = CliOutcome.run(command);
    assertThat(demo.out() + demo.err(), demo.status(), is(0));
    // The summary table, in the test's report: which product took how long on which runner.
    System.out.println(demo.out());
    return demo.out();
  }
}
