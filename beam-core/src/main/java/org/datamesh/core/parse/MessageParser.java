package org.datamesh.core.parse;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.failure.Violation;

/**
 * Reads one message into the values of a schema's fields, or into a parse failure: the payload
 * decoded as UTF-8, then read as one JSON object, one header-less CSV record or one log line. Not
 * thread-safe (its parsers reuse state); each DoFn instance holds its own copy.
 */
final class MessageParser implements Serializable {

  private final Schema schema;
  private final String layout;
  private final char delimiter;
  private final @Nullable LogPattern pattern;
  private final int maxRecordChars;
  private final String product;
  private transient @Nullable JsonLineParser json;
  private transient @Nullable LogLineParser log;
  private transient @Nullable CsvHeader columns;

  MessageParser(
      Schema schema,
      String layout,
      char delimiter,
      @Nullable LogPattern pattern,
      int maxRecordChars,
      String product) {
    this.schema = schema;
    this.layout = layout;
    this.delimiter = delimiter;
    this.pattern = pattern;
    this.maxRecordChars = maxRecordChars;
    this.product = product;
  }

  Schema schema() {
    return schema;
  }

  ParseOutcome parse(Message message) {
    BoundedLineReader.Line line = text(message.payload(), maxRecordChars + 1);
    SourcePosition position = message.position();
    switch (layout) {
      case "JSON":
        if (json == null) {
          json = new JsonLineParser(schema, maxRecordChars, product);
        }
        return json.parse(line, position);
      case "LOG_LINE":
        if (log == null) {
          log = new LogLineParser(schema, pattern, maxRecordChars, product);
        }
        return log.parse(line, position);
      default:
        return parseCsv(line, position);
    }
  }

  private ParseOutcome parseCsv(BoundedLineReader.Line line, SourcePosition position) {
    Violation problem = LineProblems.of(line, maxRecordChars);
    if (problem != null) {
      return ParseOutcome.failure(product, List.of(problem), position, Utf8Text.printable(line.text()));
    }
    try {
      CsvTokenizer tokenizer =
          new CsvTokenizer(new StringReader(line.text()), delimiter, maxRecordChars);
      CsvRecord record = tokenizer.next();
      if (tokenizer.next() != null) {
        return ParseOutcome.failure(
            product,
            List.of(
                Violation.error(
                    "parse.message_records",
                    null,
                    "the message holds more than one CSV record; a message is one record")),
            position,
            Utf8Text.printable(line.text()));
      }
      return columns().toOutcome(record, position, product);
    } catch (IOException e) {
      throw new UncheckedIOException("reading text held in memory", e);
    }
  }

  /** The schema's fields as the columns, in order: a message carries no header. */
  private CsvHeader columns() {
    if (columns == null) {
      List<String> names = new ArrayList<>(schema.getFieldNames());
      columns =
          CsvHeader.of(schema, new CsvRecord(names, new boolean[names.size()], "", 0, List.of()));
    }
    return columns;
  }

  /** Decodes a payload as UTF-8, keeping at most {@code keepChars} characters of it. */
  static BoundedLineReader.Line text(byte[] payload, int keepChars) {
    String text = Utf8Text.decode(payload);
    boolean invalid = false;
    char previous = 0;
    for (int i = 0; i < text.length() && !invalid; i++) {
      char c = text.charAt(i);
      invalid = Utf8Text.isInvalid(previous, c);
      previous = c;
    }
    String kept = text.length() <= keepChars ? text : text.substring(0, keepChars);
    return new BoundedLineReader.Line(kept, text.length(), invalid);
  }
}
