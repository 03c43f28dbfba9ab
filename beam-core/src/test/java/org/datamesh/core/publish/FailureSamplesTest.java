package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.FailureSchemaProvider;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.protect.ProtectFailures;
import org.datamesh.core.quality.FailureSample;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A report's samples: the earliest few of each rule, as quarantined, whatever the bundles. */
@ExtendWith(TestPipelineExtension.class)
class FailureSamplesTest {

  private static Failure failure(String rule, String file, long record, String payload) {
    return Failure.builder(Stage.VALIDATE, "sales.orders")
        .setViolations(List.of(Violation.error(rule, "amount", "amount must be at least 0")))
        .setSource(SourcePosition.fileRecord(file, record, record + 1))
        .setRawPayload(payload)
        .build();
  }

  @Test
  void theEarliestThreeOfEachRuleBySourcePosition(TestPipeline pipeline) {
    List<Failure> failures = new ArrayList<>();
    // record numbers compared as numbers: record 10 comes after record 9
    for (long record : new long[] {40, 10, 9, 300, 2, 11}) {
      failures.add(failure("amount.range", "b.csv", record, "A-" + record + ",-1"));
    }
    failures.add(failure("amount.range", "a.csv", 500, "A-500,-1")); // an earlier file
    failures.add(
        Failure.builder(Stage.PARSE, "sales.orders")
            .setViolations(
                List.of(
                    Violation.error("parse.columns", null, "the record has 3 columns, not 2"),
                    Violation.error("parse.quote", null, "a quote is not closed")))
            .setRawPayload("x".repeat(5000))
            .build());
    PCollection<List<FailureSample>> samples =
        pipeline
            .apply(Create.of(failures).withCoder(FailureSchemaProvider.coder()))
            .apply(Combine.globally(new FailureSamples()));

    PAssert.thatSingleton(samples)
        .satisfies(
            found -> {
              assertThat(
                  found.stream().map(s -> s.rules().get(0) + "@" + s.source()).toList(),
                  contains(
                      "amount.range@a.csv record 500 (line 501)",
                      "amount.range@b.csv record 2 (line 3)",
                      "amount.range@b.csv record 9 (line 10)",
                      "parse.columns@null"));
              FailureSample parse = found.get(3);
              assertThat(parse.rules(), contains("parse.columns", "parse.quote"));
              assertThat(parse.stage(), is("PARSE"));
              assertThat(
                  parse.reason(),
                  is("parse.columns: the record has 3 columns, not 2; parse.quote: a quote is not closed"));
              assertThat(parse.payload().length(), is(FailureSample.PAYLOAD_CHARS + 1));
              assertThat(parse.payload(), endsWith("x…"));
              assertThat(found.get(0).payload(), is("A-500,-1"));
              return null;
            });
    pipeline.run();
  }

  @Test
  void anEncryptedPayloadIsNeverShownAndNoFailuresGiveNoSamples(TestPipeline pipeline) {
    DataKeys keys = DataKeys.generate();
    Failure secret =
        ProtectFailures.protect(
            failure("email.format", "c.csv", 1, "C-1,jane.doe@example.org"), keys);
    PCollection<List<FailureSample>> samples =
        pipeline
            .apply("One", Create.of(secret).withCoder(FailureSchemaProvider.coder()))
            .apply("SamplesOfOne", Combine.globally(new FailureSamples()));
    PCollection<List<FailureSample>> none =
        pipeline
            .apply("None", Create.empty(FailureSchemaProvider.coder()))
            .apply("SamplesOfNone", Combine.globally(new FailureSamples()));

    PAssert.thatSingleton(samples)
        .satisfies(
            found -> {
              assertThat(found.get(0).payload(), is(FailureSample.ENCRYPTED));
              assertThat(found.toString(), not(containsString("jane.doe")));
              return null;
            });
    PAssert.thatSingleton(none)
        .satisfies(
            found -> {
              assertThat(found, is(empty()));
              return null;
            });
    pipeline.run();
  }
}
