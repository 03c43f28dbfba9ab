package org.datamesh.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The minimal hand-written Beam pipeline for the orders job, the bar for the library's own
 * overhead: read the files, one DoFn that parses, validates and standardizes each record, a
 * GroupByKey by order id keeping the latest, and Parquet out through {@code FileIO} and {@code
 * ParquetIO}; failures go to Parquet too. Counts come from Beam metrics.
 *
 * <pre>{@code
 * Counts counts = HandwrittenBeamOrders.run("/in/orders.csv", Path.of("/out"), options);
 * }</pre>
 */
final class HandwrittenBeamOrders {

  private static final String METRICS = "bench.handwritten";
  private static final TupleTag<KV<String, CleanOrder>> CLEAN = new TupleTag<>() {};
  private static final TupleTag<GenericRecord> FAILED = new TupleTag<>() {};

  private HandwrittenBeamOrders() {}

  static Counts run(String inputPattern, Path output, PipelineOptions options) {
    Pipeline pipeline = Pipeline.create(options);
    PCollectionTuple checked =
        pipeline
            .apply("Match", FileIO.match().filepattern(inputPattern))
            .apply("Read", FileIO.readMatches())
            .apply(
                "ParseCheckStandardize",
                ParDo.of(new CheckFileFn()).withOutputTags(CLEAN, TupleTagList.of(FAILED)));
    checked
        .get(CLEAN)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), CleanOrderCoder.of()))
        .apply("ByOrderId", GroupByKey.create())
        .apply("KeepLatest", ParDo.of(new KeepLatestFn()))
        .setCoder(AvroCoder.of(OrderAvro.ORDERS))
        .apply("WriteOrders", parquet(OrderAvro.ORDERS, output.resolve("data")));
    checked
        .get(FAILED)
        .setCoder(AvroCoder.of(OrderAvro.FAILURES))
        .apply("WriteFailures", parquet(OrderAvro.FAILURES, output.resolve("quarantine")));
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the hand-written pipeline ended " + state);
    }
    return countsOf(result);
  }

  private static FileIO.Write<Void, GenericRecord> parquet(
      org.apache.avro.Schema schema, Path folder) {
    return FileIO.<GenericRecord>write()
        .via(ParquetIO.sink(schema).withCompressionCodec(ParquetWriters.CODEC))
        .to(folder.toString())
        .withPrefix("part")
        .withSuffix(".parquet");
  }

  private static Counts countsOf(PipelineResult result) {
    Map<String, Long> counters = new TreeMap<>();
    for (MetricResult<Long> counter :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace(METRICS)).build())
            .getCounters()) {
      counters.merge(counter.getName().getName(), counter.getAttempted(), Long::sum);
    }
    Map<String, Long> byStage = new TreeMap<>();
    Map<String, Long> warnings = new TreeMap<>();
    long quarantined = 0;
    for (Map.Entry<String, Long> e : counters.entrySet()) {
      if (e.getKey().startsWith("failed.")) {
        byStage.put(e.getKey().substring("failed.".length()), e.getValue());
        quarantined += e.getValue();
      } else if (e.getKey().startsWith("warning.")) {
        warnings.put(e.getKey().substring("warning.".length()), e.getValue());
      }
    }
    return new Counts(
        counters.getOrDefault("input", 0L),
        counters.getOrDefault("published", 0L),
        quarantined,
        counters.getOrDefault("duplicates", 0L),
        byStage,
        warnings);
  }

  /** Reads one file and checks each record: clean orders keyed by id, failures as records. */
  private static final class CheckFileFn extends DoFn<FileIO.ReadableFile, KV<String, CleanOrder>> {
    private final Counter input = Metrics.counter(METRICS, "input");

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out)
        throws IOException {
      String source = file.getMetadata().resourceId().toString();
      try (InputStream bytes = Channels.newInputStream(file.open());
          CsvSplitter csv = CsvSplitter.open(bytes)) {
        CsvSplitter.Record header = csv.next();
        if (header == null) {
          return;
        }
        OrderColumns columns = OrderColumns.of(header);
        long number = 0;
        for (CsvSplitter.Record record = csv.next(); record != null; record = csv.next()) {
          number++;
          input.inc();
          OrderOutcome outcome = OrderRecordCheck.check(record, number, columns);
          for (String rule : outcome.warnings()) {
            Metrics.counter(METRICS, "warning." + rule).inc();
          }
          if (outcome.isClean()) {
            out.get(CLEAN).output(KV.of(outcome.order().orderId(), outcome.order()));
          } else {
            Metrics.counter(METRICS, "failed." + outcome.failedStage()).inc();
            out.get(FAILED)
                .output(
                    OrderAvro.failure(
                        OrderAvro.FAILURES, outcome.failedStage(), outcome.failedRules(), source,
                        number, record.raw()));
          }
        }
      }
    }
  }

  /** Keeps the latest order of an id as an Avro record; counts the rest as duplicates. */
  private static final class KeepLatestFn extends DoFn<KV<String, Iterable<CleanOrder>>, GenericRecord> {
    private final Counter published = Metrics.counter(METRICS, "published");
    private final Counter duplicates = Metrics.counter(METRICS, "duplicates");

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<CleanOrder>> group, OutputReceiver<GenericRecord> out) {
      CleanOrder latest = null;
      for (CleanOrder order : group.getValue()) {
        if (latest == null) {
          latest = order;
          continue;
        }
        duplicates.inc();
        if (order.isLaterThan(latest)) {
          latest = order;
        }
      }
      published.inc();
      out.output(OrderAvro.toRecord(latest, OrderAvro.ORDERS));
    }
  }
}
