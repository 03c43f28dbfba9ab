package org.datamesh.core.failure;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler.BadRecordErrorHandler;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.ProtectFailures;
import org.datamesh.core.protect.ProtectedText;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each failure becomes one Beam BadRecord with its payload, stage, rule and every reason. */
@ExtendWith(TestPipelineExtension.class)
class FailuresToBadRecordsTest {

  static final Failure TWO_REASONS =
      Failure.builder(Stage.VALIDATE, "sales.orders")
          .setViolations(
              List.of(
                  Violation.error("amount.range", "amount", "amount must be at least 0"),
                  Violation.error("currency.allowed", "currency", "currency must be EUR or USD")))
          .setSource(SourcePosition.fileRecord("orders.csv", 7, 8))
          .setRawPayload("A-7,-3,XYZ")
          .build();

  static final Failure NO_PAYLOAD =
      Failure.builder(Stage.PARSE, "sales.orders")
          .setViolations(List.of(Violation.error("parse.encoding", null, "the record is not UTF-8")))
          .build();

  @Test
  void aRegisteredErrorHandlerReceivesOneBadRecordPerFailure(TestPipeline pipeline) {
    BadRecordErrorHandler<PCollection<BadRecord>> errors =
        pipeline.registerBadRecordErrorHandler(new Passed());
    PCollection<Failure> failures =
        pipeline.apply(Create.of(TWO_REASONS, NO_PAYLOAD).withCoder(FailureSchemaProvider.coder()));
    errors.addErrorCollection(failures.apply(FailuresToBadRecords.create()));
    errors.close();

    PAssert.that(errors.getOutput())
        .satisfies(
            records -> {
              List<BadRecord> all = new ArrayList<>();
              records.forEach(all::add);
              assertThat(all.size(), is(2));
              BadRecord validated =
                  all.stream().filter(r -> r.getRecord().getHumanReadableJsonRecord() != null)
                      .findFirst().orElseThrow();
              assertThat(validated.getRecord().getHumanReadableJsonRecord(), equalTo("A-7,-3,XYZ"));
              assertThat(
                  new String(validated.getRecord().getEncodedRecord(), StandardCharsets.UTF_8),
                  equalTo("A-7,-3,XYZ"));
              assertThat(validated.getFailure().getException(), equalTo("VALIDATE amount.range"));
              assertThat(
                  validated.getFailure().getDescription(),
                  equalTo(
                      "VALIDATE sales.orders: amount.range: amount must be at least 0;"
                          + " currency.allowed: currency must be EUR or USD (at "
                          + TWO_REASONS.source() + ")"));
              BadRecord parsed =
                  all.stream().filter(r -> r.getRecord().getHumanReadableJsonRecord() == null)
                      .findFirst().orElseThrow();
              assertThat(parsed.getRecord().getEncodedRecord(), nullValue());
              assertThat(
                  parsed.getFailure().getDescription(),
                  equalTo("PARSE sales.orders: parse.encoding: the record is not UTF-8"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aProtectedPayloadStaysEncryptedInTheBadRecord(TestPipeline pipeline) throws Exception {
    DataKeys keys = DataKeys.generate();
    PCollection<BadRecord> records =
        pipeline
            .apply(Create.of(TWO_REASONS).withCoder(FailureSchemaProvider.coder()))
            .apply(ProtectFailures.with(keys))
            .apply(FailuresToBadRecords.create());

    PAssert.thatSingleton(
            records.apply(
                MapElements.into(TypeDescriptor.of(String.class))
                    .via((BadRecord r) -> r.getRecord().getHumanReadableJsonRecord())))
        .satisfies(
            payload -> {
              assertThat(payload, startsWith("enc:"));
              try {
                assertThat(ProtectedText.reveal(keys, payload), equalTo("A-7,-3,XYZ"));
              } catch (java.security.GeneralSecurityException e) {
                throw new AssertionError(e);
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  /** The error handler's sink: the bad records themselves, for PAssert. */
  private static final class Passed
      extends PTransform<PCollection<BadRecord>, PCollection<BadRecord>> {
    @Override
    public PCollection<BadRecord> expand(PCollection<BadRecord> records) {
      return records
          .apply(MapElements.into(TypeDescriptor.of(BadRecord.class)).via((BadRecord b) -> b))
          .setCoder(BadRecord.getCoder(records.getPipeline()));
    }
  }
}
