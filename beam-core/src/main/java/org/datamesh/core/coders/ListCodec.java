package org.datamesh.core.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.util.VarInt;

/**
 * An array's (or iterable's) items: their count, then per item a presence byte and the item as
 * its type's codec writes it. Read back as a {@code List}, which Beam rows hold for both.
 *
 * <pre>{@code
 * [3, null, 5] as ARRAY<INT64>:  03 | 01 <3> | 00 | 01 <5>
 * }</pre>
 */
final class ListCodec implements FieldCodecs.FieldCodec {

  private final FieldCodecs.FieldCodec items;

  ListCodec(FieldCodecs.FieldCodec items) {
    this.items = items;
  }

  @Override
  public void write(Object value, DataOutputStream out) throws IOException {
    List<?> list;
    if (value instanceof List<?> l) {
      list = l;
    } else {
      List<Object> copy = new ArrayList<>();
      ((Iterable<?>) value).forEach(copy::add);
      list = copy;
    }
    VarInt.encode(list.size(), out);
    for (Object item : list) {
      if (item == null) {
        out.writeByte(0);
      } else {
        out.writeByte(1);
        items.write(item, out);
      }
    }
  }

  @Override
  public Object read(DataInputStream in) throws IOException {
    int size = VarInt.decodeInt(in);
    if (size < 0) {
      throw new IOException("a negative item count: the input is not a list");
    }
    List<Object> list = new ArrayList<>(Math.min(size, 1024));
    for (int i = 0; i < size; i++) {
      list.add(in.readByte() == 0 ? null : items.read(in));
    }
    return list;
  }
}
