package org.datamesh.examples.keys;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.FieldProtection;
import org.datamesh.core.protect.ProtectionStep;
import org.datamesh.core.record.RecordIssues;

/** A value encrypted as a published column holds it, made through the public protection step. */
final class Encrypted {

  private static final Schema ONE = Schema.builder().addNullableField("v", FieldType.STRING).build();

  private Encrypted() {}

  static String of(DataKeys keys, String clear) {
    return (String)
        ProtectionStep.of(keys, List.of(FieldProtection.encrypt("v")))
            .compile(ONE)
            .apply(new Object[] {clear}, new RecordIssues())[0];
  }

}
