package org.datamesh.core.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.LogicalType;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;

/** How {@link CompactRowCoder} writes and reads one present value of each field type. */
final class FieldCodecs {

  private FieldCodecs() {}

  /** How one field's present value is written and read. */
  interface FieldCodec extends java.io.Serializable {
    void write(Object value, DataOutputStream out) throws IOException;

    Object read(DataInputStream in) throws IOException;
  }

  static FieldCodec forType(FieldType type) {
    switch (type.getTypeName()) {
      case STRING:
        return new TextCodec();
      case BYTE:
        return new ByteCodec();
      case INT16:
        return new ShortCodec();
      case INT32:
        return new IntCodec();
      case INT64:
        return new LongCodec();
      case FLOAT:
        return new FloatCodec();
      case DOUBLE:
        return new DoubleCodec();
      case BOOLEAN:
        return new BooleanCodec();
      case DECIMAL:
        return new DecimalCodec();
      case DATETIME:
        return new InstantCodec();
      case BYTES:
        return new BytesCodec();
      case ROW:
        return new NestedRowCodec(new CompactRowCoder(type.getRowSchema()));
      case ARRAY:
      case ITERABLE:
        return new ListCodec(forType(type.getCollectionElementType()));
      case LOGICAL_TYPE:
        if (DataTypes.isMicrosTimestamp(type)) {
          return new MicrosInstantCodec();
        }
        return new LogicalCodec(type.getLogicalType(), forType(type.getLogicalType().getBaseType()));
      default:
        throw new IllegalArgumentException("no compact form for " + type);
    }
  }

  private static final class TextCodec implements FieldCodec {
    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
      VarInt.encode(bytes.length, out);
      out.write(bytes);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      byte[] bytes = new byte[VarInt.decodeInt(in)];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static final class BytesCodec implements FieldCodec {
    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      byte[] bytes = (byte[]) value;
      VarInt.encode(bytes.length, out);
      out.write(bytes);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      byte[] bytes = new byte[VarInt.decodeInt(in)];
      in.readFully(bytes);
      return bytes;
    }
  }

  private static final class ByteCodec implements FieldCodec {
    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      out.writeByte((Byte) value);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      return in.readByte();
    }
  }

  private static final class ShortCodec implements FieldCodec {
    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      out.writeShort((Short) value);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      return in.readShort();
    }
  }

  private static final class IntCodec implements FieldCodec {
    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      VarInt.encode((Integer) value, out);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      return VarInt.decodeInt(in);
    }
  }

  private static final class LongCodec implements FieldCodec {
    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      VarInt.encode((Long) value, out);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      return VarInt.decodeLong(in);
    }
  }

  private static final class FloatCodec implements FieldCodec {
    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      out.writeFloat((Float) value);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      return in.readFloat();
    }
  }

  private static final class DoubleCodec implements FieldCodec {
    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      out.writeDouble((Double) value);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      return in.readDouble();
    }
  }

  private static final class BooleanCodec implements FieldCodec {
    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      out.writeBoolean((Boolean) value);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      return in.readBoolean();
    }
  }

  /** Scale, then the unscaled value's two's-complement bytes. */
  private static final class DecimalCodec implements FieldCodec {
    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      BigDecimal decimal = (BigDecimal) value;
      VarInt.encode(decimal.scale(), out);
      byte[] unscaled = decimal.unscaledValue().toByteArray();
      VarInt.encode(unscaled.length, out);
      out.write(unscaled);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      int scale = VarInt.decodeInt(in);
      byte[] unscaled = new byte[VarInt.decodeInt(in)];
      in.readFully(unscaled);
      return new BigDecimal(new BigInteger(unscaled), scale);
    }
  }

  /** Milliseconds since the epoch, as Beam's DATETIME holds them. */
  private static final class InstantCodec implements FieldCodec {
    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      out.writeLong(((org.joda.time.ReadableInstant) value).getMillis());
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      return new org.joda.time.Instant(in.readLong());
    }
  }

  /**
   * A {@link DataTypes#timestamp()}: seconds since the epoch and microseconds within the second,
   * without the {@code Row} Beam's logical type uses as its base form.
   */
  private static final class MicrosInstantCodec implements FieldCodec {
    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      java.time.Instant instant = (java.time.Instant) value;
      out.writeLong(instant.getEpochSecond());
      VarInt.encode(instant.getNano() / 1_000, out);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      long seconds = in.readLong();
      return java.time.Instant.ofEpochSecond(seconds, VarInt.decodeInt(in) * 1_000L);
    }
  }

  private static final class NestedRowCodec implements FieldCodec {
    private final CompactRowCoder coder;

    NestedRowCodec(CompactRowCoder coder) {
      this.coder = coder;
    }

    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      coder.writeRow((Row) value, out);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      return coder.readRow(in);
    }
  }

  /** A logical type's value, written as its base type's. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final class LogicalCodec implements FieldCodec {
    private final LogicalType logicalType;
    private final FieldCodec base;

    LogicalCodec(LogicalType<?, ?> logicalType, FieldCodec base) {
      this.logicalType = logicalType;
      this.base = base;
    }

    @Override
    public void write(Object value, DataOutputStream out) throws IOException {
      base.write(logicalType.toBaseType(value), out);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      return logicalType.toInputType(base.read(in));
    }
  }
}
