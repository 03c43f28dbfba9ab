package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.datamesh.core.product.RunId;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.KeysetFiles;
import org.datamesh.core.read.ReadDataProduct;
import org.datamesh.core.read.RoleAccess;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.demo.OrdersSampleGenerator;
import org.datamesh.pipelines.orders.OrdersPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every product pipeline we have translates to Beam's portable Runner API, which is what Dataflow
 * (Runner v2) and the portable Flink and Spark runners execute, with every function and coder
 * readable back from its bytes and a deterministic coder for every key grouped or kept state by.
 * Dataflow itself cannot run here; this is the part of its submission that can be checked
 * without it. The pipelines are built exactly as {@code run} builds them ({@link RunCommand#plan}),
 * never run.
 */
class PortableTranslationTest {

  private static final String PROTECTED_CONTRACT = "/org/datamesh/examples/keys/crm-customers.odcs.yaml";

  @TempDir Path dir;

  @Test
  void theOrdersContractsProductTranslates() throws Exception {
    Path input = dir.resolve("orders.csv");
    OrdersSampleGenerator.write(input, 50, 3);

    PortablePipeline.Report report =
        PortablePipeline.check(
            plan(
                "--contract=" + OrdersContract.write(dir, "orders.yaml"),
                "--input=" + input));

    assertProductTranslated(report, "Product/Build/");
    // The contract's dataset check (status values) is computed in the pipeline too.
    assertThat(report.functions(), hasItem(startsWith("Product/Publish/")));
  }

  @Test
  void aProductOfTwoTablesInTwoFormatsTranslates() throws Exception {
    Path contract = OrdersContract.write(dir, "shop.yaml", RunSeveralTablesTest.CONTRACT);
    Files.writeString(dir.resolve("orders.csv"), "order_id,total\nO1,5\n");
    Files.writeString(dir.resolve("lines.jsonl"), "{\"order_id\": \"O1\", \"sku\": \"a\"}\n");

    PortablePipeline.Report report =
        PortablePipeline.check(
            plan(
                "--contract=" + contract,
                "--input=orders=" + dir.resolve("orders.csv"),
                "--input=order_lines=" + dir.resolve("lines.jsonl"),
                "--inputFormat=order_lines=jsonl",
                "--domain=shop"));

    assertProductTranslated(report, "Product/orders.Build/");
    assertThat(report.groupedKeys(), hasItem(startsWith("Product/order_lines.Build/")));
  }

  @Test
  void aProtectedProductTranslatesWithItsKeysInsideItsSteps() throws Exception {
    Path keyset = dir.resolve("keyset.json");
    KeysetFiles.create(keyset);

    PortablePipeline.Report report =
        PortablePipeline.check(
            plan(
                "--contract=" + protectedContract(),
                "--input=" + protectedInput(),
                "--keyset=" + keyset));

    assertProductTranslated(report, "Product/Build/");
  }

  @Test
  void theDemosJavaProductTranslates() throws Exception {
    Path input = dir.resolve("orders.csv");
    OrdersSampleGenerator.write(input, 50, 4);
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    OrdersPipeline.addTo(pipeline, input.toString(), dir.resolve("mesh").toString(), RunId.generate());

    assertProductTranslated(PortablePipeline.check(pipeline), "Orders/");
  }

  @Test
  void aConsumerReadingAProtectedProductAsARoleTranslates() throws Exception {
    Path keyset = dir.resolve("keyset.json");
    DataKeys keys = KeysetFiles.create(keyset);
    Path out = dir.resolve("out");
    // The reader reads the manifest in force while it is built: publish one first.
    CliOutcome published =
        CliOutcome.run(
            "run", "--contract=" + protectedContract(), "--input=" + protectedInput(),
            "--output=" + out, "--keyset=" + keyset, "--runner=DirectRunner");
    assertThat(published.err(), published.status(), is(ExitCode.OK));
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    pipeline.apply(
        "Read",
        ReadDataProduct.from(out.resolve("crm/customers").toString())
            .as(RoleAccess.named("support").readingOnly("customer_id", "email", "city")
                .masking("email"))
            .withKeys(keys));

    PortablePipeline.Report report = PortablePipeline.check(pipeline);

    assertThat(report.functions(), hasItem(startsWith("Read/")));
    assertThat(report.functions(), everyItem(startsWith("Read/")));
    assertThat(report.coders(), greaterThan(0));
  }

  /**
   * The pipeline {@code run} builds for {@code args}, publishing into this test's folder on a
   * runner it never starts.
   */
  private Pipeline plan(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--output=" + dir.resolve("mesh")));
    all.addAll(List.of(args));
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return RunCommand.plan(all.toArray(String[]::new), out).pipeline();
  }

  /**
   * A product's pipeline: its record path, deduplication and commit functions read back, and its
   * deduplication groups by a deterministic key (checked by {@link PortablePipeline}).
   */
  private static void assertProductTranslated(PortablePipeline.Report report, String build) {
    assertThat(report.functions(), hasItem(startsWith(build)));
    assertThat(report.functions(), hasItem(containsString("Commit")));
    assertThat(report.groupedKeys(), hasItem(startsWith(build)));
    assertThat(report.coders(), greaterThan(0));
    assertThat(report.proto().getRootTransformIdsList(), hasSize(greaterThan(0)));
  }

  private Path protectedContract() throws Exception {
    try (InputStream in = getClass().getResourceAsStream(PROTECTED_CONTRACT)) {
      Path file = dir.resolve("crm-customers.odcs.yaml");
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  private Path protectedInput() throws Exception {
    return Files.writeString(
        dir.resolve("customers.csv"),
        "customer_id,email,phone,ssn,birth_date,city,signed_up,visits\n"
            + "C-1,a@example.com,+49 30 1234567,123-45-6789,1985-07-14,Berlin,2024-01-01T10:00:00Z,3\n",
        StandardCharsets.UTF_8);
  }
}
