package org.datamesh.core.parse;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.StageResult;
import org.datamesh.core.failure.SourceField;
import org.datamesh.core.record.RecordPath;

/**
 * Parses messages (one record each: a Kafka record's value) into rows of a schema, running each
 * through a record path in the same step, as the file parsers do; every message that cannot be
 * parsed, or that fails a step, becomes a failure naming its topic, partition and offset, and the
 * stream goes on.
 *
 * <pre>{@code
 * StageResult parsed =
 *     messages.apply(ParseMessages.json(schema).forProduct("sales.orders").then(path));
 * }</pre>
 *
 * <p>A message holds one JSON object ({@link #json}, the rules of {@link ParseJsonLines}; line
 * breaks inside are allowed), one CSV record without a header, its columns in the schema's field
 * order ({@link #csv}; a message of several records fails), or one log line ({@link #logLines}).
 * The payload is decoded here, so bytes that are not UTF-8, a NUL character, an empty message or
 * one longer than {@link #withMaxRecordChars} are each a failure with the message's text.
 *
 * <p>Nothing is grouped and nothing counted per bundle, so the input may be unbounded: a stream
 * counts its messages per event-time window itself.
 */
public final class ParseMessages extends PTransform<PCollection<Message>, StageResult> {

  /** The layouts a message may hold. */
  private enum Layout {
    JSON,
    CSV,
    LOG_LINE
  }

  private final Schema schema;
  private final Layout layout;
  private final char delimiter;
  private final @Nullable LogPattern pattern;
  private final ParseSettings settings;

  private ParseMessages(
      Schema schema,
      Layout layout,
      char delimiter,
      @Nullable LogPattern pattern,
      ParseSettings settings) {
    this.schema = schema;
    this.layout = layout;
    this.delimiter = delimiter;
    this.pattern = pattern;
    this.settings = settings;
  }

  /** Messages holding one JSON object each. */
  public static ParseMessages json(Schema schema) {
    schema.getFields().forEach(FieldValues::checkSupported);
    return new ParseMessages(schema, Layout.JSON, ',', null, ParseSettings.DEFAULT);
  }

  /** Messages holding one CSV record each, its columns in the order of {@code schema}'s fields. */
  public static ParseMessages csv(Schema schema) {
    schema.getFields().forEach(FieldValues::checkSupported);
    return new ParseMessages(schema, Layout.CSV, ',', null, ParseSettings.DEFAULT);
  }

  /** Messages holding one log line each, read by {@code regex} (see {@link ParseLogLines}). */
  public static ParseMessages logLines(Schema schema, String regex) {
    ParseLogLines.of(schema, regex); // the same checks of the pattern against the schema
    return new ParseMessages(
        schema, Layout.LOG_LINE, ',', LogPattern.of(regex), ParseSettings.DEFAULT);
  }

  /** Returns a {@link ParseMessages} like this one but splitting CSV fields at {@code delimiter}. */
  public ParseMessages withDelimiter(char delimiter) {
    if (layout != Layout.CSV) {
      throw new IllegalArgumentException("only CSV has a delimiter");
    }
    return new ParseMessages(schema, layout, delimiter, pattern, settings);
  }

  /** Returns a {@link ParseMessages} like this one but naming {@code product} in its failures. */
  public ParseMessages forProduct(String product) {
    return new ParseMessages(schema, layout, delimiter, pattern, settings.withProduct(product));
  }

  /** Returns a {@link ParseMessages} like this one but failing messages longer than {@code chars}. */
  public ParseMessages withMaxRecordChars(int chars) {
    return new ParseMessages(schema, layout, delimiter, pattern, settings.withMaxRecordChars(chars));
  }

  /**
   * Returns a {@link ParseMessages} like this one but adding each row's topic, partition and
   * offset as the {@link SourceField}.
   */
  public ParseMessages withSourcePositions() {
    return new ParseMessages(schema, layout, delimiter, pattern, settings.carryingSourcePositions());
  }

  /**
   * Returns a {@link ParseMessages} like this one but running each parsed record through {@code
   * path} in the same step (see {@link ParseJsonLines#then(RecordPath)}).
   */
  public ParseMessages then(RecordPath path) {
    return new ParseMessages(schema, layout, delimiter, pattern, settings.then(path, schema));
  }

  @Override
  public StageResult expand(PCollection<Message> messages) {
    return RecordParsingFn.applyUncounted(messages, new ParseMessageFn(this));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    settings.populateDisplayData(builder, schema);
    builder.add(DisplayData.item("layout", layout.toString()).withLabel("Message layout"));
  }

  /**
   * The event time of each message: the value of {@code field} in the row the message becomes
   * (parsed and run through the record path, so the time is the standardized one), or null when
   * the message fails or the field is empty. For a source's timestamp policy, which sees each
   * message before this step does.
   *
   * @throws IllegalArgumentException if the rows have no such field or it is not a date or time
   */
  public MessageEventTime eventTime(String field) {
    return MessageEventTime.of(parser(), settings.path(), field);
  }

  MessageParser parser() {
    return new MessageParser(
        schema, layout.name(), delimiter, pattern, settings.maxRecordChars(), settings.product());
  }

  /** Parses one message per element. */
  private static final class ParseMessageFn extends RecordParsingFn<Message> {
    private final MessageParser parser;

    ParseMessageFn(ParseMessages spec) {
      super(
          spec.schema,
          spec.settings.path(),
          spec.settings.withSourcePositions(),
          spec.settings.product(),
          false);
      this.parser = spec.parser();
    }

    @ProcessElement
    public void process(
        @Element Message message, BoundedWindow window, MultiOutputReceiver out) {
      beginReading();
      emit(parser.parse(message), window, out);
    }
  }
}
