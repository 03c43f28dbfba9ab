package org.datamesh.core.pipeline;

import java.io.Serializable;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.StageResult;
import org.datamesh.core.parse.ParseCsv;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.parse.ParseJsonLines;
import org.datamesh.core.parse.ParseLogLines;
import org.datamesh.core.parse.ParseMessages;
import org.datamesh.core.record.RecordPath;

/**
 * How a product's input files are laid out, and the schema their records are parsed into before
 * the record path: CSV with a header, JSON lines, or log lines read by a regular expression; or
 * rows a pipeline computed, which are not parsed at all.
 *
 * <pre>{@code
 * RecordFormat csv = RecordFormat.csv(rawSchema);
 * RecordFormat semicolons = RecordFormat.csv(rawSchema).withDelimiter(';');
 * RecordFormat access = RecordFormat.logLines(rawSchema, "(?<ip>\\S+) - (?<user>\\S+) .*");
 * }</pre>
 */
public final class RecordFormat implements Serializable {

  /** The layouts understood. */
  public enum Kind {
    CSV,
    JSON_LINES,
    LOG_LINES,
    /** Rows a pipeline computed (a consumer-aligned product), typed already: nothing is parsed. */
    ROWS
  }

  private final Kind kind;
  private final Schema schema;
  private final char delimiter;
  private final @Nullable String logPattern;

  private RecordFormat(Kind kind, Schema schema, char delimiter, @Nullable String logPattern) {
    this.kind = kind;
    this.schema = schema;
    this.delimiter = delimiter;
    this.logPattern = logPattern;
  }

  /** CSV (RFC 4180) with a header naming the columns. */
  public static RecordFormat csv(Schema schema) {
    return new RecordFormat(Kind.CSV, schema, ',', null);
  }

  /** One JSON object per line. */
  public static RecordFormat jsonLines(Schema schema) {
    return new RecordFormat(Kind.JSON_LINES, schema, ',', null);
  }

  /**
   * One record a line, the whole line matching {@code regex}, whose named groups are the fields
   * (see {@link ParseLogLines}).
   *
   * @throws IllegalArgumentException if {@code regex} does not compile or names a group that is
   *     not a field of {@code schema}
   */
  public static RecordFormat logLines(Schema schema, String regex) {
    ParseLogLines.of(schema, regex); // fails now, where the format is declared, not at run time
    return new RecordFormat(Kind.LOG_LINES, schema, ',', regex);
  }

  /**
   * Rows computed by a pipeline rather than read from files: the input of a product built from
   * other products ({@link BuildProductFromRows}), which enter its record path with {@code
   * schema}.
   */
  public static RecordFormat rows(Schema schema) {
    return new RecordFormat(Kind.ROWS, schema, ',', null);
  }

  /** Returns a format like this one but splitting CSV fields at {@code delimiter}. */
  public RecordFormat withDelimiter(char delimiter) {
    if (kind != Kind.CSV) {
      throw new IllegalArgumentException("only CSV has a delimiter");
    }
    return new RecordFormat(kind, schema, delimiter, logPattern);
  }

  /** Returns a format like this one but parsing records into {@code schema}. */
  public RecordFormat withSchema(Schema schema) {
    if (kind == Kind.LOG_LINES) {
      return logLines(schema, logPattern);
    }
    return new RecordFormat(kind, schema, delimiter, logPattern);
  }

  public Kind kind() {
    return kind;
  }

  /** The schema records are parsed into: the record path's input. */
  public Schema schema() {
    return schema;
  }

  public char delimiter() {
    return delimiter;
  }

  /** The regular expression log lines are read with; null for the other formats. */
  public @Nullable String logPattern() {
    return logPattern;
  }

  /** The parsing transform for this format, running {@code path} on each record it reads. */
  PTransform<PCollection<FileIO.ReadableFile>, StageResult> parse(String product, RecordPath path) {
    switch (kind) {
      case CSV:
        return ParseCsv.of(schema)
            .withDelimiter(delimiter)
            .forProduct(product)
            .withSourcePositions()
            .then(path);
      case JSON_LINES:
        return ParseJsonLines.of(schema).forProduct(product).withSourcePositions().then(path);
      case LOG_LINES:
        return ParseLogLines.of(schema, logPattern)
            .forProduct(product)
            .withSourcePositions()
            .then(path);
      case ROWS:
        throw new IllegalStateException(
            product + " is built from rows, not files: use BuildProductFromRows");
      default:
        throw new IllegalStateException("unknown format " + kind);
    }
  }

  /**
   * The parsing transform for messages of this format (one record a message; a CSV message has no
   * header, its columns in the schema's order), running {@code path} on each record it reads.
   */
  public ParseMessages parseMessages(String product, RecordPath path) {
    ParseMessages parse;
    switch (kind) {
      case CSV:
        parse = ParseMessages.csv(schema).withDelimiter(delimiter);
        break;
      case JSON_LINES:
        parse = ParseMessages.json(schema);
        break;
      case LOG_LINES:
        parse = ParseMessages.logLines(schema, logPattern);
        break;
      default:
        throw new IllegalStateException(product + " is built from rows, not messages");
    }
    return parse.forProduct(product).withSourcePositions().then(path);
  }

  @Override
  public String toString() {
    return kind == Kind.CSV && delimiter != ',' ? kind + "(" + delimiter + ")" : kind.toString();
  }
}
