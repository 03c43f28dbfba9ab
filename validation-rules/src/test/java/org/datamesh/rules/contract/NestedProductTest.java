package org.datamesh.rules.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.TestPipeline;
import org.datamesh.core.contract.ContractLoader;
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
 * A product whose contract has objects, arrays of scalars and of objects, an array of arrays,
 * times of day, and dates and timestamps in declared formats and zones, run from JSON lines
 * through the whole spine on the Direct runner, then read back by DuckDB.
 */
@ExtendWith(TestPipelineExtension.class)
class NestedProductTest {

  @TempDir Path dir;

  static DataContract contract() throws Exception {
    try (InputStream yaml =
        NestedProductTest.class.getResourceAsStream("/nested/shop-orders.odcs.yaml")) {
      return ContractLoader.parse(new String(yaml.readAllBytes(), "UTF-8"), "shop-orders");
    }
  }

  private Path publish(TestPipeline pipeline, String inputResource, RecordFormat.Kind format)
      throws Exception {
    Path input = dir.resolve("in").resolve(inputResource);
    Files.createDirectories(input.getParent());
    try (InputStream in = NestedProductTest.class.getResourceAsStream("/nested/" + inputResource)) {
      Files.copy(in, input);
    }
    ProductSpec spec = ContractProducts.spec(contract(), format);
    Path out = dir.resolve("out");
    pipeline.apply(
        DataProductPipeline.of(spec).from(input.toString()).to(out.toString()).withRunId("run-1"));
    pipeline.run().waitUntilFinish();
    return out.resolve("shop/nested_orders");
  }

  @Test
  void publishesNestedValuesAndQuarantinesEachBadOneByItsPath(TestPipeline pipeline)
      throws Exception {
    Path product = publish(pipeline, "orders.jsonl", RecordFormat.Kind.JSON_LINES);

    Manifest manifest = Manifest.read(product);
    // 16 lines: O1 twice (the later one wins), O2, and 13 with one defect each.
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(16, 2, 13, 1)));
    assertThat(
        quarantine(product, manifest),
        containsInAnyOrder(
            "PARSE parse.json_type customer.address.zip: customer.address.zip is a JSON number, not a string",
            "PARSE parse.json_type lines: lines is a JSON object, not an array",
            "PARSE parse.number lines[1].quantity: lines[1].quantity is not a 32-bit integer (digits only, no point or exponent)",
            "PARSE parse.number matrix[1][1]: matrix[1][1] is not a 64-bit integer (digits only, no point or exponent)",
            "PARSE parse.date delivery_day: delivery_day is not a date in dd.MM.yyyy or ISO-8601",
            "VALIDATE lines[].quantity.range lines[1].quantity: lines[1].quantity must be at least 1",
            "VALIDATE customer.address.zip.pattern customer.address.zip: customer.address.zip must match [0-9]{5}",
            "VALIDATE customer.name.not_null customer.name: customer.name is required but missing",
            "VALIDATE customer.not_null customer: customer is required but missing",
            "VALIDATE tags[].length tags[2]: tags[2] must be between 0 and 10 characters long",
            "VALIDATE slots[].not_null slots[1]: slots[1] is required but missing",
            "VALIDATE pickup_time.range pickup_time: pickup_time must be at least 08:00:00 and at most 20:00:00",
            "STANDARDIZE standardize.timestamp placed_at: placed_at is not a timestamp in a known"
                + " format (ISO-8601 or dd/MM/yyyy HH:mm:ss)"));

    String data = DuckDb.parquet(product, manifest.files());
    Map<String, String> types = DuckDb.columnTypes(data);
    assertThat(
        types.get("customer"),
        equalTo(
            "STRUCT(\"name\" VARCHAR, address STRUCT(street VARCHAR, zip VARCHAR,"
                + " since TIMESTAMP WITH TIME ZONE))"));
    assertThat(types.get("tags"), equalTo("VARCHAR[]"));
    assertThat(
        types.get("lines"), equalTo("STRUCT(sku VARCHAR, quantity INTEGER, price DECIMAL(10,2))[]"));
    assertThat(types.get("matrix"), equalTo("BIGINT[][]"));
    // parquet-avro writes Avro time-micros as TIME(MICROS, adjusted to UTC): DuckDB's TIMETZ.
    assertThat(types.get("pickup_time"), equalTo("TIME WITH TIME ZONE"));
    assertThat(types.get("delivery_day"), equalTo("DATE"));

    List<Map<String, Object>> rows =
        DuckDb.query(
            "SELECT order_id, epoch_ms(placed_at) AS placed_ms, CAST(delivery_day AS VARCHAR) AS day,"
                + " CAST(CAST(pickup_time AS TIME) AS VARCHAR) AS pickup, customer.name AS name,"
                + " customer.address.street AS street, customer.address.zip AS zip,"
                + " epoch_ms(customer.address.since) AS since_ms, CAST(tags AS VARCHAR) AS tags,"
                + " len(lines) AS line_count, lines[1].sku AS sku1, lines[1].quantity AS qty1,"
                + " CAST(lines[1].price AS VARCHAR) AS price1, CAST(lines[2].price AS VARCHAR) AS price2,"
                + " CAST(matrix AS VARCHAR) AS matrix,"
                + " CAST(list_transform(slots, lambda s: CAST(s AS TIME)) AS VARCHAR) AS slots"
                + " FROM " + data + " ORDER BY order_id");
    Map<String, Object> o1 = rows.get(0);
    // 05/03/2024 10:15:30 in Paris (UTC+1) is 09:15:30Z.
    assertThat(o1.get("placed_ms"), equalTo(java.time.Instant.parse("2024-03-05T09:15:30Z").toEpochMilli()));
    assertThat(o1.get("day"), equalTo("2024-03-07"));
    assertThat(o1.get("pickup"), equalTo("09:30:15.123456"));
    assertThat(o1.get("name"), equalTo("Ada"));
    assertThat(o1.get("street"), equalTo("1 Rue X"));
    assertThat(o1.get("zip"), equalTo("75001"));
    // 2019-06-01 09:00 in New York (UTC-4 in June).
    assertThat(o1.get("since_ms"), equalTo(java.time.Instant.parse("2019-06-01T13:00:00Z").toEpochMilli()));
    assertThat(o1.get("tags"), equalTo("[gift, NULL, fragile]"));
    assertThat(o1.get("line_count"), equalTo(2L));
    assertThat(o1.get("sku1"), equalTo("A-1"));
    assertThat(o1.get("qty1"), equalTo(2));
    assertThat(o1.get("price1"), equalTo("9.50"));
    assertThat(o1.get("price2"), equalTo("12.00"));
    assertThat(o1.get("matrix"), equalTo("[[1, 2], [3]]"));
    assertThat(o1.get("slots"), equalTo("['08:00:00', '12:30:00']")); // DuckDB 2 quotes times in a list
    Map<String, Object> o2 = rows.get(1);
    assertThat(o2.get("placed_ms"), equalTo(java.time.Instant.parse("2024-03-05T10:15:30Z").toEpochMilli()));
    assertThat(o2.get("name"), equalTo("Bob"));
    assertThat(o2.get("zip"), equalTo(null));
    assertThat(o2.get("tags"), equalTo("[]"));
    assertThat(o2.get("line_count"), equalTo(0L));
    assertThat(o2.get("slots"), equalTo(null));
  }

  @Test
  void readsObjectAndArrayColumnsOfCsvAsJsonText(TestPipeline pipeline) throws Exception {
    Path product = publish(pipeline, "orders.csv", RecordFormat.Kind.CSV);

    Manifest manifest = Manifest.read(product);
    assertThat(manifest.counts(), equalTo(new Manifest.Counts(4, 1, 3, 0)));
    assertThat(
        quarantine(product, manifest),
        containsInAnyOrder(
            "PARSE parse.json customer: customer holds no JSON value: it ends inside its JSON value"
                + " (column 9)",
            "PARSE parse.number lines[0].quantity: lines[0].quantity is not a 32-bit integer"
                + " (digits only, no point or exponent)",
            "PARSE parse.json_type lines: lines is a JSON object, not an array"));
    Map<String, Object> o1 =
        DuckDb.query(
                "SELECT customer.address.zip AS zip, CAST(tags AS VARCHAR) AS tags,"
                    + " lines[1].quantity AS qty, CAST(lines[1].price AS VARCHAR) AS price,"
                    + " CAST(matrix AS VARCHAR) AS matrix, CAST(CAST(pickup_time AS TIME) AS VARCHAR) AS pickup"
                    + " FROM " + DuckDb.parquet(product, manifest.files()))
            .get(0);
    assertThat(o1.get("zip"), equalTo("75001"));
    assertThat(o1.get("tags"), equalTo("[gift]"));
    assertThat(o1.get("qty"), equalTo(2));
    assertThat(o1.get("price"), equalTo("9.50"));
    assertThat(o1.get("matrix"), equalTo("[[1], [2, 3]]"));
    assertThat(o1.get("pickup"), equalTo("09:30:15"));
  }

  /** Each quarantined record as "STAGE rule field: reason", one violation each here. */
  private static List<String> quarantine(Path product, Manifest manifest) throws Exception {
    List<String> seen = new ArrayList<>();
    for (Map<String, Object> row :
        DuckDb.query(
            "SELECT stage, v.rule_id AS rule, v.field AS field, v.reason AS reason FROM"
                + " (SELECT stage, unnest(violations) AS v FROM "
                + DuckDb.parquet(product, manifest.quarantineFiles())
                + ")")) {
      seen.add(row.get("stage") + " " + row.get("rule") + " " + row.get("field") + ": " + row.get("reason"));
    }
    return seen;
  }
}
