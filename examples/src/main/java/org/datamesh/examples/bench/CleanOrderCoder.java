package org.datamesh.examples.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * A compact coder for {@link CleanOrder}, the element the hand-written pipeline shuffles: what a
 * Beam user who cares about the grouping's cost would write instead of Java serialization.
 *
 * <pre>{@code
 * KvCoder.of(StringUtf8Coder.of(), CleanOrderCoder.of());
 * }</pre>
 */
final class CleanOrderCoder extends CustomCoder<CleanOrder> {

  private static final CleanOrderCoder INSTANCE = new CleanOrderCoder();

  private CleanOrderCoder() {}

  static CleanOrderCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(CleanOrder order, OutputStream outStream) throws IOException {
    DataOutputStream out = new DataOutputStream(outStream);
    writeText(out, order.orderId());
    writeText(out, order.customerId());
    out.writeLong(order.orderTs());
    out.writeBoolean(order.updatedAt() != null);
    if (order.updatedAt() != null) {
      out.writeLong(order.updatedAt());
    }
    byte[] unscaled = order.amount().unscaledValue().toByteArray();
    out.writeByte(order.amount().scale());
    out.writeByte(unscaled.length);
    out.write(unscaled);
    writeText(out, order.currency());
    writeText(out, order.status());
    out.writeInt(order.quantity() == null ? Integer.MIN_VALUE : order.quantity());
    out.writeLong(order.recordNumber());
    out.flush();
  }

  @Override
  public CleanOrder decode(InputStream inStream) throws IOException {
    DataInputStream in = new DataInputStream(inStream);
    String orderId = readText(in);
    String customerId = readText(in);
    long orderTs = in.readLong();
    Long updatedAt = in.readBoolean() ? in.readLong() : null;
    int scale = in.readByte();
    byte[] unscaled = new byte[in.readByte()];
    in.readFully(unscaled);
    String currency = readText(in);
    String status = readText(in);
    int quantity = in.readInt();
    return new CleanOrder(
        orderId,
        customerId,
        orderTs,
        updatedAt,
        new BigDecimal(new BigInteger(unscaled), scale),
        currency,
        status,
        quantity == Integer.MIN_VALUE ? null : quantity,
        in.readLong());
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    out.writeBoolean(text != null);
    if (text != null) {
      out.writeUTF(text);
    }
  }

  private static String readText(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  @Override
  public void verifyDeterministic() {}
}
