package org.datamesh.core.failure;

import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Turns each {@link Failure} into one of Beam's own {@link BadRecord}s, for pipelines that already
 * route bad records through an {@code ErrorHandler} ({@code Pipeline.registerBadRecordErrorHandler}).
 * The quarantine keeps the failures as well: this is a second way out, not a replacement.
 *
 * <pre>{@code
 * try (BadRecordErrorHandler<?> errors = pipeline.registerBadRecordErrorHandler(mySink)) {
 *   errors.addErrorCollection(records.failures().apply(FailuresToBadRecords.create()));
 * }
 * pipeline.run();
 * }</pre>
 *
 * <p>A bad record's record is the failure's raw payload as it is kept: as read for a record that
 * failed parsing, the row as JSON for a later stage, encrypted whole when the product protects
 * columns (then the JSON record is that ciphertext); its encoded form is that text in UTF-8
 * ({@code StringUtf8Coder}). Its failure's description is {@code STAGE product: rule: reason;
 * ...} with every violation and, when known, the source position; its exception names the stage
 * and the first rule, as no Java exception was thrown. Neither holds a value of a field beyond
 * the payload itself.
 */
public final class FailuresToBadRecords
    extends PTransform<PCollection<Failure>, PCollection<BadRecord>> {

  private FailuresToBadRecords() {}

  public static FailuresToBadRecords create() {
    return new FailuresToBadRecords();
  }

  /** {@code failure} as a bad record. */
  public static BadRecord toBadRecord(Failure failure) {
    BadRecord.Record.Builder record = BadRecord.Record.builder();
    String raw = failure.rawPayload();
    if (raw != null) {
      record
          .setHumanReadableJsonRecord(raw)
          .setEncodedRecord(raw.getBytes(StandardCharsets.UTF_8))
          .setCoder(StringUtf8Coder.of().toString());
    }
    String description =
        failure.stage() + " " + failure.product() + ": " + failure.reason()
            + (failure.source() == null ? "" : " (at " + failure.source() + ")");
    return BadRecord.builder()
        .setRecord(record.build())
        .setFailure(
            BadRecord.Failure.builder()
                .setException(failure.stage() + " " + failure.ruleId())
                .setDescription(description)
                .build())
        .build();
  }

  @Override
  public PCollection<BadRecord> expand(PCollection<Failure> failures) {
    return failures
        .apply(
            "ToBadRecords",
            MapElements.into(TypeDescriptor.of(BadRecord.class))
                .via(FailuresToBadRecords::toBadRecord))
        .setCoder(BadRecord.getCoder(failures.getPipeline()));
  }
}
