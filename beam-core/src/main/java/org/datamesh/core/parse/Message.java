package org.datamesh.core.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.datamesh.core.failure.SourcePosition;

/**
 * One record's bytes as a message stream delivered them, with where they came from: a Kafka
 * record's value, its topic, partition and offset. {@link ParseMessages} turns messages into rows;
 * the bytes are never decoded before, so a message that is not valid UTF-8 is quarantined like a
 * bad line of a file.
 *
 * <pre>{@code
 * Message message = Message.of("orders", 0, 42L, "{\"order_id\":\"A1\"}".getBytes(UTF_8));
 * }</pre>
 */
@DefaultCoder(Message.Coder.class)
public final class Message implements Serializable {

  private final String topic;
  private final int partition;
  private final long offset;
  private final byte[] payload;

  private Message(String topic, int partition, long offset, byte[] payload) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.payload = payload;
  }

  /** A message at {@code offset} of {@code partition} of {@code topic}; an absent value is empty. */
  public static Message of(String topic, int partition, long offset, byte[] payload) {
    return new Message(topic, partition, offset, payload == null ? new byte[0] : payload);
  }

  public String topic() {
    return topic;
  }

  public int partition() {
    return partition;
  }

  public long offset() {
    return offset;
  }

  /** The bytes as delivered; not a copy, so do not change them. */
  public byte[] payload() {
    return payload;
  }

  /** Where the message came from, as failures name it. */
  public SourcePosition position() {
    return SourcePosition.kafka(topic, partition, offset);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Message m
        && m.partition == partition
        && m.offset == offset
        && m.topic.equals(topic)
        && Arrays.equals(m.payload, payload);
  }

  @Override
  public int hashCode() {
    return (topic.hashCode() * 31 + partition) * 31 + Long.hashCode(offset);
  }

  @Override
  public String toString() {
    // Never the payload: it may hold personal data.
    return topic + "-" + partition + "@" + offset + " (" + payload.length + " bytes)";
  }

  /** Encodes a message as its four parts. */
  public static final class Coder extends AtomicCoder<Message> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Message message, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(message.topic, out);
      VarIntCoder.of().encode(message.partition, out);
      VarLongCoder.of().encode(message.offset, out);
      ByteArrayCoder.of().encode(message.payload, out);
    }

    @Override
    public Message decode(InputStream in) throws IOException {
      return new Message(
          StringUtf8Coder.of().decode(in),
          VarIntCoder.of().decode(in),
          VarLongCoder.of().decode(in),
          ByteArrayCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
