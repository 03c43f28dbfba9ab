package org.datamesh.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * The plain-Java floor: the orders product's whole job in one thread, with no framework. Reads the
 * CSV, checks and standardizes each record ({@link OrderRecordCheck}), keeps the latest record per
 * order id in a hash map, writes the failures and then the orders as Snappy Parquet.
 *
 * <pre>{@code
 * Counts counts = PlainJavaOrders.run(Path.of("orders.csv"), Path.of("out"));
 * // out/data/part-00000.parquet, out/quarantine/part-00000.parquet
 * }</pre>
 *
 * <p>It must report exactly the library's counts on the same file; the bench checks that.
 */
final class PlainJavaOrders {

  private PlainJavaOrders() {}

  static Counts run(Path input, Path output) throws IOException {
    Map<String, Long> failuresByStage = new TreeMap<>();
    Map<String, Long> warningsByRule = new TreeMap<>();
    Map<String, CleanOrder> latest = new LinkedHashMap<>();
    List<CleanOrder> withoutId = new ArrayList<>();
    long records = 0;
    long quarantined = 0;
    long duplicates = 0;
    String source = input.toAbsolutePath().toString();
    try (InputStream bytes = Files.newInputStream(input);
        CsvSplitter csv = CsvSplitter.open(bytes);
        ParquetWriter<GenericRecord> failures =
            ParquetWriters.open(output.resolve("quarantine/part-00000.parquet"), OrderAvro.FAILURES)) {
      CsvSplitter.Record header = csv.next();
      OrderColumns columns = header == null ? null : OrderColumns.of(header);
      for (CsvSplitter.Record record = csv.next(); record != null; record = csv.next()) {
        records++;
        OrderOutcome outcome = OrderRecordCheck.check(record, records, columns);
        for (String rule : outcome.warnings()) {
          warningsByRule.merge(rule, 1L, Long::sum);
        }
        if (!outcome.isClean()) {
          quarantined++;
          failuresByStage.merge(outcome.failedStage(), 1L, Long::sum);
          failures.write(
              OrderAvro.failure(
                  OrderAvro.FAILURES, outcome.failedStage(), outcome.failedRules(), source,
                  records, record.raw()));
          continue;
        }
        CleanOrder order = outcome.order();
        if (order.orderId() == null) {
          withoutId.add(order); // never merged, as in the library
          continue;
        }
        CleanOrder kept = latest.putIfAbsent(order.orderId(), order);
        if (kept != null) {
          duplicates++;
          if (order.isLaterThan(kept)) {
            latest.put(order.orderId(), order);
          }
        }
      }
    }
    try (ParquetWriter<GenericRecord> data =
        ParquetWriters.open(output.resolve("data/part-00000.parquet"), OrderAvro.ORDERS)) {
      for (CleanOrder order : latest.values()) {
        data.write(OrderAvro.toRecord(order, OrderAvro.ORDERS));
      }
      for (CleanOrder order : withoutId) {
        data.write(OrderAvro.toRecord(order, OrderAvro.ORDERS));
      }
    }
    long published = latest.size() + withoutId.size();
    return new Counts(records, published, quarantined, duplicates, failuresByStage, warningsByRule);
  }
}
