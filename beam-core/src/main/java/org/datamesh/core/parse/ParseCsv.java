package org.datamesh.core.parse;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
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
 * (exactly, then ignoring case), so column order does not matter. Columns no field matches are not
 * published, and a nullable field without a column is published as null; either way each row read
 * under that header carries the warning {@code parse.unknown_column} or {@code
 * parse.missing_column}, counted in {@link StageResult#warningCounts}, and the file is logged once
 * (unknown columns by position only: a file without a header has a record in its place). Quoted
 * fields may hold delimiters, doubled quotes and line breaks; CRLF, LF, a lone CR and a UTF-8 byte
 * order mark are handled. An unquoted empty field is a missing value (null), a quoted one ({@code
 * ""}) an empty string.
 *
 * <p>A record fails, with every problem listed, when it is an empty line, has the wrong number of
 * columns, holds bytes that are not UTF-8 or a NUL character, is longer than {@link
 * #withMaxRecordChars}, has broken quoting, or has a value that is not of its field's type. A
 * header that lacks a required column, or names a field twice, fails each record of that file, so
 * nothing is dropped silently.
 *
 * <p><b>A quote that never closes.</b> A quoted field may span lines, so a stray quote would
 * otherwise swallow the rest of the file. When a quoted field has crossed a line break and is
 * still open at the end of the file, its record within {@link #withMaxRecordChars}, its record
 * ends at the line that opened it (failing with {@code parse.unclosed_quote}), and the lines after
 * are read again as records of their own. Once such a field makes its record longer than that, the
 * record fails as {@code parse.record_too_large} and is read on, keeping nothing, to the field's
 * closing quote (or the end of the file): no line of a long valid field is ever read as a record.
 * A stray quote that a later quote closes cannot be told from a quoted field spanning lines: the
 * lines between are one record, which fails when text follows the closing quote.
 *
 * <p><b>Splitting a large file.</b> An uncompressed file larger than {@link #withSplitBytes} (64 MiB
 * by default) is parsed in ranges by several workers, and every record keeps exactly the record
 * number, line and raw text a single reader gives it. Where a record starts cannot be seen at an
 * arbitrary byte (it may be inside a quoted field that holds line breaks, or on the line of a
 * record whose broken quoting the tokenizer skips to the line's end), so the rule is:
 *
 * <ol>
 *   <li>One sequential <i>boundary scan</i> per large file applies the tokenizer's own rules for
 *       where a record ends (quotes open only at a field's start, doubled quotes, quoted line
 *       breaks, text after a closing quote ending the record at the line's end, LF/CRLF/lone CR,
 *       a leading byte order mark) to the raw bytes. It decodes nothing: every character these
 *       rules look at is ASCII, and UTF-8 never uses an ASCII byte inside a multi-byte sequence,
 *       so the boundaries are those of the decoded text, with multi-byte characters and invalid
 *       bytes alike.
 *   <li>A range starts at the first record boundary at least {@code splitBytes} after the previous
 *       range's start (the first range right after the header) and ends where the next begins or
 *       at the end of the file. The scan notes each range's first record number and line and how
 *       many records it holds.
 *   <li>The ranges are redistributed; each worker reads the header from the file's start, then
 *       decodes only its range's bytes, starting its count at the range's first record and line.
 *       A range that does not hold the records the scan found fails the run: the file changed.
 * </ol>
 *
 * <p>The cost is one extra sequential read of each large file, with no decoding or field
 * building, before the parallel parse. Files that are compressed (a compressed stream cannot be
 * entered in the middle), not larger than {@code splitBytes}, not efficiently seekable, or split by
 * a non-ASCII delimiter are read whole by one worker, as before, without being scanned or
 * redistributed. Many files are read in parallel either way.
 */
public final class ParseCsv extends PTransform<PCollection<FileIO.ReadableFile>, StageResult> {

  /** The size above which a file is split by default, in bytes: 64 MiB. */
  public static final long DEFAULT_SPLIT_BYTES = 64L << 20;

  /** The longest record accepted by default, in characters. */
  public static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

  private final Schema schema;
  private final char delimiter;
  private final long splitBytes;
  private final ParseSettings settings;

  private ParseCsv(Schema schema, char delimiter, long splitBytes, ParseSettings settings) {
    this.schema = schema;
    this.delimiter = delimiter;
    this.splitBytes = splitBytes;
    this.settings = settings;
  }

  /** Parses CSV with a header into rows of {@code schema}. */
  public static ParseCsv of(Schema schema) {
    schema.getFields().forEach(FieldValues::checkSupported);
    return new ParseCsv(schema, ',', DEFAULT_SPLIT_BYTES, ParseSettings.DEFAULT);
  }

  /** Returns a {@link ParseCsv} like this one but naming {@code product} in its failures. */
  public ParseCsv forProduct(String product) {
    return new ParseCsv(schema, delimiter, splitBytes, settings.withProduct(product));
  }

  /** Returns a {@link ParseCsv} like this one but splitting fields at {@code delimiter}. */
  public ParseCsv withDelimiter(char delimiter) {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
    }
    return new ParseCsv(schema, delimiter, splitBytes, settings);
  }

  /**
   * Returns a {@link ParseCsv} like this one but failing records longer than {@code chars}
   * characters instead of holding them in memory.
   */
  public ParseCsv withMaxRecordChars(int chars) {
    return new ParseCsv(schema, delimiter, splitBytes, settings.withMaxRecordChars(chars));
  }

  /**
   * Returns a {@link ParseCsv} like this one but adding each row's file and record number as the
   * {@link SourceField}, so failures in later stages can say where their record came from.
   */
  public ParseCsv withSourcePositions() {
    return new ParseCsv(schema, delimiter, splitBytes, settings.carryingSourcePositions());
  }

  /**
   * Returns a {@link ParseCsv} like this one but running each parsed record through {@code path}
   * (validation, standardization, ...) before it becomes a row, in the same step: the rows are
   * those leaving the path, and a record failing a step becomes a failure at that step's stage,
   * holding the record's raw text.
   */
  public ParseCsv then(RecordPath path) {
    return new ParseCsv(schema, delimiter, splitBytes, settings.then(path, schema));
  }

  /**
   * Returns a {@link ParseCsv} like this one but splitting uncompressed files larger than {@code
   * bytes} into ranges of about that many bytes, each parsed by its own worker (see the class
   * documentation for the rule that keeps every record whole).
   */
  public ParseCsv withSplitBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("splitBytes must be positive");
    }
    return new ParseCsv(schema, delimiter, bytes, settings);
  }

  /** Returns a {@link ParseCsv} like this one but running each parsed record through {@code steps}. */
  public ParseCsv then(RecordStep... steps) {
    return then(RecordPath.of(steps));
  }

  @Override
  public StageResult expand(PCollection<FileIO.ReadableFile> files) {
    char delimiter = this.delimiter;
    int maxRecordChars = settings.maxRecordChars();
    PCollection<FileSplit> splits =
        files.apply(
            "SplitFiles",
            new SplitFiles(
                new PlanSplitsFn(
                    splitBytes,
                    in -> new CsvBoundaryScanner(in, delimiter, maxRecordChars),
                    true,
                    CsvBoundaryScanner.isScannable(delimiter))));
    return RecordParsingFn.apply(
        splits,
        new ParseSplitFn(
            schema,
            settings.path(),
            settings.withSourcePositions(),
            settings.product(),
            delimiter,
            settings.maxRecordChars()));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    settings.populateDisplayData(builder, schema);
    builder
        .add(DisplayData.item("delimiter", String.valueOf(delimiter)).withLabel("Delimiter"))
        .add(DisplayData.item("splitBytes", splitBytes).withLabel("Files larger are split at"));
  }

  /** Reads one file or one range of a file, record by record. */
  private static final class ParseSplitFn extends RecordParsingFn<FileSplit> {
    private final CsvRecordReader reader;

    ParseSplitFn(
        Schema schema,
        RecordPath path,
        boolean withSourcePositions,
        String product,
        char delimiter,
        int maxRecordChars) {
      super(schema, path, withSourcePositions, product);
      this.reader = new CsvRecordReader(schema, product, delimiter, maxRecordChars);
    }

    @ProcessElement
    public void process(
        @Element FileSplit split, BoundedWindow window, MultiOutputReceiver out) {
      FileIO.ReadableFile file = split.file();
      RecordRange range = split.range();
      if (range == null) {
        readWhole(
            file,
            (name, bytes) -> reader.readWhole(bytes, name, outcome -> emit(outcome, window, out)),
            window,
            out);
        return;
      }
      beginReading();
      String name = file.getMetadata().resourceId().toString();
      try (SeekableByteChannel channel = file.openSeekable()) {
        reader.readRange(channel, name, range, outcome -> emit(outcome, window, out));
      } catch (IOException e) {
        emitUnreadable(name, range.firstRecordNumber(), e, window, out);
      }
    }
  }
}
