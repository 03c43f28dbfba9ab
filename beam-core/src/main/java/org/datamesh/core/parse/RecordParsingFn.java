package org.datamesh.core.parse;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.StageResult;
import org.datamesh.core.coders.CompactRowCoder;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.record.RecordPath;
import org.datamesh.core.record.StepFailure;

/**
 * What every parsing step shares: its outputs, the row schema (with the {@link SourceField} when
 * asked for), the record path each parsed record runs through before it becomes a row, the
 * counters a run's summary reads, and how the step is applied.
 */
abstract class RecordParsingFn<InputT> extends DoFn<InputT, Row> {

  static final String METRICS_NAMESPACE = "datamesh.parse";

  private final Schema schema;
  private final RecordPath path;
  private final Schema outputSchema;
  private final boolean withSourcePositions;
  private final String product;
  private final boolean countsRecords;
  private final TupleTag<Row> rows = new TupleTag<>() {};
  private final TupleTag<RecordNote> notes = new TupleTag<>() {};
  private final Counter parsedCounter = Metrics.counter(METRICS_NAMESPACE, "rows");
  private final Counter failedCounter = Metrics.counter(METRICS_NAMESPACE, "failures");
  private transient RecordPath.Compiled compiled;
  private transient long parsed;
  private transient long failed;
  private transient Map<BoundedWindow, BundleTally> tallies;
  private transient @Nullable SourcePosition lastEmitted;

  RecordParsingFn(Schema schema, RecordPath path, boolean withSourcePositions, String product) {
    this(schema, path, withSourcePositions, product, true);
  }

  /**
   * @param countsRecords whether each bundle reports how many records it read and the warnings
   *     they raised, per window (what a bounded run's summary sums); a stream counts its messages
   *     per event-time window itself instead
   */
  RecordParsingFn(
      Schema schema,
      RecordPath path,
      boolean withSourcePositions,
      String product,
      boolean countsRecords) {
    this.countsRecords = countsRecords;
    this.schema = schema;
    this.path = path;
    Schema pathOutput = path.outputSchema(schema);
    this.withSourcePositions = withSourcePositions;
    this.outputSchema = withSourcePositions ? SourceField.addTo(pathOutput) : pathOutput;
    this.product = product;
  }

  /**
   * Parses {@code input} with {@code fn}.
   *
   * <p>The rows are not redistributed after parsing. Measured on the orders demo (2 cores), a
   * random-key reshuffle here brought embedded Flink nothing (the deduplication's grouping
   * redistributes anyway) and nearly doubled the Direct runner's time, which pays per bundle and
   * gets one bundle per random key. The input is spread instead where that pays: {@link ParseCsv}
   * redistributes the ranges of a large file before they are parsed.
   */
  static <InputT> StageResult apply(PCollection<InputT> input, RecordParsingFn<InputT> fn) {
    PCollectionTuple parsed =
        input.apply(
            "ParseRecords", ParDo.of(fn).withOutputTags(fn.rows, TupleTagList.of(fn.notes)));
    PCollection<Row> rows = parsed.get(fn.rows).setCoder(CompactRowCoder.of(fn.outputSchema));
    PCollection<RecordNote> notes = parsed.get(fn.notes).setCoder(new RecordNote.Coder());
    return RecordNotes.split(rows, notes);
  }

  /**
   * Parses {@code input} with {@code fn}, a step that does not count records: the rows, the
   * failures and each WARN hit, with no grouping, so the input may be unbounded.
   */
  static <InputT> StageResult applyUncounted(PCollection<InputT> input, RecordParsingFn<InputT> fn) {
    PCollectionTuple parsed =
        input.apply(
            "ParseRecords", ParDo.of(fn).withOutputTags(fn.rows, TupleTagList.of(fn.notes)));
    PCollection<Row> rows = parsed.get(fn.rows).setCoder(CompactRowCoder.of(fn.outputSchema));
    PCollection<RecordNote> notes = parsed.get(fn.notes).setCoder(new RecordNote.Coder());
    return RecordNotes.unbounded(rows, notes);
  }

  Schema schema() {
    return schema;
  }

  String product() {
    return product;
  }

  @Setup
  public void compilePath() {
    compiled = path.compile(schema);
  }

  @StartBundle
  public void startBundle() {
    parsed = 0;
    failed = 0;
    tallies = new HashMap<>();
  }

  /**
   * Starts reading one file or range: {@link #emitUnreadable} numbers a failure after the last
   * record of this reading only, never after one of another range parsed in the same bundle.
   */
  void beginReading() {
    lastEmitted = null;
  }

  /**
   * Counters, record counts and warning counts leave once a bundle, per window, rather than once
   * a record.
   */
  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    parsedCounter.inc(parsed);
    failedCounter.inc(failed);
    if (!countsRecords) {
      return;
    }
    for (Map.Entry<BoundedWindow, BundleTally> entry : tallies.entrySet()) {
      BoundedWindow window = entry.getKey();
      BundleTally tally = entry.getValue();
      context.output(notes, RecordNote.records(tally.records), window.maxTimestamp(), window);
      for (Map.Entry<String, Long> warning : tally.warnings.entrySet()) {
        context.output(
            notes,
            RecordNote.warnings(warning.getKey(), warning.getValue()),
            window.maxTimestamp(),
            window);
      }
    }
  }

  /** The outcome of a record that could not be parsed, with every problem found and its text. */
  ParseOutcome parseFailure(List<Violation> problems, SourcePosition position, String raw) {
    return ParseOutcome.failure(product, problems, position, raw);
  }

  /** Reads the records of one stream of bytes named {@code name}, from its start. */
  interface WholeReader {
    void read(String name, ReadableByteChannel bytes) throws IOException;
  }

  /**
   * Reads {@code file} from its start with {@code reader}: once, or once for each entry of a zip
   * archive, each entry named as its records' source (see {@link FileContents}). A part that
   * cannot be read to its end becomes one {@code parse.read} failure after its last record; bytes
   * after a gzip file's data that are not data do too, once every record before them is read. An
   * archive is not read past an entry that fails: its structure is lost from there.
   */
  void readWhole(
      FileIO.ReadableFile file, WholeReader reader, BoundedWindow window, MultiOutputReceiver out) {
    beginReading();
    String name = file.getMetadata().resourceId().toString();
    try (FileContents contents = FileContents.open(file)) {
      for (FileContents.Part part = contents.next(); part != null; part = contents.next()) {
        beginReading();
        try {
          reader.read(part.name(), part.bytes());
          part.checkEnd();
        } catch (IOException e) {
          emitUnreadable(part.name(), 1, e, window, out);
          return;
        }
      }
    } catch (IOException e) {
      emitUnreadable(name, 1, e, window, out);
    }
  }

  /**
   * Ends the reading of {@code file} that {@code e} broke off: the records read before stay as
   * they are, and the rest of the file becomes one failure, {@code parse.read}, numbered after the
   * last record read from it ({@code firstRecord} when none was). So a truncated or corrupt
   * compressed file, or one that cannot be opened, is counted and quarantined, and the run goes
   * on with the other files, as it does past a bad record.
   */
  void emitUnreadable(
      String file, long firstRecord, IOException e, BoundedWindow window, MultiOutputReceiver out) {
    long number = firstRecord;
    if (lastEmitted != null
        && lastEmitted.source().equals(file)
        && lastEmitted.offset() >= firstRecord) {
      number = lastEmitted.offset() + 1;
    }
    String reason =
        (number == firstRecord ? "the file could not be read: " : "the file could not be read past"
            + " record " + (number - 1) + ": ") + ReadProblems.describe(e);
    emit(
        parseFailure(
            List.of(Violation.error("parse.read", null, reason)),
            SourcePosition.of(file, null, number, null),
            ""),
        window,
        out);
  }

  void emit(ParseOutcome outcome, BoundedWindow window, MultiOutputReceiver out) {
    lastEmitted = outcome.position();
    // A bounded run counts per bundle; a stream counts its messages per window itself.
    BundleTally tally =
        countsRecords ? tallies.computeIfAbsent(window, w -> new BundleTally()) : null;
    if (tally != null) {
      tally.records++;
    }
    if (outcome.values() == null) {
      failed++;
      out.get(notes).output(RecordNote.of(outcome.failure()));
      return;
    }
    // Counted per bundle in a bounded run; on a stream, each hit leaves with its record's
    // timestamp, so that it is counted in the record's event-time window.
    Consumer<String> warn =
        tally != null ? tally::warn : rule -> out.get(notes).output(RecordNote.warnings(rule, 1));
    StepFailure stopped = compiled.run(outcome.values(), warn);
    if (stopped != null) {
      failed++;
      out.get(notes)
          .output(RecordNote.of(
              Failure.builder(stopped.stage(), product)
                  .setViolations(stopped.violations())
                  .setSource(outcome.position())
                  .setRawPayload(outcome.raw())
                  .build()));
      return;
    }
    parsed++;
    outcome.warnings().forEach(warn);
    Object[] values = compiled.values();
    if (withSourcePositions) {
      values = Arrays.copyOf(values, values.length + 1);
      values[values.length - 1] = SourceField.valueOf(outcome.position());
    }
    // The values come from our own parsers and steps, typed for the schema: attaching them skips
    // Row.Builder's per-value checks, which runners with encodability checks repeat anyway.
    out.get(rows).output(Row.withSchema(outputSchema).attachValues(Arrays.asList(values)));
  }

  /** What one bundle read in one window. */
  private static final class BundleTally {
    long records;
    final Map<String, Long> warnings = new HashMap<>();

    void warn(String ruleId) {
      warnings.merge(ruleId, 1L, Long::sum);
    }
  }
}
