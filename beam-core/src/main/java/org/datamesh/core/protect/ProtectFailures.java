package org.datamesh.core.protect;

import java.security.GeneralSecurityException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.failure.Failure;

/**
 * Encrypts the raw payload of every failure, so a product's quarantine holds no clear value of
 * its classified columns.
 *
 * <pre>{@code
 * PCollection<Failure> safe = failures.apply(ProtectFailures.with(keys));
 * String raw = ProtectedText.reveal(keys, safe.rawPayload());   // for a key holder
 * }</pre>
 *
 * <p>Why the whole payload and not column by column: a record that failed may not have been
 * split into columns at all (a broken quote, bad bytes), and one that was may have its values in
 * the wrong columns; only whole encryption is safe for every failure. Reasons, rule ids, fields
 * and source positions stay readable: they never hold values. A key holder reads the payload back
 * with {@link ProtectedText#reveal} or {@code datamesh keys --keyset=... --reveal=...}.
 */
public final class ProtectFailures extends PTransform<PCollection<Failure>, PCollection<Failure>> {

  private final DataKeys keys;

  private ProtectFailures(DataKeys keys) {
    this.keys = keys;
  }

  public static ProtectFailures with(DataKeys keys) {
    return new ProtectFailures(keys);
  }

  /** {@code failure} with its raw payload encrypted (unchanged when it keeps none). */
  public static Failure protect(Failure failure, DataKeys keys) {
    String raw = failure.rawPayload();
    if (raw == null) {
      return failure;
    }
    String encrypted;
    try {
      encrypted = ProtectedText.encrypt(keys, raw);
    } catch (GeneralSecurityException e) {
      // Never keep the clear payload: drop it and say so in the failure's flag.
      encrypted = null;
    }
    return failure.toBuilder().setRawPayload(encrypted).build();
  }

  @Override
  public PCollection<Failure> expand(PCollection<Failure> failures) {
    return failures.apply(
        "EncryptPayloads",
        ParDo.of(
            new DoFn<Failure, Failure>() {
              @ProcessElement
              public void process(@Element Failure failure, OutputReceiver<Failure> out) {
                out.output(protect(failure, keys));
              }
            }));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("payloads", "encrypted (AES-GCM)").withLabel("Raw payloads"));
  }
}
