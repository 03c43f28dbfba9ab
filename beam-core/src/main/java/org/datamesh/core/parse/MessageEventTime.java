package org.datamesh.core.parse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;
import org.datamesh.core.record.RecordPath;
import org.joda.time.Instant;

/**
 * The event time of a message: the value of one date or timestamp field of the row the message
 * becomes, read the way {@link ParseMessages} reads it (parsed, then through the record path, so
 * a time standardized to UTC is the standardized one). Null when the message fails or the field
 * is empty; a date is its day's start in UTC. Calls are serialized: one source reader's partitions
 * share it.
 *
 * <pre>{@code
 * MessageEventTime eventTime = ParseMessages.json(schema).then(path).eventTime("ordered_at");
 * Instant at = eventTime.apply(message);   // null: take the broker's timestamp instead
 * }</pre>
 */
public final class MessageEventTime implements SerializableFunction<Message, @Nullable Instant> {

  private final MessageParser parser;
  private final RecordPath path;
  private final String field;
  private final int index;
  private transient RecordPath.@Nullable Compiled compiled;

  private MessageEventTime(MessageParser parser, RecordPath path, String field, int index) {
    this.parser = parser;
    this.path = path;
    this.field = field;
    this.index = index;
  }

  static MessageEventTime of(MessageParser parser, RecordPath path, String field) {
    Schema rows = path.outputSchema(parser.schema());
    if (!rows.hasField(field)) {
      throw new IllegalArgumentException(
          "no field " + field + " to take the event time from; the fields: " + rows.getFieldNames());
    }
    FieldType type = rows.getField(field).getType();
    if (!DataTypes.isTimestamp(type) && !DataTypes.isDate(type)) {
      throw new IllegalArgumentException(
          "the event time must be a timestamp or a date; " + field + " is " + type);
    }
    return new MessageEventTime(parser, path, field, rows.indexOf(field));
  }

  /** The field the time is read from. */
  public String field() {
    return field;
  }

  @Override
  public synchronized @Nullable Instant apply(Message message) {
    ParseOutcome outcome = parser.parse(message);
    if (outcome.values() == null) {
      return null;
    }
    if (compiled == null) {
      compiled = path.compile(parser.schema());
    }
    if (compiled.run(outcome.values(), rule -> {}) != null) {
      return null;
    }
    Object value = compiled.values()[index];
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate date) {
      return new Instant(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    }
    return new Instant(DataTypes.instant(value).toEpochMilli());
  }
}
