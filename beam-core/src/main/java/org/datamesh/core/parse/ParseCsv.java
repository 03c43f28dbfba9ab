package org.datamesh.core.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.record.RecordPath;
import org.datamesh.core.record.RecordStep;

/**
 * Parses CSV files (RFC 4180) into {@link Row}s of a given schema; every record that cannot be
 * parsed becomes a {@link Failure} with a precise reason, and the run goes on.
 *
 * <pre>{@code
 * StageResult parsed =
 *     pipeline
 *         .apply(FileIO.match().filepattern("/data/orders/*.csv"))
 *         .apply(FileIO.readMatches())
 *         .apply(ParseCsv.of(schema).forProduct("sales.orders"));
 * }</pre>
 *
 * <p>The first record of each file is its header; columns are matched to schema fields by name
 * (exactly, then ignoring case), so column order does not matter and extra columns are ignored.
 * Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF and a UTF-8 byte
 * order mark are handled. An unquoted empty field is a missing value (null), a quoted one ({@code
 * ""}) an empty string.
 *
 * <p>A record fails, with every problem listed, when it is an empty line, has the wrong number of
 * columns, holds bytes that are not UTF-8, is longer than {@link #withMaxRecordChars}, has broken
 * quoting, or has a value that is not of its field's type. A header that lacks a required column
 * fails each record of that file, so nothing is dropped silently.
 *
 * <p>A file is read by one worker: quoted line breaks make splitting a file unsafe. Many files are
 * read in parallel.
 */
public final class ParseCsv extends PTransform<PCollection<FileIO.ReadableFile>, StageResult> {

  /** The longest record accepted by default, in characters. */
  public static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

  private final Schema schema;
  private final String product;
  private final char delimiter;
  private final int maxRecordChars;
  private final boolean withSourcePositions;
  private final RecordPath path;

  private ParseCsv(
      Schema schema,
      String product,
      char delimiter,
      int maxRecordChars,
      boolean withSourcePositions,
      RecordPath path) {
    this.schema = schema;
    this.product = product;
    this.delimiter = delimiter;
    this.maxRecordChars = maxRecordChars;
    this.withSourcePositions = withSourcePositions;
    this.path = path;
  }

  /** Parses CSV with a header into rows of {@code schema}. */
  public static ParseCsv of(Schema schema) {
    schema.getFields().forEach(FieldValues::checkSupported);
    return new ParseCsv(schema, "unnamed", ',', DEFAULT_MAX_RECORD_CHARS, false, RecordPath.empty());
  }

  /** Returns a {@link ParseCsv} like this one but naming {@code product} in its failures. */
  public ParseCsv forProduct(String product) {
    return new ParseCsv(schema, product, delimiter, maxRecordChars, withSourcePositions, path);
  }

  /** Returns a {@link ParseCsv} like this one but splitting fields at {@code delimiter}. */
  public ParseCsv withDelimiter(char delimiter) {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
    }
    return new ParseCsv(schema, product, delimiter, maxRecordChars, withSourcePositions, path);
  }

  /**
   * Returns a {@link ParseCsv} like this one but failing records longer than {@code chars}
   * characters instead of holding them in memory.
   */
  public ParseCsv withMaxRecordChars(int chars) {
    if (chars < 1) {
      throw new IllegalArgumentException("maxRecordChars must be positive");
    }
    return new ParseCsv(schema, product, delimiter, chars, withSourcePositions, path);
  }

  /**
   * Returns a {@link ParseCsv} like this one but adding each row's file and record number as the
   * {@link SourceField}, so failures in later stages can say where their record came from.
   */
  public ParseCsv withSourcePositions() {
    return new ParseCsv(schema, product, delimiter, maxRecordChars, true, path);
  }

  /**
   * Returns a {@link ParseCsv} like this one but running each parsed record through {@code path}
   * (validation, standardization, ...) before it becomes a row, in the same step: the rows are
   * those leaving the path, and a record failing a step becomes a failure at that step's stage,
   * holding the record's raw text.
   */
  public ParseCsv then(RecordPath path) {
    path.outputSchema(schema);
    return new ParseCsv(schema, product, delimiter, maxRecordChars, withSourcePositions, this.path.then(path));
  }

  /** Returns a {@link ParseCsv} like this one but running each parsed record through {@code steps}. */
  public ParseCsv then(RecordStep... steps) {
    return then(RecordPath.of(steps));
  }

  @Override
  public StageResult expand(PCollection<FileIO.ReadableFile> files) {
    return RecordParsingFn.apply(
        files,
        new ParseFileFn(schema, path, withSourcePositions, product, delimiter, maxRecordChars));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("product", product).withLabel("Product"))
        .add(DisplayData.item("schema", schema.toString()).withLabel("Row schema"))
        .add(DisplayData.item("delimiter", String.valueOf(delimiter)).withLabel("Delimiter"))
        .add(DisplayData.item("maxRecordChars", maxRecordChars).withLabel("Longest record"))
        .add(
            DisplayData.item("withSourcePositions", withSourcePositions)
                .withLabel("Rows carry their source position"));
    java.util.List<String> steps = path.describe();
    for (int i = 0; i < steps.size(); i++) {
      builder.add(DisplayData.item("step" + (i + 1), steps.get(i)).withLabel("Record step " + (i + 1)));
    }
  }

  /** Reads one file, record by record. */
  private static final class ParseFileFn extends RecordParsingFn<FileIO.ReadableFile> {
    private final char delimiter;
    private final int maxRecordChars;

    ParseFileFn(
        Schema schema,
        RecordPath path,
        boolean withSourcePositions,
        String product,
        char delimiter,
        int maxRecordChars) {
      super(schema, path, withSourcePositions, product);
      this.delimiter = delimiter;
      this.maxRecordChars = maxRecordChars;
    }

    @ProcessElement
    public void process(
        @Element FileIO.ReadableFile file, BoundedWindow window, MultiOutputReceiver out) {
      String name = file.getMetadata().resourceId().toString();
      try (Reader reader = Utf8Text.reader(Channels.newInputStream(file.open()))) {
        CsvTokenizer tokenizer = new CsvTokenizer(reader, delimiter, maxRecordChars);
        CsvRecord header = tokenizer.next();
        if (header == null) {
          return;
        }
        CsvHeader columns = CsvHeader.of(schema(), header);
        long recordNumber = 0;
        for (CsvRecord record = tokenizer.next(); record != null; record = tokenizer.next()) {
          recordNumber++;
          emit(columns.toOutcome(record, name, recordNumber, product()), window, out);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + name, e);
      }
    }
  }
}
