package org.datamesh.examples.demo.mesh;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.product.RunId;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.relate.ContractRelationships;
import org.datamesh.rules.contract.ContractProducts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's predictions are exact: each source contract of the mesh, run on the generated
 * files through {@link DataProductPipeline} (Direct runner, relationships to published products
 * included, protected columns protected), publishes, quarantines (per stage and per rule) and
 * deduplicates exactly what the ledger says, table by table.
 */
class MeshSourcesRunTest {

  private static final String ROOT = "org/datamesh/pipelines/";

  @TempDir static Path dir;

  private static MeshLedger ledger;
  private static final DataKeys KEYS = DataKeys.generate();

  @BeforeAll
  static void generateAndPublishCustomers() throws Exception {
    // -Ddatamesh.mesh.orders=20000 checks the default size the same way (a few minutes).
    ledger =
        MeshSampleGenerator.write(
            dir.resolve("in"), MeshSize.ofOrders(Integer.getInteger("datamesh.mesh.orders", 600)),
            Long.getLong("datamesh.mesh.seed", 11));
    // Orders and interactions reference the published customers: published first.
    run("crm/crm-customers.odcs.yaml", RecordFormat.Kind.CSV, Map.of("customers", "customers.csv"));
  }

  @Test
  void customersAsTheLedgerPredicts() throws Exception {
    assertAsPredicted(Manifest.read(dir.resolve("out/crm/customers")), "customers");
  }

  @Test
  void ordersAndTheirLinesAsTheLedgerPredicts() throws Exception {
    Manifest manifest =
        run("sales/sales-orders.odcs.yaml", RecordFormat.Kind.CSV,
            Map.of("orders", "orders.csv", "order_lines", "order_lines.csv"));
    assertAsPredicted(manifest, "orders");
    assertAsPredicted(manifest, "order_lines");
  }

  @Test
  void interactionsAsTheLedgerPredicts() throws Exception {
    Manifest manifest =
        run("digital/digital-interactions.odcs.yaml", RecordFormat.Kind.JSON_LINES,
            Map.of("interactions", "interactions.jsonl"));
    assertAsPredicted(manifest, "interactions");
  }

  @Test
  void supplyProductsAsTheLedgerPredicts() throws Exception {
    assertAsPredicted(
        run("supply/supply-inventory.odcs.yaml", RecordFormat.Kind.CSV, Map.of("inventory", "inventory.csv")),
        "inventory");
    assertAsPredicted(
        run("supply/supply-shipments.odcs.yaml", RecordFormat.Kind.CSV, Map.of("shipments", "shipments.csv")),
        "shipments");
    assertAsPredicted(
        run("supply/supply-weather.odcs.yaml", RecordFormat.Kind.JSON_LINES, Map.of("weather", "weather.jsonl")),
        "weather");
  }

  @Test
  void serverLogsAsTheLedgerPredicts() throws Exception {
    assertAsPredicted(
        run("platform/platform-server-logs.odcs.yaml", RecordFormat.Kind.LOG_LINES, Map.of("requests", "server.log")),
        "requests");
  }

  private static void assertAsPredicted(Manifest manifest, String table) {
    TableLedger expected = ledger.table(table);
    Manifest.Table actual = manifest.table(table);
    assertThat(
        table,
        summary(actual.counts().input(), actual.counts().published(), actual.counts().quarantined(),
            actual.counts().deduplicated(), actual.quality().failuresByStage(),
            actual.quality().failuresByRule(), actual.quality().warningsByRule()),
        equalTo(
            summary(expected.records(), expected.published(), expected.quarantined(),
                expected.duplicates(), expected.quarantinedByStage(), expected.quarantinedByRule(),
                expected.warningsByRule())));
  }

  private static String summary(long input, long published, long quarantined, long deduplicated,
      Map<String, Long> stages, Map<String, Long> rules, Map<String, Long> warnings) {
    return "in " + input + " = published " + published + " + quarantined " + quarantined
        + " + deduplicated " + deduplicated + "; stages " + new TreeMap<>(stages) + "; rules "
        + new TreeMap<>(rules) + "; warnings " + new TreeMap<>(warnings);
  }

  /** Runs one contract as {@code run} does, its tables read from {@code files}; its manifest. */
  private static Manifest run(String contractFile, RecordFormat.Kind format, Map<String, String> files)
      throws Exception {
    DataContract contract = ContractLoader.fromClasspath(ROOT + contractFile);
    DataProductPipeline product =
        DataProductPipeline.of(ContractProducts.specs(contract, format, KEYS))
            .withRelationships(ContractRelationships.of(contract));
    for (ContractTable table : contract.tables()) {
      product = product.from(table.folder(), dir.resolve("in").resolve(files.get(table.name())).toString());
    }
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply("Product", product.to(dir.resolve("out").toString()).withRunId(RunId.generate()));
    assertThat(pipeline.run().waitUntilFinish(), equalTo(PipelineResult.State.DONE));
    return Manifest.read(dir.resolve("out").resolve(contract.product().domain()).resolve(contract.product().name()));
  }

  @Test
  void theRunsAboveMeetEveryKindOfDefect() {
    for (DefectKind kind : DefectKind.values()) {
      assertThat(kind.name(), ledger.tables().stream().mapToLong(t -> t.injected(kind)).sum(), greaterThan(0L));
    }
    assertThat(ledger.table("order_lines").orphanedByParent(), greaterThan(0L));
  }
}
