package org.datamesh.core.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.LogicalType;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.transforms.SerializableFunctions;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A coder for rows of flat schemas (text, numbers, decimals, booleans, timestamps, dates and
 * nested rows of the same), used where a product's records cross a runner boundary: the rows
 * leaving the record path and the deduplication's shuffle.
 *
 * <pre>{@code
 * rows.setCoder(CompactRowCoder.of(schema));   // rows.hasSchema() stays true
 * }</pre>
 *
 * <p>Why not Beam's {@code RowCoder}: profiled on the orders product on Flink (300,000 records),
 * encoding rows took about 40% of the CPU, and a fifth of that was {@code String.format} inside
 * {@code BigDecimalCoder} and {@code BigIntegerCoder}, which build an error message on every
 * call. This coder writes a null bitmap, then each present value in the plainest form (UTF-8 text,
 * variable-length integers, a decimal's scale and unscaled bytes, a timestamp's milliseconds).
 *
 * <p>It is a {@link SchemaCoder}, so collections using it keep their schema. A schema with
 * arrays, maps or other unusual types gets Beam's own {@code RowCoder} from {@link #of}.
 */
public final class CompactRowCoder extends SchemaCoder<Row> {

  private static final long serialVersionUID = 1L;

  private final FieldCodec[] codecs;

  private CompactRowCoder(Schema schema) {
    super(
        schema,
        TypeDescriptors.rows(),
        SerializableFunctions.identity(),
        SerializableFunctions.identity());
    this.codecs = new FieldCodec[schema.getFieldCount()];
    for (int i = 0; i < codecs.length; i++) {
      codecs[i] = codecFor(schema.getField(i).getType());
    }
  }

  /** The compact coder for rows of {@code schema}, or Beam's RowCoder when it cannot hold them. */
  public static SchemaCoder<Row> of(Schema schema) {
    return supports(schema) ? new CompactRowCoder(schema) : RowCoder.of(schema);
  }

  /** Whether every field of {@code schema} has a compact form. */
  public static boolean supports(Schema schema) {
    for (Schema.Field field : schema.getFields()) {
      if (!supports(field.getType())) {
        return false;
      }
    }
    return true;
  }

  private static boolean supports(FieldType type) {
    switch (type.getTypeName()) {
      case STRING:
      case BYTE:
      case INT16:
      case INT32:
      case INT64:
      case FLOAT:
      case DOUBLE:
      case BOOLEAN:
      case DECIMAL:
      case DATETIME:
      case BYTES:
        return true;
      case ROW:
        return supports(type.getRowSchema());
      case LOGICAL_TYPE:
        return supports(type.getLogicalType().getBaseType());
      default:
        return false;
    }
  }

  @Override
  public void encode(Row row, OutputStream out) throws IOException {
    if (row == null) {
      throw new CoderException("cannot encode a null row");
    }
    DataOutputStream data = out instanceof DataOutputStream d ? d : new DataOutputStream(out);
    writeRow(row, data);
  }

  @Override
  public Row decode(InputStream in) throws IOException {
    DataInputStream data = in instanceof DataInputStream d ? d : new DataInputStream(in);
    return readRow(data);
  }

  private void writeRow(Row row, DataOutputStream out) throws IOException {
    int count = codecs.length;
    byte[] nulls = new byte[(count + 7) / 8];
    for (int i = 0; i < count; i++) {
      if (row.getValue(i) == null) {
        nulls[i >> 3] |= (byte) (1 << (i & 7));
      }
    }
    out.write(nulls);
    for (int i = 0; i < count; i++) {
      Object value = row.getValue(i);
      if (value != null) {
        codecs[i].write(value, out);
      }
    }
  }

  private Row readRow(DataInputStream in) throws IOException {
    int count = codecs.length;
    byte[] nulls = new byte[(count + 7) / 8];
    in.readFully(nulls);
    Object[] values = new Object[count];
    for (int i = 0; i < count; i++) {
      if ((nulls[i >> 3] & (1 << (i & 7))) == 0) {
        values[i] = codecs[i].read(in);
      }
    }
    return Row.withSchema(schema).attachValues(Arrays.asList(values));
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof CompactRowCoder that && schema.equals(that.schema);
  }

  @Override
  public int hashCode() {
    return schema.hashCode() * 31 + CompactRowCoder.class.hashCode();
  }

  @Override
  public String toString() {
    return "CompactRowCoder(" + schema.getFieldNames() + ")";
  }

  /** How one field's present value is written and read. */
  private interface FieldCodec extends java.io.Serializable {
    void write(Object value, DataOutputStream out) throws IOException;

    Object read(DataInputStream in) throws IOException;
  }

  private static FieldCodec codecFor(FieldType type) {
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
      case LOGICAL_TYPE:
        return new LogicalCodec(type.getLogicalType(), codecFor(type.getLogicalType().getBaseType()));
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
