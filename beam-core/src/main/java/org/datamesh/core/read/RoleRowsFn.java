package org.datamesh.core.read;

import java.security.GeneralSecurityException;
import java.util.function.Predicate;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.ProtectedText;

/** Turns the records read for a role into the rows it sees: filtered, masked, decrypted. */
final class RoleRowsFn extends DoFn<Row, Row> {

  private final Schema read;
  private final Schema output;
  private final RoleAccess access;
  private final @Nullable DataKeys keys;
  private transient @Nullable Predicate<Row> filter;
  private transient int[] sources;
  private transient boolean[] masked;
  private transient boolean[] clear;

  RoleRowsFn(Schema read, Schema output, RoleAccess access, @Nullable DataKeys keys) {
    this.read = read;
    this.output = output;
    this.access = access;
    this.keys = keys;
  }

  @Setup
  public void setup() {
    filter = access.rowFilter() == null ? null : access.rowFilter().compile(read);
    int count = output.getFieldCount();
    sources = new int[count];
    masked = new boolean[count];
    clear = new boolean[count];
    for (int i = 0; i < count; i++) {
      String name = output.getField(i).getName();
      sources[i] = read.indexOf(name);
      masked[i] = access.maskedColumns().contains(name);
      clear[i] = access.clearColumns().contains(name);
    }
  }

  @ProcessElement
  public void process(@Element Row row, OutputReceiver<Row> out) {
    if (filter != null && !filter.test(row)) {
      return;
    }
    Row.Builder visible = Row.withSchema(output);
    for (int i = 0; i < sources.length; i++) {
      Object value = row.getValue(sources[i]);
      if (value != null && masked[i]) {
        value = ProtectedText.mask(ProtectedText.canonical(value));
      } else if (value != null && clear[i]) {
        value = reveal(output.getField(i).getName(), ProtectedText.canonical(value));
      }
      visible.addValue(value);
    }
    out.output(visible.build());
  }

  private String reveal(String column, String value) {
    if (!ProtectedText.isEncrypted(value)) {
      return value; // not encrypted: already clear
    }
    try {
      return ProtectedText.reveal(keys, value);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "role " + access.name() + ": " + column + " could not be decrypted with the keyset given"
              + " (a value encrypted with another keyset, or changed)");
    }
  }
}
