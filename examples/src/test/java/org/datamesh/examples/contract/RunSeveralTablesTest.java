package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import org.datamesh.core.publish.Manifest;
import org.datamesh.examples.cli.CliOutcome;
import org.datamesh.examples.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} on a contract of two tables: one {@code --input=TABLE=GLOB} per table, a format per
 * table, one manifest, and the summary's counts per table.
 */
class RunSeveralTablesTest {

  static final String CONTRACT =
      """
      apiVersion: v3.0.2
      kind: DataContract
      id: shop-1
      version: 1.0.0
      status: active
      dataProduct: Shop Sales
      schema:
        - name: orders
          properties:
            - name: order_id
              logicalType: string
              required: true
              primaryKey: true
            - name: total
              logicalType: integer
        - name: order_lines
          properties:
            - name: order_id
              logicalType: string
              required: true
            - name: sku
              logicalType: string
      """;

  @TempDir Path dir;

  @Test
  void eachTableReadsItsOwnInputAndOneManifestCommitsBoth() throws Exception {
    Path contract = OrdersContract.write(dir, "shop.yaml", CONTRACT);
    Files.writeString(dir.resolve("orders.csv"), "order_id,total\nO1,5\nO2,x\n");
    Files.writeString(
        dir.resolve("lines.jsonl"), "{\"order_id\": \"O1\", \"sku\": \"a\"}\n{\"sku\": \"b\"}\n");

    CliOutcome outcome =
        CliOutcome.run(
            "run", "--contract=" + contract,
            "--input=orders=" + dir.resolve("orders.csv"),
            "--input=order_lines=" + dir.resolve("lines.jsonl"),
            "--inputFormat=order_lines=jsonl",
            "--domain=shop",
            "--output=" + dir.resolve("out"), "--runner=DirectRunner");

    assertThat(outcome.err(), outcome.status(), is(ExitCode.OK));
    assertThat(
        outcome.outLines(),
        hasItem("  table orders       in 2 = published 1 + quarantined 1 + deduplicated 0"));
    assertThat(
        outcome.outLines(),
        hasItem("  table order_lines  in 2 = published 1 + quarantined 1 + deduplicated 0"));
    Manifest manifest = Manifest.read(dir.resolve("out/shop/shop_sales"));
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(4, 2, 2, 0)));
    assertThat(manifest.table("order_lines").counts().published(), equalTo(1L));
  }

  @Test
  void aProductOfSeveralTablesNeedsEachTablesInput() throws Exception {
    Path contract = OrdersContract.write(dir, "shop.yaml", CONTRACT);
    Files.writeString(dir.resolve("orders.csv"), "order_id,total\nO1,5\n");
    String output = "--output=" + dir.resolve("out");

    CliOutcome unnamed =
        CliOutcome.run("run", "--contract=" + contract, "--input=" + dir.resolve("orders.csv"), output);
    assertThat(unnamed.status(), is(ExitCode.USAGE));
    assertThat(
        unnamed.err(),
        containsString("the product has 2 tables (orders, order_lines): give each its files as"
            + " --input=TABLE=GLOB"));

    CliOutcome missing =
        CliOutcome.run(
            "run", "--contract=" + contract, "--input=orders=" + dir.resolve("orders.csv"), output);
    assertThat(missing.status(), is(ExitCode.USAGE));
    assertThat(
        missing.err(), containsString("no input for the table order_lines: add --input=order_lines=GLOB"));

    CliOutcome noFile =
        CliOutcome.run(
            "run", "--contract=" + contract, "--input=orders=" + dir.resolve("orders.csv"),
            "--input=order_lines=" + dir.resolve("none-*.jsonl"), output);
    assertThat(noFile.status(), is(ExitCode.USAGE));
    assertThat(noFile.err(), containsString("--input=order_lines=... matches no file"));
    assertThat(Files.exists(dir.resolve("out")), is(false));
  }
}
