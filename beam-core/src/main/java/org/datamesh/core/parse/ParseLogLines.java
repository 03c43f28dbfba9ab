package org.datamesh.core.parse;

import java.util.regex.Pattern;
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
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.record.RecordPath;
import org.datamesh.core.record.RecordStep;

/**
 * Parses log files (one record a line, such as a web server's access log) into {@link Row}s of a
 * given schema, with a regular expression whose named groups are the fields; every line that
 * cannot be parsed becomes a {@link Failure}, and the run goes on.
 *
 * <pre>{@code
 * StageResult parsed =
 *     pipeline
 *         .apply(FileIO.match().filepattern("/var/log/nginx/access-*.log.gz"))
 *         .apply(FileIO.readMatches())
 *         .apply(
 *             ParseLogLines.of(schema, "(?<ip>\\S+) \\S+ \\S+ \\[(?<at>[^\\]]+)\\] \"(?<method>\\S+) .*")
 *                 .forProduct("web.access"));
 * }</pre>
 *
 * <p>The whole line must match the pattern. Each named group gives its field's text, parsed to the
 * field's type as CSV values are; a field without a group, a group that took no part in the match
 * and an empty group are a missing value (so {@code (?:(?<bytes>\d+)|-)} reads a {@code -} as
 * missing). A line fails when it does not match, is empty, holds invalid UTF-8, is longer than
 * {@link #withMaxRecordChars}, or has a value that is not of its field's type; every problem of
 * the line is listed, and no reason quotes the line (it may hold personal data), which is kept as
 * the failure's raw payload.
 */
public final class ParseLogLines
    extends PTransform<PCollection<FileIO.ReadableFile>, StageResult> {

  private final Schema schema;
  private final LogPattern pattern;
  private final ParseSettings settings;

  private ParseLogLines(Schema schema, LogPattern pattern, ParseSettings settings) {
    this.schema = schema;
    this.pattern = pattern;
    this.settings = settings;
  }

  /**
   * Parses lines matching {@code pattern} into rows of {@code schema}.
   *
   * @throws IllegalArgumentException if a named group of the pattern is not a field of the schema
   */
  public static ParseLogLines of(Schema schema, Pattern pattern) {
    return of(schema, LogPattern.of(pattern.pattern(), pattern.flags()));
  }

  /**
   * Parses lines matching {@code regex} into rows of {@code schema}; its group names may hold
   * underscores (see {@link LogPattern}).
   *
   * @throws IllegalArgumentException if {@code regex} does not compile, or a named group is not a
   *     field of the schema
   */
  public static ParseLogLines of(Schema schema, String regex) {
    LogPattern pattern;
    try {
      pattern = LogPattern.of(regex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the log pattern " + e.getMessage(), e);
    }
    return of(schema, pattern);
  }

  private static ParseLogLines of(Schema schema, LogPattern pattern) {
    schema.getFields().forEach(FieldValues::checkSupported);
    for (String group : pattern.groupNames()) {
      if (!schema.hasField(group)) {
        throw new IllegalArgumentException(
            "the log pattern's group '" + group + "' is not a field of the schema "
                + schema.getFieldNames());
      }
    }
    return new ParseLogLines(schema, pattern, ParseSettings.DEFAULT);
  }

  /** Returns a {@link ParseLogLines} like this one but naming {@code product} in its failures. */
  public ParseLogLines forProduct(String product) {
    return new ParseLogLines(schema, pattern, settings.withProduct(product));
  }

  /** Returns a {@link ParseLogLines} like this one but failing lines longer than {@code chars}. */
  public ParseLogLines withMaxRecordChars(int chars) {
    return new ParseLogLines(schema, pattern, settings.withMaxRecordChars(chars));
  }

  /**
   * Returns a {@link ParseLogLines} like this one but adding each row's file and line as the
   * {@link SourceField}, so failures in later stages can say where their record came from.
   */
  public ParseLogLines withSourcePositions() {
    return new ParseLogLines(schema, pattern, settings.carryingSourcePositions());
  }

  /**
   * Returns a {@link ParseLogLines} like this one but running each parsed record through {@code
   * path} before it becomes a row, in the same step; see {@link ParseJsonLines#then(RecordPath)}.
   */
  public ParseLogLines then(RecordPath path) {
    return new ParseLogLines(schema, pattern, settings.then(path, schema));
  }

  /** Returns a {@link ParseLogLines} like this one but running each parsed record through {@code steps}. */
  public ParseLogLines then(RecordStep... steps) {
    return then(RecordPath.of(steps));
  }

  @Override
  public StageResult expand(PCollection<FileIO.ReadableFile> files) {
    return RecordParsingFn.apply(
        files,
        new ParseFileFn(
            schema,
            settings.path(),
            settings.withSourcePositions(),
            settings.product(),
            settings.maxRecordChars(),
            pattern));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    settings.populateDisplayData(builder, schema);
    builder.add(DisplayData.item("pattern", pattern.regex()).withLabel("Log line pattern"));
  }

  private static final class ParseFileFn extends RecordParsingFn<FileIO.ReadableFile> {
    private final int maxRecordChars;
    private final LogPattern pattern;
    private transient LogLineParser parser;

    ParseFileFn(
        Schema schema,
        RecordPath path,
        boolean withSourcePositions,
        String product,
        int maxRecordChars,
        LogPattern pattern) {
      super(schema, path, withSourcePositions, product);
      this.maxRecordChars = maxRecordChars;
      this.pattern = pattern;
    }

    @ProcessElement
    public void process(
        @Element FileIO.ReadableFile file, BoundedWindow window, MultiOutputReceiver out) {
      readWhole(
          file,
          (name, bytes) ->
              LineRecordReader.readWhole(
                  bytes,
                  maxRecordChars,
                  (number, line) ->
                      emit(
                          parse(line, SourcePosition.fileRecord(name, number, number)),
                          window,
                          out)),
          window,
          out);
    }

    private ParseOutcome parse(BoundedLineReader.Line line, SourcePosition position) {
      if (parser == null) {
        parser = new LogLineParser(schema(), pattern, maxRecordChars, product());
      }
      return parser.parse(line, position);
    }
  }
}
