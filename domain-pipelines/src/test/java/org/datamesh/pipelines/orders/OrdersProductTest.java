package org.datamesh.pipelines.orders;

import static org.datamesh.core.testing.FailureMatchers.atRecord;
import static org.datamesh.core.testing.FailureMatchers.failedAt;
import static org.datamesh.core.testing.FailureMatchers.hasRule;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.publish.ProductRecords;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The orders transform on its own, fed a file, every output asserted (Direct runner). */
@ExtendWith(TestPipelineExtension.class)
class OrdersProductTest {

  @TempDir Path dir;

  @Test
  void accountsForEveryRecordOfTheDefectiveExport(TestPipeline pipeline) throws Exception {
    Path input = OrdersInput.copyTo(dir);
    ProductRecords records =
        pipeline
            .apply(FileIO.match().filepattern(input.toString()))
            .apply(FileIO.readMatches())
            .apply(OrdersProduct.create());

    PAssert.thatSingleton(records.inputCount()).isEqualTo(OrdersInput.INPUT);
    PAssert.that(records.published())
        .satisfies(
            rows -> {
              List<String> summary = new ArrayList<>();
              for (Row r : rows) {
                summary.add(
                    r.getString("order_id") + "|" + r.getString("customer_id") + "|"
                        + r.getValue("order_ts") + "|"
                        + r.getDecimal("amount").toPlainString() + "|" + r.getString("currency")
                        + "|" + r.getString("status") + "|" + r.getInt32("quantity"));
              }
              assertThat(
                  summary,
                  containsInAnyOrder(
                      "ORD-000001|C-1|2024-03-05T09:15:30Z|19.9900|EUR|PLACED|1",
                      "ORD-000002|C-2|2024-03-05T08:00:00Z|1000.0000|JPY|SHIPPED|2",
                      "ORD-000003|C-3|2024-03-06T00:00:00Z|10.0000|USD|DELIVERED|3",
                      "ORD-000010|C-10|2024-03-07T09:00:00Z|5.0000|EUR|SHIPPED|1",
                      "ORD-000011|C-11|2024-03-07T09:00:00Z|5.0000|EUR|PLACED|250",
                      "ORD-000013|C-13, Jr|2024-03-07T09:00:00Z|7.5000|GBP|PLACED|1",
                      "ORD-000016|C-16\r\nsecond line|2024-03-07T09:00:00Z|5.0000|EUR|PLACED|1"));
              return null;
            });
    PAssert.that(records.duplicates())
        .satisfies(
            rows -> {
              List<String> ids = new ArrayList<>();
              for (Row r : rows) {
                ids.add(r.getString("order_id") + "|" + r.getString("status") + "|"
                    + r.getValue("updated_at"));
              }
              assertThat(ids, containsInAnyOrder("ORD-000010|PLACED|2024-03-07T09:00:00Z"));
              return null;
            });
    PAssert.that(records.failures())
        .satisfies(
            failures -> {
              assertThat(
                  failures,
                  containsInAnyOrder(
                      allOf(atRecord(4), failedAt(Stage.PARSE), hasRule("parse.number")),
                      allOf(atRecord(5), failedAt(Stage.VALIDATE), hasRule("amount.range")),
                      allOf(atRecord(6), failedAt(Stage.VALIDATE), hasRule("customer_id.not_null")),
                      allOf(atRecord(7), failedAt(Stage.VALIDATE), hasRule("status.allowed_values")),
                      allOf(atRecord(8), failedAt(Stage.STANDARDIZE), hasRule("standardize.timestamp")),
                      allOf(atRecord(9), failedAt(Stage.STANDARDIZE), hasRule("standardize.currency")),
                      allOf(atRecord(13), failedAt(Stage.PARSE), hasRule("parse.column_count")),
                      allOf(atRecord(14), failedAt(Stage.PARSE), hasRule("parse.empty_line")),
                      allOf(atRecord(16), failedAt(Stage.PARSE), hasRule("parse.number")),
                      allOf(atRecord(17), failedAt(Stage.VALIDATE), hasRule("quantity.range"),
                          hasRule("quantity.bulk")),
                      allOf(atRecord(19), failedAt(Stage.PARSE), hasRule("parse.encoding"))));
              return null;
            });
    PAssert.that(records.warningCounts()).containsInAnyOrder(List.of(KV.of("quantity.bulk", 1L)));
    pipeline.run().waitUntilFinish();
  }
}
