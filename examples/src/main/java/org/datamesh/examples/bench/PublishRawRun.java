package org.datamesh.examples.bench;

import java.nio.file.Path;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Child JVM main: the raw parquet-java baseline of the publication scenario, one thread, one
 * {@code AvroParquetWriter} with the library's schema, codec and row-group size
 * ({@link ParquetWriters}). The input argument is the number of rows.
 *
 * <pre>{@code
 * java -cp CP org.datamesh.examples.bench.PublishRawRun 100000 out 1000
 * }</pre>
 */
public final class PublishRawRun {

  private PublishRawRun() {}

  public static void main(String[] args) {
    ChildRun.main("publish-raw", args, PublishRawRun::run);
  }

  static Counts run(String rows, Path output, String[] beamArgs) throws Exception {
    long count = Long.parseLong(rows);
    try (ParquetWriter<GenericRecord> out =
        ParquetWriters.open(output.resolve("part-00000.parquet"), OrderAvro.ORDERS)) {
      for (long i = 0; i < count; i++) {
        out.write(OrderAvro.toRecord(SyntheticOrders.order(i), OrderAvro.ORDERS));
      }
    }
    return Counts.rows(count);
  }
}
