package org.datamesh.rules.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.TestPipeline;
import org.datamesh.core.contract.ContractLoader;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract of two schema objects is one product of two tables: each read from its own input,
 * with its own rules and key, committed together under one manifest whose counts balance per
 * table, and read back by DuckDB.
 */
@ExtendWith(TestPipelineExtension.class)
class SeveralTablesProductTest {

  @TempDir Path dir;

  static DataContract contract() throws Exception {
    return ContractLoader.load(
        Path.of(SeveralTablesProductTest.class.getResource("shop-sales.odcs.yaml").toURI()));
  }

  @Test
  void theContractDeclaresOneProductOfTwoTables() throws Exception {
    DataContract contract = contract();

    assertThat(contract.product().id(), equalTo("default.shop_sales_eu"));
    assertThat(
        contract.tables().stream().map(ContractTable::folder).toList(),
        contains("orders", "order_lines"));
    assertThat(contract.table("order_lines").primaryKey(), contains("order_id", "line_no"));
    assertThat(contract.relationships().get(0).from(), contains("order_lines.order_id"));
    assertThat(contract.relationships().get(0).to(), contains("orders.order_id"));
    assertThat(
        contract.notices().stream().map(ContractProblem::path).toList(),
        hasItem("schema[1].name"));
  }

  @Test
  void publishesBothTablesInOneCommit(TestPipeline pipeline) throws Exception {
    Path orders = dir.resolve("orders.csv");
    Files.writeString(
        orders,
        "order_id,placed_on,total\n"
            + "O1,2026-11-02,12.50\n"
            + "O2,2026-11-03,-4.00\n" // total below its minimum: quarantined
            + "X3,2026-11-03,1.00\n" // id against its pattern: quarantined
            + "O1,2026-11-02,12.50\n"); // a duplicate
    Path lines = dir.resolve("lines.jsonl");
    Files.writeString(
        lines,
        "{\"order_id\": \"O1\", \"line_no\": 1, \"sku\": \"apple\", \"quantity\": 2}\n"
            + "{\"order_id\": \"O1\", \"line_no\": 2, \"sku\": \"pear\", \"quantity\": 1}\n"
            + "{\"order_id\": \"O1\", \"line_no\": 3, \"sku\": \"fig\", \"quantity\": 0}\n"
            + "{\"order_id\": \"O1\", \"line_no\": \"two\", \"sku\": \"fig\"}\n");
    DataContract contract = contract();
    List<ProductSpec> tables =
        List.of(
            ContractProducts.spec(contract, contract.table("orders"), RecordFormat.Kind.CSV),
            ContractProducts.spec(
                contract, contract.table("order_lines"), RecordFormat.Kind.JSON_LINES));

    pipeline.apply(
        DataProductPipeline.of(tables)
            .from("orders", orders.toString())
            .from("order_lines", lines.toString())
            .to(dir.resolve("out").toString())
            .withRunId("run-1"));
    pipeline.run().waitUntilFinish();

    Path productDir = dir.resolve("out/default/shop_sales_eu");
    Manifest manifest = Manifest.read(productDir);
    assertThat(manifest.table("orders").counts(), equalTo(new Manifest.Counts(4, 1, 2, 1)));
    assertThat(manifest.table("order_lines").counts(), equalTo(new Manifest.Counts(4, 2, 2, 0)));
    assertThat(manifest.counts().balances(), is(true));
    assertThat(
        manifest.table("orders").quality().failuresByRule(),
        equalTo(Map.of("order_id.pattern", 1L, "total.range", 1L)));
    assertThat(
        DuckDb.query(
            "SELECT order_id, line_no, sku FROM "
                + DuckDb.parquet(productDir, manifest.table("order_lines").files())
                + " ORDER BY line_no"),
        equalTo(
            List.of(
                Map.of("order_id", "O1", "line_no", 1, "sku", "apple"),
                Map.of("order_id", "O1", "line_no", 2, "sku", "pear"))));
    assertThat(
        DuckDb.query(
            "SELECT CAST(total AS VARCHAR) AS total FROM "
                + DuckDb.parquet(productDir, manifest.table("orders").files())),
        equalTo(List.of(Map.of("total", "12.50"))));
  }
}
