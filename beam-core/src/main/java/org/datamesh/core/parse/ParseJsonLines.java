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
import org.datamesh.core.failure.SourcePosition;

/**
 * Parses JSON-lines files (one JSON object per line) into {@link Row}s of a given schema; every
 * line that cannot be parsed becomes a {@link Failure}, and the run goes on.
 *
 * <pre>{@code
 * StageResult parsed =
 *     pipeline
 *         .apply(FileIO.match().filepattern("/data/events/*.jsonl"))
 *         .apply(FileIO.readMatches())
 *         .apply(ParseJsonLines.of(schema).forProduct("web.events"));
 * }</pre>
 *
 * <p>Object members are matched to schema fields by name; a missing member or JSON {@code null}
 * is a missing value, unknown members are ignored. Numbers and booleans may be JSON numbers and
 * booleans or strings holding one; a string field takes only a JSON string, a date or timestamp
 * only a string in ISO-8601 form (see {@link JsonMembers}). A line fails when it is empty, is not
 * exactly one JSON object (see {@link JsonLine}: duplicate members, text after the object, nesting
 * deeper than 1,000 levels), holds invalid UTF-8 or a NUL character (raw or escaped as
 * <code>&#92;u0000</code>), escapes half a surrogate pair (see {@link JsonEscapes}), is longer
 * than {@link #withMaxRecordChars}, or has a member that is not of its field's type; every problem
 * of the line is listed.
 *
 * <p>An uncompressed file larger than {@link #withSplitBytes} (64 MiB by default) is parsed in
 * ranges by several workers. A line cannot hold a raw line break, so any line break is a record
 * boundary; but a record's number is its line number, which only a pass from the file's start can
 * know, so one sequential scan counts the line breaks (LF, CRLF, lone CR, bytes only) and cuts the
 * file at the first line start at least {@code splitBytes} after the previous cut, as {@link
 * ParseCsv} does. Compressed and small files are read whole by one worker.
 */
public final class ParseJsonLines
    extends PTransform<PCollection<FileIO.ReadableFile>, StageResult> {

  private final Schema schema;
  private final long splitBytes;
  private final ParseSettings settings;

  private ParseJsonLines(Schema schema, long splitBytes, ParseSettings settings) {
    this.schema = schema;
    this.splitBytes = splitBytes;
    this.settings = settings;
  }

  /** Parses JSON lines into rows of {@code schema}. */
  public static ParseJsonLines of(Schema schema) {
    schema.getFields().forEach(FieldValues::checkSupported);
    return new ParseJsonLines(schema, ParseCsv.DEFAULT_SPLIT_BYTES, ParseSettings.DEFAULT);
  }

  /** Returns a {@link ParseJsonLines} like this one but naming {@code product} in its failures. */
  public ParseJsonLines forProduct(String product) {
    return new ParseJsonLines(schema, splitBytes, settings.withProduct(product));
  }

  /** Returns a {@link ParseJsonLines} like this one but failing lines longer than {@code chars}. */
  public ParseJsonLines withMaxRecordChars(int chars) {
    return new ParseJsonLines(schema, splitBytes, settings.withMaxRecordChars(chars));
  }

  /**
   * Returns a {@link ParseJsonLines} like this one but adding each row's file and line as the
   * {@link SourceField}, so failures in later stages can say where their record came from.
   */
  public ParseJsonLines withSourcePositions() {
    return new ParseJsonLines(schema, splitBytes, settings.carryingSourcePositions());
  }

  /**
   * Returns a {@link ParseJsonLines} like this one but running each parsed record through {@code
   * path} (validation, standardization, ...) before it becomes a row, in the same step: the rows
   * are those leaving the path, and a record failing a step becomes a failure at that step's
   * stage, holding the record's raw text.
   */
  public ParseJsonLines then(RecordPath path) {
    return new ParseJsonLines(schema, splitBytes, settings.then(path, schema));
  }

  /**
   * Returns a {@link ParseJsonLines} like this one but splitting uncompressed files larger than
   * {@code bytes} into ranges of about that many bytes, each parsed by its own worker.
   */
  public ParseJsonLines withSplitBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("splitBytes must be positive");
    }
    return new ParseJsonLines(schema, bytes, settings);
  }

  /** Returns a {@link ParseJsonLines} like this one but running each parsed record through {@code steps}. */
  public ParseJsonLines then(RecordStep... steps) {
    return then(RecordPath.of(steps));
  }

  @Override
  public StageResult expand(PCollection<FileIO.ReadableFile> files) {
    PCollection<FileSplit> splits =
        files.apply(
            "SplitFiles",
            new SplitFiles(new PlanSplitsFn(splitBytes, LineBoundaryScanner::new, false, true)));
    return RecordParsingFn.apply(
        splits,
        new ParseFileFn(
            schema,
            settings.path(),
            settings.withSourcePositions(),
            settings.product(),
            settings.maxRecordChars()));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    settings.populateDisplayData(builder, schema);
    builder.add(DisplayData.item("splitBytes", splitBytes).withLabel("Files larger are split at"));
  }

  /** Reads one file or one range of a file, line by line. */
  private static final class ParseFileFn extends RecordParsingFn<FileSplit> {
    private final int maxRecordChars;
    private transient JsonLineParser parser;

    ParseFileFn(
        Schema schema,
        RecordPath path,
        boolean withSourcePositions,
        String product,
        int maxRecordChars) {
      super(schema, path, withSourcePositions, product);
      this.maxRecordChars = maxRecordChars;
    }

    @ProcessElement
    public void process(
        @Element FileSplit split, BoundedWindow window, MultiOutputReceiver out) {
      FileIO.ReadableFile file = split.file();
      RecordRange range = split.range();
      if (range == null) {
        readWhole(
            file,
            (name, bytes) -> LineRecordReader.readWhole(bytes, maxRecordChars, sink(name, window, out)),
            window,
            out);
        return;
      }
      beginReading();
      String name = file.getMetadata().resourceId().toString();
      try (SeekableByteChannel channel = file.openSeekable()) {
        LineRecordReader.readRange(channel, name, range, maxRecordChars, sink(name, window, out));
      } catch (IOException e) {
        emitUnreadable(name, range.firstRecordNumber(), e, window, out);
      }
    }

    private LineRecordReader.Sink sink(String name, BoundedWindow window, MultiOutputReceiver out) {
      return (number, line) ->
          emit(parse(line, SourcePosition.fileRecord(name, number, number)), window, out);
    }

    private ParseOutcome parse(BoundedLineReader.Line line, SourcePosition position) {
      if (parser == null) {
        parser = new JsonLineParser(schema(), maxRecordChars, product());
      }
      return parser.parse(line, position);
    }
  }
}
